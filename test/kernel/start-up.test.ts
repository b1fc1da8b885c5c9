import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// What a one-shot command on the kernel loads decides most of its start-up under the VM's
// emulated CPU. A preload records node's own modules and the files required, at exit.
const dir = mkdtempSync(join(tmpdir(), 'lioctl-start-up-'));
const preload = join(dir, 'record-loads.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.LIOCTL_TEST_LOADS, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));\n",
);

interface Loads {
  readonly builtins: readonly string[];
  readonly files: readonly string[];
}

function lsInto(stdout: number | 'pipe', name: string): { status: number | null; stdout: string; loads: Loads } {
  const loadsFile = join(dir, `${name}.json`);
  const r = spawnSync(process.execPath, ['-r', preload, resolve('bin/lioctl'), 'ls', '/'], {
    stdio: ['ignore', stdout, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, LIOCTL_HOME: dir, LIOCTL_TEST_LOADS: loadsFile },
  });
  return { status: r.status, stdout: r.stdout ?? '', loads: JSON.parse(readFileSync(loadsFile, 'utf8')) as Loads };
}

describe('a one-shot command on the kernel', () => {
  it('writes to a file what it writes to a pipe, without loading node streams, memfs or fuzzysort', () => {
    const file = join(dir, 'ls.txt');
    const fd = openSync(file, 'w');
    const toFile = lsInto(fd, 'file');
    closeSync(fd);
    const toPipe = lsInto('pipe', 'pipe');
    expect(toFile.status).toBe(0);
    expect(toPipe.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(toPipe.stdout);
    expect(toPipe.stdout).toMatch(/^o- \/ /);
    for (const { loads } of [toFile, toPipe]) {
      expect(loads.builtins).not.toContain('NativeModule stream');
      expect(loads.files.filter((f) => /node_modules\/(memfs|fuzzysort)\//.test(f))).toEqual([]);
    }
  });
});
