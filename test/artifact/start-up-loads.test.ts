import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox } from './run-lioctl.js';

// What a one-shot command loads is most of its start-up in the kernel VM (kernel test
// test/kernel/start-up.test.ts checks it there). Here on a configfs-like directory: node's
// stream modules come with node:child_process, which commander requires when loaded.
describe('a one-shot ls over --root, written to a file', () => {
  it('loads neither node streams nor node:child_process', () => {
    const box = sandbox();
    const root = join(box.home, 'target');
    mkdirSync(join(root, 'core', 'alua'), { recursive: true });
    const loadsFile = join(box.home, 'loads.json');
    const preload = join(box.home, 'record-loads.cjs');
    writeFileSync(preload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.LIOCTL_TEST_LOADS, JSON.stringify(process.moduleLoadList)));\n");
    const out = join(box.home, 'ls.txt');
    const fd = openSync(out, 'w');
    const r = spawnSync(process.execPath, ['-r', preload, BIN, '--root', root, 'ls', '/'], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, LIOCTL_HOME: box.home, HOME: box.home, NO_COLOR: '1', LIOCTL_TEST_LOADS: loadsFile },
    });
    closeSync(fd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^o- \/ /);
    const loads = JSON.parse(readFileSync(loadsFile, 'utf8')) as string[];
    expect(loads.filter((m) => /^NativeModule (stream|net|child_process)$/.test(m))).toEqual([]);
  });
});
