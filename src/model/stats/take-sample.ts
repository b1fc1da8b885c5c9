import { performance } from 'node:perf_hooks';
import type { Target } from '../fabric/target.js';
import type { Tpg } from '../fabric/tpg.js';
import type { LioRoot } from '../lio-root.js';
import type { StorageObject } from '../storage/storage-object.js';
import { storageWarnings, tpgWarnings } from './health-warnings.js';
import { readInitiators } from './initiator-counters.js';
import { readLunCounters } from './lun-counters.js';
import { whileItExists } from './read-counter.js';
import { narrowsLuns, narrowsTargets, type StatsScope } from './stats-scope.js';
import type { HealthWarning, InitiatorCounters, LunCounters, StatsSample } from './stats-types.js';

export interface SampleOptions {
  readonly scope?: StatsScope;
  /** Monotonic clock in milliseconds (tests fix it). */
  readonly now?: () => number;
}

function scopedTargets(lio: LioRoot, scope: StatsScope): Target[] {
  const fabrics = lio.fabrics().filter((f) => scope.fabric === undefined || f.name === scope.fabric);
  return fabrics.flatMap((f) => whileItExists(() => f.targets()) ?? []).filter((t) => scope.target === undefined || t.wwn === scope.target);
}

function keptLun(lun: LunCounters, scope: StatsScope): boolean {
  return (scope.lun === undefined || lun.lun === scope.lun) && (scope.storageObject === undefined || lun.storageObject === scope.storageObject);
}

/** With a LUN-level scope, an initiator is kept when it sees one of the LUNs kept. */
function keptInitiator(initiator: InitiatorCounters, luns: readonly LunCounters[], scope: StatsScope): boolean {
  if (!narrowsLuns(scope)) return true;
  if (initiator.dynamic) return luns.length > 0;
  return initiator.luns.some((m) => luns.some((l) => l.lun === m.tpgLun));
}

interface TpgPart {
  readonly luns: LunCounters[];
  readonly initiators: InitiatorCounters[];
  readonly warnings: HealthWarning[];
}

function readTpg(tpg: Tpg, scope: StatsScope, existing: ReadonlySet<string>): TpgPart {
  const luns: LunCounters[] = [];
  for (const lun of tpg.luns()) {
    if (scope.lun !== undefined && lun.index !== scope.lun) continue;
    const counters = readLunCounters(lun);
    if (counters !== undefined && keptLun(counters, scope)) luns.push(counters);
  }
  if (narrowsLuns(scope) && luns.length === 0) return { luns, initiators: [], warnings: [] };
  const initiators = readInitiators(tpg).filter((i) => keptInitiator(i, luns, scope));
  return { luns, initiators, warnings: tpgWarnings(tpg, luns, existing) };
}

function storageInScope(all: readonly StorageObject[], luns: readonly LunCounters[], scope: StatsScope): readonly StorageObject[] {
  if (scope.storageObject !== undefined) return all.filter((so) => so.label === scope.storageObject);
  if (!narrowsTargets(scope)) return all;
  const used = new Set(luns.map((l) => l.storageObject));
  return all.filter((so) => used.has(so.label));
}

/**
 * Reads every counter in scope once: LUN port counters, per-initiator counters of logged-in
 * sessions, and health warnings. Pure reading: nothing is written, and objects that vanish
 * mid-pass are left out rather than failing the sample.
 */
export function takeSample(lio: LioRoot, options: SampleOptions = {}): StatsSample {
  const scope = options.scope ?? {};
  const now = options.now ?? (() => performance.now());
  const start = now();
  const storage = lio.storageObjects();
  const existing = new Set(storage.map((so) => so.label));
  const luns: LunCounters[] = [];
  const initiators: InitiatorCounters[] = [];
  const warnings: HealthWarning[] = [];
  for (const target of scopedTargets(lio, scope)) {
    const tpgs = (whileItExists(() => target.tpgs()) ?? []).filter((t) => scope.tpg === undefined || t.tag === scope.tpg);
    for (const tpg of tpgs) {
      const part = whileItExists(() => readTpg(tpg, scope, existing));
      if (part === undefined) continue;
      luns.push(...part.luns);
      initiators.push(...part.initiators);
      warnings.push(...part.warnings);
    }
  }
  for (const so of storageInScope(storage, luns, scope)) warnings.push(...storageWarnings(so));
  const end = now();
  return { takenAtMs: (start + end) / 2, luns, initiators, warnings };
}
