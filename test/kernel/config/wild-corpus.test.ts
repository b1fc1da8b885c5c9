// The wild corpus (fixtures/config/wild/, see SOURCES.md there) on the real kernel: each
// restorable file is restored by targetcli-fb, then, after clearing, by lioctl, on the same
// prepared backing devices; targetcli's own saveconfig of each state is the judge, and what
// lioctl restored must cover what targetcli restored. Refused files change nothing (run in the VM).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearEverything, lioctl, readJson, targetcli, targetcliOk, type Ran } from './config-tools.js';
import { loopDevice, objectLeftovers, sh, unregisterFabrics } from '../model/kernel-helpers.js';
import { WILD_DIR, WILD_FILES } from '../../wild-corpus/manifest.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const scratch = mkdtempSync('/tmp/lioctl-wild-');
const loops: { path: string; release(): void }[] = [];
// Device nodes and files made for a file, removed after it: a stale /dev/sdb would hide the
// disk of a later iSCSI login in the same VM.
const made: string[] = [];
const timings: string[] = [];

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The keys that name a list element in saveconfig.json; a storage object is named by plugin and name. */
function identity(item: Json): string {
  if (!isObject(item)) return JSON.stringify(item);
  const keys = item['plugin'] !== undefined ? ['plugin', 'name'] : ['fabric', 'name', 'wwn', 'node_wwn', 'tag', 'index', 'ip_address', 'port'];
  return keys.map((k) => JSON.stringify(item[k] ?? null)).join('|');
}

/**
 * What each restore makes up, or where lioctl differs from targetcli on purpose, left out
 * of the comparison: the wwn of a storage object the file gives none, LUN aliases when the
 * file has none (older targetcli-fb), and the size of a fileio object saved as 0 (lioctl
 * uses the file's own size, checked apart; targetcli makes a device of size 0).
 */
function withoutMadeUp(doc: JsonObject, file: JsonObject): JsonObject {
  const saved = Array.isArray(file['storage_objects']) ? file['storage_objects'] : [];
  const noWwn = new Set(saved.filter((so) => isObject(so) && so['wwn'] === undefined).map((so) => identity(so)));
  const sizeZero = new Set(saved.filter((so) => isObject(so) && so['plugin'] === 'fileio' && so['size'] === 0).map((so) => identity(so)));
  const fileHasAliases = JSON.stringify(file['targets'] ?? []).includes('"alias"');
  const objects = Array.isArray(doc['storage_objects']) ? doc['storage_objects'] : [];
  const withoutAliases = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(withoutAliases);
    if (!isObject(v)) return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'alias').map(([k, x]) => [k, withoutAliases(x)]));
  };
  return {
    ...doc,
    storage_objects: objects.map((so) => {
      if (!isObject(so)) return so;
      const { wwn, size, ...rest } = so;
      return {
        ...rest,
        ...(noWwn.has(identity(so)) || wwn === undefined ? {} : { wwn }),
        ...(sizeZero.has(identity(so)) || size === undefined ? {} : { size }),
      };
    }),
    ...(fileHasAliases ? {} : { targets: withoutAliases(doc['targets'] ?? []) }),
  };
}

/** The fileio objects a file saves with size 0, and the size each backing file has. */
function sizeZeroFiles(file: JsonObject): Array<{ name: string; size: number }> {
  const saved = Array.isArray(file['storage_objects']) ? file['storage_objects'] : [];
  return saved.flatMap((so) =>
    isObject(so) && so['plugin'] === 'fileio' && so['size'] === 0 && typeof so['name'] === 'string' && typeof so['dev'] === 'string'
      ? [{ name: so['name'], size: statSync(so['dev']).size }]
      : [],
  );
}

/** Where `have` lacks something of `want`: every key and list element of want must be in have, equal. */
function uncovered(want: Json, have: Json | undefined, path: string): string[] {
  if (Array.isArray(want)) {
    if (!Array.isArray(have)) return [`${path}: missing`];
    return want.flatMap((item) => {
      const match = have.find((h) => identity(h) === identity(item));
      return match === undefined ? [`${path}[${identity(item)}]: missing`] : uncovered(item, match, `${path}[${identity(item)}]`);
    });
  }
  if (isObject(want)) {
    if (!isObject(have)) return [`${path}: missing`];
    return Object.entries(want).flatMap(([k, v]) => uncovered(v, have[k], `${path}.${k}`));
  }
  return want === have ? [] : [`${path}: ${JSON.stringify(want)} restored as ${JSON.stringify(have)}`];
}

/**
 * Makes what the file names exist in the VM, without editing the file: each block device
 * path that does not exist becomes a device node of a fresh loop device, each missing
 * fileio file is created at its path with its saved size (sparse).
 */
function prepareBacking(file: string): void {
  const doc = readJson(file);
  const objects = Array.isArray(doc['storage_objects']) ? doc['storage_objects'] : [];
  for (const so of objects) {
    if (!isObject(so) || typeof so['dev'] !== 'string') continue;
    const dev = so['dev'];
    if (existsSync(dev)) continue;
    if (so['plugin'] === 'block') {
      const loop = loopDevice(join(scratch, `${loops.length}.img`), '16M');
      loops.push(loop);
      const [major, minor] = readFileSync(`/sys/block/${basename(loop.path)}/dev`, 'utf8').trim().split(':');
      mkdirSync(dirname(dev), { recursive: true });
      sh('mknod', [dev, 'b', major ?? '', minor ?? '']);
      made.push(dev);
    } else if (so['plugin'] === 'fileio') {
      mkdirSync(dirname(dev), { recursive: true });
      sh('truncate', ['-s', String(typeof so['size'] === 'number' && so['size'] > 0 ? so['size'] : 16 << 20), dev]);
      made.push(dev);
    }
  }
}

/** The VM's memory in GiB, as the kernel counts it (a little under what qemu was given). */
function vmMemoryGiB(): number {
  const kib = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s+(\d+)/m)?.[1] ?? 0);
  return kib / (1 << 20);
}

/** targetcli's saveconfig of the live state. */
function judge(tag: string): JsonObject {
  const out = join(scratch, `${tag}.json`);
  targetcliOk(`saveconfig ${out}`);
  const { lioctl: _extras, ...standard } = readJson(out);
  return standard;
}

function timed<T>(label: string, fn: () => T): T {
  const start = Date.now();
  try {
    return fn();
  } finally {
    timings.push(`${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
}

/** targetcli reports a failed part of a restore in its output, not always in its exit status. */
function reportedError(r: Ran): boolean {
  return r.status !== 0 || /error|cannot|could not|failed|exception/i.test(`${r.stdout}${r.stderr}`);
}

/** Removes what prepareBacking made, once nothing uses it. */
function releaseBacking(): void {
  clearEverything();
  for (const path of made.splice(0)) rmSync(path, { force: true });
  for (const loop of loops.splice(0)) loop.release();
}

afterAll(() => {
  releaseBacking();
  // The files register fabrics (tcm_fc...) that later suites must not find.
  unregisterFabrics();
  // The wall time of each step under TCG, for the record.
  console.log(`wild corpus timings:\n  ${timings.join('\n  ')}`);
});

describe('the wild corpus on the kernel', () => {
  for (const entry of WILD_FILES) {
    const file = resolve(WILD_DIR, entry.file);
    if (entry.vmSkip !== undefined) {
      it.skip(`${entry.file}: not restored in the VM (${entry.vmSkip})`, () => undefined);
      continue;
    }
    const memoryGiB = vmMemoryGiB();
    if (entry.vmMemoryGiB !== undefined && memoryGiB < entry.vmMemoryGiB - 0.5) {
      it.skip(`${entry.file}: needs a VM with ${entry.vmMemoryGiB} GiB (LIOCTL_VM_MEM), this one has ${memoryGiB.toFixed(1)}`, () => undefined);
      continue;
    }
    if (entry.kind === 'refused') {
      it(`${entry.file}: refused with exit 3 naming the JSON paths, nothing changed`, { timeout: 300_000 }, () => {
        clearEverything();
        const before = objectLeftovers();
        const r = timed(`${entry.file} lioctl`, () => lioctl('restoreconfig', file));
        expect(r.status, r.stderr).toBe(3);
        for (const path of entry.refusedPaths ?? []) expect(r.stderr).toContain(path);
        expect(objectLeftovers()).toEqual(before);
      });
      continue;
    }
    it(`${entry.file}: what lioctl restores covers what targetcli-fb restores`, { timeout: 900_000 }, () => {
      clearEverything();
      prepareBacking(file);
      const byTargetcli = timed(`${entry.file} targetcli`, () => targetcli(`restoreconfig ${file}`));
      const reference = judge(`${entry.file}-targetcli`);
      clearEverything();
      const byLioctl = timed(`${entry.file} lioctl`, () => lioctl('restoreconfig', file));
      const restored = judge(`${entry.file}-lioctl`);
      console.log(
        [`${entry.file}: targetcli exit ${byTargetcli.status}, lioctl exit ${byLioctl.status}`, `targetcli: ${byTargetcli.stdout}${byTargetcli.stderr}`.trim(), `lioctl: ${byLioctl.stderr}`.trim()].join('\n'),
      );
      const saved = readJson(file);
      expect(uncovered(withoutMadeUp(reference, saved), withoutMadeUp(restored, saved), '')).toEqual(entry.leftOutByLioctl ?? []);
      if (entry.leftOutByLioctl !== undefined) {
        expect(byLioctl.status, byLioctl.stderr).toBe(9);
        expect(byLioctl.stderr).toMatch(/tcmu-runner/);
      }
      for (const { name, size } of sizeZeroFiles(saved)) {
        const so = (Array.isArray(restored['storage_objects']) ? restored['storage_objects'] : []).find((o) => isObject(o) && o['plugin'] === 'fileio' && o['name'] === name);
        expect(isObject(so) ? so['size'] : undefined, `fileio ${name} saved with size 0`).toBe(size);
      }
      if (!reportedError(byTargetcli) && entry.leftOutByLioctl === undefined) expect(byLioctl.status, byLioctl.stderr).toBe(0);
      if (entry.vmLimit === undefined) {
        // Nothing the VM lacks: targetcli restored the file whole, and so did lioctl.
        expect(reportedError(byTargetcli), `${byTargetcli.stdout}${byTargetcli.stderr}`).toBe(false);
        expect(byLioctl.status, byLioctl.stderr).toBe(0);
      }
      releaseBacking();
    });
  }
});
