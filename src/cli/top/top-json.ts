import { performance } from 'node:perf_hooks';
import type { InitiatorRate, LunRate, StatsRates } from '../../model/stats/index.js';
import { jsonRate } from './numbers.js';

function lunJson(l: LunRate) {
  return {
    fabric: l.fabric,
    target: l.target,
    tpg: l.tpg,
    lun: l.lun,
    storageObject: l.storageObject ?? null,
    iops: jsonRate(l.iops),
    readMiBps: jsonRate(l.readMiBps),
    writeMiBps: jsonRate(l.writeMiBps),
  };
}

function initiatorJson(i: InitiatorRate) {
  return {
    fabric: i.fabric,
    target: i.target,
    tpg: i.tpg,
    initiator: i.initiator,
    alias: i.alias ?? null,
    sid: i.sid ?? null,
    dynamic: i.dynamic,
    state: i.state,
    address: i.address ?? null,
    connections: i.connections,
    commandsPerSec: jsonRate(i.commandsPerSec),
    readMiBps: jsonRate(i.readMiBps),
    writeMiBps: jsonRate(i.writeMiBps),
    luns: i.luns.map((m) => ({
      mappedLun: m.mappedLun,
      tpgLun: m.tpgLun ?? null,
      iops: jsonRate(m.iops),
      readMiBps: jsonRate(m.readMiBps),
      writeMiBps: jsonRate(m.writeMiBps),
    })),
  };
}

/** Wall-clock time of a monotonic instant of this process. */
function wallClock(monotonicMs: number, timeOrigin: number): string {
  return new Date(timeOrigin + monotonicMs).toISOString();
}

/**
 * One sample for scripts and monitoring, in the `{kind, data}` shape of every lioctl --json
 * result: the measuring window in wall-clock time (to line it up with other tools' numbers),
 * then the rates. Rates not measurable (an object that appeared during the interval) are null.
 */
export function topJson(r: StatsRates, path: string | undefined, timeOrigin = performance.timeOrigin) {
  return {
    kind: 'top',
    data: {
      path: path ?? '/',
      from: wallClock(r.takenAtMs - r.seconds * 1000, timeOrigin),
      to: wallClock(r.takenAtMs, timeOrigin),
      seconds: jsonRate(r.seconds),
      sessions: r.initiators.length,
      luns: r.luns.map(lunJson),
      initiators: r.initiators.map(initiatorJson),
      warnings: r.warnings.map((w) => ({ kind: w.kind, object: w.object, message: w.message })),
    },
  };
}
