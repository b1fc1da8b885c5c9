// A generated configuration of realistic size restores, saves back what it was given,
// and applies again as a no-op (run in the VM: test/kernel/vm/README.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import { withoutKernelOnlySettings } from '../../conformance/kernels.js';
import { clearEverything, lioctlOk, standardPart } from './config-tools.js';

const DIR = '/tmp/lioctl-large';
/** bench/gen-config.mjs: 20 iSCSI targets × 10 ramdisk LUNs × 10 CHAP ACLs, every ACL mapping every LUN. */
const SIZE = '20x10x10';
const GENERATED = `${DIR}/generated.json`;

type Doc = { storage_objects: Array<{ attributes?: Record<string, number> }> };

/**
 * The generator leaves out two storage attributes that rtslib (and lioctl) dump:
 * alua_support and pgr_support are fixed by the backend, and the kernel refuses writes
 * to them, so a file that lists them only makes restores report errors. Everything else
 * lioctl saves must be exactly what was generated.
 */
function withoutFixedAttributes(text: string): string {
  const doc = JSON.parse(text) as Doc;
  for (const so of doc.storage_objects) {
    if (so.attributes === undefined) continue;
    const { alua_support: _a, pgr_support: _p, ...rest } = so.attributes;
    so.attributes = rest;
  }
  return JSON.stringify(doc);
}

function timed<T>(what: string, fn: () => T): T {
  const start = Date.now();
  const out = fn();
  console.log(`${what}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return out;
}

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(GENERATED, execFileSync(process.execPath, ['bench/gen-config.mjs', SIZE], { encoding: 'utf8' }));
  clearEverything();
});

afterAll(() => clearEverything());

describe(`a generated configuration (${SIZE})`, () => {
  it('restores, dumps what it was given, restores its own dump identically, and applies as a no-op', { timeout: 3_600_000 }, () => {
    const counts = JSON.parse(readFileSync(GENERATED, 'utf8')) as { storage_objects: unknown[]; targets: Array<{ tpgs: Array<{ luns: unknown[]; node_acls: Array<{ mapped_luns: unknown[] }> }> }> };
    const acls = counts.targets.flatMap((t) => t.tpgs.flatMap((p) => p.node_acls));
    expect([counts.targets.length, counts.storage_objects.length, acls.length, acls.flatMap((a) => a.mapped_luns).length]).toEqual([20, 200, 200, 2000]);

    expect(timed('restoreconfig', () => lioctlOk('restoreconfig', GENERATED))).toBe(`Configuration restored from ${GENERATED}\n`);
    timed('saveconfig', () => lioctlOk('saveconfig', `${DIR}/saved.json`));
    const saved = readFileSync(`${DIR}/saved.json`, 'utf8');
    // The generator writes 6.1's TPG attributes; the kernel's own additions are not in it.
    const comparable = (text: string): unknown => standardPart(JSON.stringify(withoutKernelOnlySettings(text)));
    expect(comparable(withoutFixedAttributes(saved))).toEqual(comparable(readFileSync(GENERATED, 'utf8')));

    expect(timed('diff', () => lioctlOk('diff', GENERATED))).toBe(`No differences: the live configuration matches ${GENERATED}\n`);
    expect(timed('apply', () => lioctlOk('apply', GENERATED))).toBe(`Nothing to do: the live configuration already matches ${GENERATED}\n`);

    expect(timed('restoreconfig clear_existing=true', () => lioctlOk('restoreconfig', `${DIR}/saved.json`, 'clear_existing=true'))).toBe(
      `Configuration restored from ${DIR}/saved.json\n`,
    );
    lioctlOk('saveconfig', `${DIR}/saved-again.json`);
    expect(readFileSync(`${DIR}/saved-again.json`, 'utf8')).toBe(saved);
    expect(lioctlOk('apply', `${DIR}/saved.json`)).toBe(`Nothing to do: the live configuration already matches ${DIR}/saved.json\n`);

    // Thousands of removals: the kernel's port hands them to a worker thread, a lane per target.
    expect(timed('clearconfig', () => lioctlOk('clearconfig', 'confirm=true'))).toBe('All configuration cleared\n');
    const fs = new KernelConfigFs();
    const dirs = (path: string): string[] => fs.list(path).filter((n) => fs.stat(`${path}/${n}`).kind === 'dir');
    expect(dirs('iscsi')).toEqual(['discovery_auth']);
    expect(dirs('core')).toEqual(['alua']);
  });
});
