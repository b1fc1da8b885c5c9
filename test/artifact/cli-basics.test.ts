import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lioctl, lioctlIntoClosedPipe, sandbox } from './run-lioctl.js';

// These run the built artifact (bin/lioctl -> dist/lioctl.cjs), as installed.
describe('bin/lioctl', () => {
  it('prints its version from package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = lioctl(['--version'], sandbox());
    expect(r).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  it('documents the global options in --help', () => {
    const r = lioctl(['--help'], sandbox());
    expect(r.status).toBe(0);
    for (const option of ['--json', '--sim-state <file>', '--root <dir>', '--version', '--help']) expect(r.stdout).toContain(option);
    // Written to fit 80 columns, so the example is never broken by commander's wrapping.
    expect(r.stdout).toContain('\n  lioctl /backstores/fileio create disk1 /srv/disk1.img 1G\n');
  });

  it('reports an unknown option on one line with the usage exit code', () => {
    const r = lioctl(['--bogus'], sandbox());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("lioctl: unknown option '--bogus'\n  see lioctl --help\n");
  });

  it('refuses a missing configfs root in one line, never a stack trace', () => {
    const r = lioctl(['--root', '/nonexistent/lio', 'ls'], sandbox());
    expect(r.status).toBe(7);
    expect(r.stderr).toBe('lioctl: --root /nonexistent/lio: no such directory\n');
  });

  it('runs a change to its end when the reader of its output has gone, and says nothing of it', async () => {
    const box = sandbox();
    const sim = ['--sim-state', box.state];
    const created = await lioctlIntoClosedPipe([...sim, '/backstores/ramdisk', 'create', 'rd0', '1M'], box);
    expect(created).toEqual({ status: 0, stderr: '' });
    expect(await lioctlIntoClosedPipe([...sim, 'ls', '/'], box)).toEqual({ status: 0, stderr: '' });
    expect(lioctl([...sim, 'ls', '/backstores/ramdisk'], box).stdout).toContain('rd0');
  });

  it('stops a script at the first error, naming the line, with its exit code', () => {
    const box = sandbox();
    const r = lioctl(['--sim-state', box.state], { ...box, input: 'pwd\nnosuch\npwd\n' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('/\n');
    expect(r.stderr).toBe('lioctl: line 2: Command not found nosuch\n');
  });

  it('shows a caret under an unterminated quote', () => {
    const box = sandbox();
    const r = lioctl(['--sim-state', box.state], { ...box, input: "set global prompt_length='3\n" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 1: .*quote/);
    expect(r.stderr).toContain('^');
  });

  it('reports errors as JSON on stderr with --json', () => {
    const box = sandbox();
    const r = lioctl(['--json', '--sim-state', box.state, 'nosuch'], box);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'usage', message: 'Command not found nosuch' } });
    expect(r.stdout).toBe('');
  });

  it('takes --dry-run before or after the command, and changes nothing', () => {
    const box = sandbox();
    const file = join(box.home, 'wanted.json');
    const sim = ['--sim-state', box.state];
    expect(lioctl([...sim, '/backstores/ramdisk', 'create', 'rd0', '1M'], box).status).toBe(0);
    expect(lioctl([...sim, 'saveconfig', file], box).status).toBe(0);
    expect(lioctl([...sim, '/backstores/ramdisk', 'delete', 'rd0'], box).status).toBe(0);
    for (const args of [[...sim, 'apply', file, '--dry-run'], ['--dry-run', ...sim, 'apply', file]]) {
      const r = lioctl(args, box);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('create ramdisk storage object rd0');
    }
    expect(lioctl([...sim, 'ls', '/backstores/ramdisk'], box).stdout).toContain('Storage Objects: 0');
  });

  it('refuses --dry-run without a command', () => {
    const r = lioctl(['--dry-run'], sandbox());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--dry-run needs a command');
  });
});
