import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, lioctl, sandbox, type Run } from './run-lioctl.js';

/** Runs bin/lioctl through a link named `targetcli`, as a drop-in installs it. */
function targetcli(args: readonly string[], box: { home: string }, input = ''): Run {
  const link = join(box.home, 'targetcli');
  try {
    symlinkSync(BIN, link);
  } catch {
    // made by an earlier run in this sandbox
  }
  const r = spawnSync(link, args, { input, encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: box.home, HOME: box.home, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const SCRIPT = '/iscsi delete iqn.2003-01.org.example:absent\n/backstores/ramdisk create rd1 1M\nls /backstores/ramdisk 1\n';

describe('bin/lioctl started as targetcli', () => {
  it('goes on after a failed line of a script on stdin and exits 0, as targetcli does', () => {
    const box = sandbox();
    const r = targetcli(['--sim-state', box.state], box, SCRIPT);
    expect(r.stderr).toBe('lioctl: line 1: No iscsi target iqn.2003-01.org.example:absent\n  list targets with: ls /iscsi\n');
    expect(r.stdout).toContain('Created ramdisk rd1 with size 1048576.\n');
    expect(r.stdout).toMatch(/o- rd1 \.+ \[\(1\.0MiB\) deactivated\]/);
    expect(r.status).toBe(0);
  });

  it('still stops at the first failed line under its own name', () => {
    const box = sandbox();
    const r = lioctl(['--sim-state', box.state], { ...box, input: SCRIPT });
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(lioctl(['--sim-state', box.state, 'ls', '/backstores/ramdisk'], box).stdout).not.toContain('rd1');
  });

  it('exits non-zero on a failed one-shot command, which scripts test with ||', () => {
    const box = sandbox();
    const r = targetcli(['--sim-state', box.state, '/iscsi', 'delete', 'iqn.2003-01.org.example:absent'], box);
    expect(r.status).toBe(4);
  });

  it('prints the status lines targetcli prints for / and /backstores, which scripts grep', () => {
    const box = sandbox();
    expect(targetcli(['--sim-state', box.state, '/', 'status'], box).stdout).toBe('Status for /: \n');
    expect(targetcli(['--sim-state', box.state, '/backstores', 'status'], box).stdout).toBe('Status for /backstores: \n');
    // Under its own name / status keeps its sessions and health warnings.
    expect(lioctl(['--sim-state', box.state, '/', 'status'], box).stdout).toBe('Status for /: 0 sessions, 0 warnings\n');
  });

  it('does not save a simulated configuration over the real saved file at the end of a script', () => {
    const box = sandbox();
    const r = targetcli(['--sim-state', box.state], box, '/backstores/ramdisk create rd1 1M\n');
    expect(r).toMatchObject({ status: 0, stdout: 'Created ramdisk rd1 with size 1048576.\n' });
  });
});
