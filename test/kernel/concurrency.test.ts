import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../src/configfs/index.js';
import { parseConfigText } from '../../src/config/index.js';
import { LioRoot } from '../../src/model/index.js';
import { unregisterFabrics } from './model/kernel-helpers.js';

// Two lioctl processes change the same kernel configuration and save to the same file at
// once: each command runs under the short per-command lock, so neither sees the other's
// half-made objects, and the saved file is always complete.
const SAVE = '/tmp/lioctl-concurrency/saveconfig.json';

function script(prefix: string, iqn: string): string {
  const lines = [`/iscsi create ${iqn}`];
  for (let i = 0; i < 8; i++) {
    lines.push(`/backstores/ramdisk create ${prefix}${i} 1M`);
    lines.push(`/iscsi/${iqn}/tpg1/luns create /backstores/ramdisk/${prefix}${i}`);
    lines.push(`saveconfig ${SAVE}`);
  }
  for (let i = 0; i < 8; i += 2) lines.push(`/backstores/ramdisk delete ${prefix}${i}`);
  lines.push(`saveconfig ${SAVE}`);
  return `${lines.join('\n')}\n`;
}

function runLioctl(input: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lioctl'], { env: { ...process.env, LIOCTL_HOME: '/tmp/lioctl-concurrency/home' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end(input);
  });
}

describe('two lioctl processes at once', () => {
  afterAll(() => {
    new LioRoot(new KernelConfigFs()).clear();
    unregisterFabrics();
  });

  it('create, delete and save in parallel without corrupting configfs or the saved file', async () => {
    const a = 'iqn.2003-01.org.example.concurrency:a';
    const b = 'iqn.2003-01.org.example.concurrency:b';
    const [ra, rb] = await Promise.all([runLioctl(script('a', a)), runLioctl(script('b', b))]);
    expect(ra).toEqual({ code: 0, stderr: '' });
    expect(rb).toEqual({ code: 0, stderr: '' });

    const lio = new LioRoot(new KernelConfigFs());
    const names = lio.storageObjects('ramdisk').map((so) => so.name).sort();
    expect(names).toEqual(['a1', 'a3', 'a5', 'a7', 'b1', 'b3', 'b5', 'b7']);
    // every HBA directory holds exactly one object: no index was taken twice
    const hbas = new KernelConfigFs().list('core').filter((n) => n !== 'alua');
    expect(hbas).toHaveLength(8);
    for (const iqn of [a, b]) expect(lio.fabric('iscsi').target(iqn).tpg(1).luns()).toHaveLength(4);

    // The file is one complete, consistent save (saves take the lock too): it parses, and
    // every LUN in it refers to a storage object in it.
    expect(statSync(SAVE).mode & 0o777).toBe(0o600);
    const saved = parseConfigText(readFileSync(SAVE, 'utf8')).config;
    const refs = new Set(saved.storage_objects.map((so) => `/backstores/${so.plugin}/${so.name}`));
    for (const target of saved.targets) for (const tpg of target.tpgs) for (const lun of tpg.luns) expect(refs.has(lun.storage_object)).toBe(true);
  });
});
