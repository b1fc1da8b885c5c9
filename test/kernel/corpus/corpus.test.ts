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

function lioctl(line: string): string {
  const r = spawnSync(process.execPath, ['bin/lioctl', ...line.split(/\s+/)], { encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: '/tmp/lioctl-corpus-home' } });
  if (r.status !== 0) throw new Error(`lioctl ${line}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

function targetcliLs(): string {
  const r = spawnSync('targetcli', ['ls'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`targetcli ls: ${r.stderr}`);
  return r.stdout;
}

/**
 * `ls` must match byte for byte, apart from names one of the tools generated: a loopback
 * nexus WWN, and the default portal (targetcli-fb 2.1.53 listens on 0.0.0.0, 3.0.1 and
 * lioctl on [::0]). On those lines only the dot padding, whose length follows the name,
 * is left out of the comparison.
 */
function comparableLs(text: string): string[] {
  const lines = text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const generated = line.replace(/\[naa\.5001405[0-9a-f]{9}\]/, '[<nexus>]').replace(/o- (0\.0\.0\.0|\[::0\]):3260 /, 'o- <default portal> ');
      return generated === line ? line : generated.replace(/ \.+ \[/, ' … [');
    });
  // The default portal's name sorts differently (0.0.0.0 first, [::0] last): compare the
  // portal lines of one TPG as a set.
  const isPortal = (line: string): boolean => /o- (<default portal>|\d+\.\d+\.\d+\.\d+:\d+|\[[0-9a-f:.]+\]:\d+) /.test(line);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isPortal(lines[i] ?? '')) {
      out.push(lines[i] ?? '');
      i += 1;
      continue;
    }
    const run: string[] = [];
    while (i < lines.length && isPortal(lines[i] ?? '')) run.push(lines[i++] ?? '');
    out.push(...run.sort());
  }
  return out;
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
      const theirLs = comparableLs(targetcliLs());
      reset();

      freshFiles();
      for (const line of script.lines) lioctl(fill(line));
      const ours = dumpTree(fs);
      const ourLs = comparableLs(lioctl('ls'));
      lioctl('clearconfig confirm=true');
      reset();

      expect(ours).toEqual(theirs);
      expect(ourLs).toEqual(theirLs);
    });
  }
});
