import type { HealthWarning, InitiatorRate, LunRate, StatsRates } from '../../../src/model/stats/index.js';

export const TARGET = 'iqn.2003-01.org.example.storage:array1';

export function lunRate(lun: number, iops: number | undefined, read = 0, write = 0, target = TARGET): LunRate {
  return {
    key: `${target}/${lun}`,
    fabric: 'iscsi',
    target,
    tpg: 1,
    lun,
    storageObject: `fileio/disk${lun}`,
    iops,
    readMiBps: iops === undefined ? undefined : read,
    writeMiBps: iops === undefined ? undefined : write,
  };
}

export function initiatorRate(name: string, commandsPerSec: number | undefined, address = '192.0.2.10'): InitiatorRate {
  return {
    key: name,
    fabric: 'iscsi',
    target: TARGET,
    tpg: 1,
    initiator: name,
    sid: 1,
    dynamic: false,
    state: 'LOGGED_IN',
    address,
    connections: 1,
    commandsPerSec,
    readMiBps: 1.5,
    writeMiBps: 0.25,
    luns: [],
  };
}

export function warning(n: number): HealthWarning {
  return { kind: 'backstore-deactivated', object: `fileio/spare${n}`, message: `Storage object fileio/spare${n} is deactivated: no LUN exports it` };
}

export function someRates(luns: LunRate[], initiators: InitiatorRate[] = [], warnings: HealthWarning[] = [], seconds = 1): StatsRates {
  return { seconds, takenAtMs: 5000, luns, initiators, warnings };
}

/** `n` LUNs, LUN i doing i*10 IOPS. */
export function manyLuns(n: number): LunRate[] {
  return Array.from({ length: n }, (_, i) => lunRate(i, i * 10, i / 10, 0));
}
