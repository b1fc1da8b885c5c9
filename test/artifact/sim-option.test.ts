import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox, type Run } from './run-lioctl.js';

/** bin/lioctl run from a fresh, empty working directory, with its own home. */
function fromEmptyDir(args: readonly string[], input = ''): Run & { cwd: string; home: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'lioctl-cwd-'));
  const { home } = sandbox();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: home, HOME: home, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, cwd, home };
}

// `--sim [statefile]` once took the command as the state file: `lioctl --sim ls` wrote a file named ls.
describe('--sim never takes the next word', () => {
  it('lioctl --sim ls prints the simulator tree and creates no file in the working directory', () => {
    const r = fromEmptyDir(['--sim', 'ls']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^o- \/ \.+ \[\.\.\.\]\n {2}o- backstores /);
    expect(readdirSync(r.cwd)).toEqual([]);
    expect(existsSync(join(r.home, '.lioctl', 'sim-state.json'))).toBe(true);
  });

  it('lioctl --sim /iscsi create makes a target on the simulator', () => {
    const r = fromEmptyDir(['--sim', '/iscsi', 'create']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Created target iqn\.2003-01\.org\.linux-iscsi\./);
    expect(readdirSync(r.cwd)).toEqual([]);
  });

  it('keeps the state in the file given by --sim-state FILE or --sim=FILE, and only there', () => {
    const box = sandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'lioctl-cwd-'));
    const run = (args: readonly string[]): Run => {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: box.home, HOME: box.home } });
      return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    expect(run(['--sim-state', box.state, '/backstores/ramdisk', 'create', 'rd0', '1M']).status).toBe(0);
    expect(run([`--sim=${box.state}`, 'ls', '/backstores/ramdisk']).stdout).toContain('rd0');
    expect(run(['--sim', 'ls', '/backstores/ramdisk']).stdout).not.toContain('rd0');
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(box.state)).toBe(true);
  });
});

describe('warnings', () => {
  it('go to stderr as one line, and as JSON data in --json; stdout stays the result', () => {
    const human = fromEmptyDir(['--sim', '/iscsi', 'create', 'iqn.2003-01.zettor:127.0.0.1']);
    expect(human.status).toBe(0);
    expect(human.stderr).toBe(
      "Warning: 'iqn.2003-01.zettor:127.0.0.1' has naming authority 'zettor'; RFC 3720 asks for a reversed domain name such as com.example\n",
    );
    const json = fromEmptyDir(['--json', '--sim', '/iscsi', 'create', 'iqn.2022-00.example.target']);
    expect(json.status).toBe(0);
    // Messages are prose on stderr in --json (stdout is for results); warnings are objects.
    const lines = json.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as unknown);
    expect(lines).toContainEqual({ warning: { message: "'iqn.2022-00.example.target' has month 00; RFC 3720 dates are yyyy-mm with month 01-12" } });
    expect(json.stdout).not.toContain('month 00');
  });
});
