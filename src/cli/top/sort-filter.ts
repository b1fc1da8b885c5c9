import type { InitiatorRate, LunRate } from '../../model/stats/index.js';

export const SORT_KEYS = ['name', 'iops', 'read', 'write'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Readonly<Record<SortKey, string>> = { name: 'name', iops: 'IOPS', read: 'read MiB/s', write: 'write MiB/s' };

export function nextSort(key: SortKey): SortKey {
  return SORT_KEYS[(SORT_KEYS.indexOf(key) + 1) % SORT_KEYS.length] ?? 'name';
}

/** Busiest first; rows not measured yet go last; ties keep the configuration's order. */
function byRate<T>(rows: readonly T[], rate: (row: T) => number | undefined): T[] {
  return [...rows].sort((a, b) => (rate(b) ?? -1) - (rate(a) ?? -1));
}

export function sortLuns(rows: readonly LunRate[], key: SortKey): LunRate[] {
  switch (key) {
    case 'name':
      return [...rows];
    case 'iops':
      return byRate(rows, (r) => r.iops);
    case 'read':
      return byRate(rows, (r) => r.readMiBps);
    case 'write':
      return byRate(rows, (r) => r.writeMiBps);
  }
}

export function sortInitiators(rows: readonly InitiatorRate[], key: SortKey): InitiatorRate[] {
  switch (key) {
    case 'name':
      return [...rows].sort((a, b) => a.initiator.localeCompare(b.initiator, 'en', { numeric: true }));
    case 'iops':
      return byRate(rows, (r) => r.commandsPerSec);
    case 'read':
      return byRate(rows, (r) => r.readMiBps);
    case 'write':
      return byRate(rows, (r) => r.writeMiBps);
  }
}

function matches(fields: ReadonlyArray<string | undefined>, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return fields.some((f) => f !== undefined && f.toLowerCase().includes(needle));
}

/** A LUN matches by target, `tpgN`, `lunN` or storage object. */
export function lunMatches(row: LunRate, filter: string): boolean {
  return matches([row.target, `tpg${row.tpg}`, `lun${row.lun}`, row.storageObject], filter);
}

/** An initiator matches by name, alias, address, target or state. */
export function initiatorMatches(row: InitiatorRate, filter: string): boolean {
  return matches([row.initiator, row.alias, row.address, row.target, row.state], filter);
}
