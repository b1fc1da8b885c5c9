import type { Target } from '../fabric/target.js';
import type { Tpg } from '../fabric/tpg.js';
import type { LioRoot } from '../lio-root.js';
import type { StorageObject } from '../storage/storage-object.js';
import { storageWarnings, tpgWarnings } from './health-warnings.js';
import { locateInitiators, readLocatedInitiator, type LocatedInitiator } from './initiator-counters.js';
import { locateLun, readLocatedLun, type LocatedLun, type LunIdentity } from './lun-counters.js';
import { whileItExists } from './read-counter.js';
import { narrowsLuns, narrowsTargets, type StatsScope } from './stats-scope.js';
import type { HealthWarning, StatsSample } from './stats-types.js';

export interface SampleOptions {
  readonly scope?: StatsScope;
  /** Monotonic clock in milliseconds (tests fix it). */
  readonly now?: () => number;
}

function scopedTargets(lio: LioRoot, scope: StatsScope): Target[] {
  const fabrics = lio.fabrics().filter((f) => scope.fabric === undefined || f.name === scope.fabric);
  return fabrics.flatMap((f) => whileItExists(() => f.targets()) ?? []).filter((t) => scope.target === undefined || t.wwn === scope.target);
}

function scopedTpgs(lio: LioRoot, scope: StatsScope): Tpg[] {
  return scopedTargets(lio, scope).flatMap((t) => (whileItExists(() => t.tpgs()) ?? []).filter((tpg) => scope.tpg === undefined || tpg.tag === scope.tpg));
}

function keptLun(lun: LunIdentity, scope: StatsScope): boolean {
  return (scope.lun === undefined || lun.lun === scope.lun) && (scope.storageObject === undefined || lun.storageObject === scope.storageObject);
}

/** With a LUN-level scope, an initiator is kept when it sees one of the LUNs kept. */
function keptInitiator(initiator: LocatedInitiator, luns: readonly LocatedLun[], scope: StatsScope): boolean {
  if (!narrowsLuns(scope)) return true;
  if (initiator.identity.dynamic) return luns.length > 0;
  return initiator.luns.some((m) => luns.some((l) => l.identity.lun === m.tpgLun));
}

interface LocatedTpg {
  readonly tpg: Tpg;
  readonly luns: LocatedLun[];
  readonly initiators: LocatedInitiator[];
}

function locateTpg(tpg: Tpg, scope: StatsScope): LocatedTpg | undefined {
  return whileItExists(() => {
    const luns: LocatedLun[] = [];
    for (const lun of tpg.luns()) {
      if (scope.lun !== undefined && lun.index !== scope.lun) continue;
      const located = locateLun(lun);
      if (located !== undefined && keptLun(located.identity, scope)) luns.push(located);
    }
    if (narrowsLuns(scope) && luns.length === 0) return undefined;
    return { tpg, luns, initiators: locateInitiators(tpg).filter((i) => keptInitiator(i, luns, scope)) };
  });
}

function storageInScope(all: readonly StorageObject[], luns: ReadonlyArray<{ storageObject: string | undefined }>, scope: StatsScope): readonly StorageObject[] {
  if (scope.storageObject !== undefined) return all.filter((so) => so.label === scope.storageObject);
  if (!narrowsTargets(scope)) return all;
  const used = new Set(luns.map((l) => l.storageObject));
  return all.filter((so) => used.has(so.label));
}

/**
 * Reads every counter in scope once: LUN port counters, per-initiator counters of logged-in
 * sessions, and health warnings. The walk comes first and the counters are read together
 * afterwards, so that every counter of a sample is read at about the same instant (a walk
 * over hundreds of objects takes long enough to skew rates otherwise); `takenAtMs` is the
 * middle of that burst. Pure reading: nothing is written, and objects that vanish
 * mid-pass are left out rather than failing the sample.
 */
export function takeSample(lio: LioRoot, options: SampleOptions = {}): StatsSample {
  const scope = options.scope ?? {};
  const now = options.now ?? (() => performance.now());
  const located = scopedTpgs(lio, scope).flatMap((tpg) => locateTpg(tpg, scope) ?? []);
  const start = now();
  const luns = located.flatMap((t) => t.luns.map(readLocatedLun));
  const initiators = located.flatMap((t) => t.initiators.map(readLocatedInitiator));
  const end = now();
  const storage = lio.storageObjects();
  const existing = new Set(storage.map((so) => so.label));
  const warnings: HealthWarning[] = located.flatMap((t) => whileItExists(() => tpgWarnings(t.tpg, t.luns.map((l) => l.identity), existing)) ?? []);
  for (const so of storageInScope(storage, luns, scope)) warnings.push(...storageWarnings(so));
  return { takenAtMs: (start + end) / 2, luns, initiators, warnings };
}
