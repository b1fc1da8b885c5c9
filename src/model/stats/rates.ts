import { counterDelta } from './counter-delta.js';
import type { HealthWarning, InitiatorCounters, LunCounters, MappedLunCounters, StatsSample, TpgPlace } from './stats-types.js';

const MIB = 2 ** 20;

/** A LUN's load between two samples; undefined rates mean "not measurable yet" (a new LUN). */
export interface LunRate extends TpgPlace {
  readonly key: string;
  readonly lun: number;
  readonly storageObject: string | undefined;
  readonly iops: number | undefined;
  readonly readMiBps: number | undefined;
  readonly writeMiBps: number | undefined;
}

export interface MappedLunRate {
  readonly mappedLun: number;
  readonly tpgLun: number | undefined;
  readonly iops: number | undefined;
  readonly readMiBps: number | undefined;
  readonly writeMiBps: number | undefined;
}

/** One logged-in initiator's load; rates are undefined for demo-mode sessions (no counters). */
export interface InitiatorRate extends TpgPlace {
  readonly key: string;
  readonly initiator: string;
  readonly alias?: string;
  readonly sid?: number;
  readonly dynamic: boolean;
  readonly state: string;
  readonly address?: string;
  readonly connections: number;
  /** SCSI commands per second over all its LUNs. */
  readonly commandsPerSec: number | undefined;
  readonly readMiBps: number | undefined;
  readonly writeMiBps: number | undefined;
  readonly luns: readonly MappedLunRate[];
}

export interface StatsRates {
  /** Seconds between the two samples. */
  readonly seconds: number;
  /** Monotonic milliseconds (performance.now) of the newer sample; the older one is `seconds` earlier. */
  readonly takenAtMs: number;
  readonly luns: readonly LunRate[];
  readonly initiators: readonly InitiatorRate[];
  /** From the newer sample. */
  readonly warnings: readonly HealthWarning[];
}

function perSecond(delta: number | undefined, seconds: number, unit = 1): number | undefined {
  return delta === undefined ? undefined : delta / unit / seconds;
}

/** The sum of the defined values, or undefined when none is. */
function sum(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}

function lunRate(cur: LunCounters, prev: LunCounters | undefined, seconds: number): LunRate {
  const { commands: _c, readMiB: _r, writeMiB: _w, ...identity } = cur;
  return {
    ...identity,
    iops: perSecond(counterDelta(prev?.commands, cur.commands), seconds),
    readMiBps: perSecond(counterDelta(prev?.readMiB, cur.readMiB), seconds),
    writeMiBps: perSecond(counterDelta(prev?.writeMiB, cur.writeMiB), seconds),
  };
}

function mappedLunRate(cur: MappedLunCounters, prev: MappedLunCounters | undefined, seconds: number): MappedLunRate {
  return {
    mappedLun: cur.mappedLun,
    tpgLun: cur.tpgLun,
    iops: perSecond(counterDelta(prev?.commands, cur.commands), seconds),
    readMiBps: perSecond(counterDelta(prev?.readMiB, cur.readMiB), seconds),
    writeMiBps: perSecond(counterDelta(prev?.writeMiB, cur.writeMiB), seconds),
  };
}

/**
 * An initiator's rates come from its per-LUN counters, the SCSI layer's count like the LUN
 * rows. The iSCSI session counters are only a fallback (an ACL without mapped LUNs): on
 * Linux 6.1 `rxdata_octs` leaves out immediate data, so it shows writes 25% short with
 * open-iscsi's defaults (measured in test/kernel/top.test.ts).
 */
function initiatorRate(cur: InitiatorCounters, prev: InitiatorCounters | undefined, seconds: number): InitiatorRate {
  const { luns: curLuns, session: curSession, ...identity } = cur;
  const luns = curLuns.map((l) => mappedLunRate(l, prev?.luns.find((p) => p.mappedLun === l.mappedLun && p.tpgLun === l.tpgLun), seconds));
  const session = (pick: 'cmdPdus' | 'txBytes' | 'rxBytes') => counterDelta(prev?.session?.[pick], curSession?.[pick]);
  return {
    ...identity,
    commandsPerSec: sum(luns.map((l) => l.iops)) ?? perSecond(session('cmdPdus'), seconds),
    readMiBps: sum(luns.map((l) => l.readMiBps)) ?? perSecond(session('txBytes'), seconds, MIB),
    writeMiBps: sum(luns.map((l) => l.writeMiBps)) ?? perSecond(session('rxBytes'), seconds, MIB),
    luns,
  };
}

/**
 * Rates between two samples, keyed by object identity so that objects appearing (no rate
 * yet), vanishing (dropped) or re-created (a new key) between samples never produce
 * negative or invented numbers; counter wraps modulo 2^32 are handled by counterDelta.
 * With no previous sample, or no time between the two, every rate is undefined.
 */
export function rates(previous: StatsSample | undefined, current: StatsSample, seconds: number): StatsRates {
  const usable = previous !== undefined && Number.isFinite(seconds) && seconds > 0;
  const before = usable ? previous : undefined;
  const span = usable ? seconds : 1;
  const prevLuns = new Map(before?.luns.map((l) => [l.key, l]));
  const prevInitiators = new Map(before?.initiators.map((i) => [i.key, i]));
  return {
    seconds: usable ? seconds : 0,
    takenAtMs: current.takenAtMs,
    luns: current.luns.map((l) => lunRate(l, prevLuns.get(l.key), span)),
    initiators: current.initiators.map((i) => initiatorRate(i, prevInitiators.get(i.key), span)),
    warnings: current.warnings,
  };
}
