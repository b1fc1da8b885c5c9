import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import { CORPUS } from './corpus.js';
import { dumpTree } from './tree-dump.js';

// Each script runs verbatim in targetcli-fb and in lioctl on the same kernel; the
// configfs trees they leave must be the same.
const fs = new KernelConfigFs();
const FILES = '/tmp/lioctl-corpus';
let loop = '';

function fill(line: string): string {
  return line.replaceAll('{FILE}', FILES).replaceAll('{LOOP}', loop);
}

function freshFiles(): void {
  rmSync(FILES, { recursive: true, force: true });
  mkdirSync(FILES, { recursive: true });
}

function targetcli(line: string): void {
  const r = spawnSync('targetcli', line.split(/\s+/), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`targetcli ${line}: ${r.stderr}${r.stdout}`);
}

function lioctl(line: string): void {
  const r = spawnSync(process.execPath, ['bin/lioctl', ...line.split(/\s+/)], { encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: '/tmp/lioctl-corpus-home' } });
  if (r.status !== 0) throw new Error(`lioctl ${line}: ${r.stderr}${r.stdout}`);
}

/** Empty configfs: both tools' clearconfig, then the fabric directories they may have made. */
function reset(): void {
  spawnSync('targetcli', ['clearconfig', 'confirm=true']);
  for (const fabric of ['iscsi', 'loopback', 'vhost']) {
    try {
      fs.rmdir(fabric);
    } catch {
      // not there
    }
  }
}

describe('targetcli corpus: same lines, same kernel state', () => {
  beforeAll(() => {
    execFileSync('truncate', ['-s', '32M', '/tmp/lioctl-corpus-loop.img']);
    loop = execFileSync('losetup', ['-f', '--show', '/tmp/lioctl-corpus-loop.img'], { encoding: 'utf8' }).trim();
    // targetcli's global preferences as shipped; ours are the same defaults.
    writeFileSync('/tmp/.corpus-marker', '');
  });
  afterAll(() => {
    reset();
    if (loop !== '') execFileSync('losetup', ['-d', loop]);
  });

  for (const script of CORPUS) {
    it(script.name, { timeout: 1_800_000 }, () => {
      reset();
      freshFiles();
      for (const line of script.lines) targetcli(fill(line));
      const theirs = dumpTree(fs);
      reset();

      freshFiles();
      for (const line of script.lines) lioctl(fill(line));
      const ours = dumpTree(fs);
      lioctl('clearconfig confirm=true');
      reset();

      expect(ours).toEqual(theirs);
    });
  }
});
