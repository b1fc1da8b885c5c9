import type { LioRoot } from '../../model/index.js';

const seen = new WeakMap<LioRoot, Map<string, unknown>>();

/**
 * What the first new object of `kind` held when this run read it (`read`, called once per
 * run and kind). For kinds the kernel starts all alike, it stands for every later new one:
 * ALUA groups, and a fabric's TPGs and ACLs.
 */
export function firstOfKind<T>(lio: LioRoot, kind: string, read: () => T): T {
  let kinds = seen.get(lio);
  if (kinds === undefined) seen.set(lio, (kinds = new Map()));
  if (!kinds.has(kind)) kinds.set(kind, read());
  return kinds.get(kind) as T; // set just above from read(), under this kind
}
