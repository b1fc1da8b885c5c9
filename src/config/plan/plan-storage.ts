import { DEFAULT_ALUA_GROUP, storageObjectRef, type SaveConfig, type StorageObjectConfig, type StorageObjectExtras } from '../schema.js';
import type { PlanBuilder } from './builder.js';
import { byKey, identityOf, storageId } from './ids.js';
import { planAluaGroups, type KeptLun } from './plan-alua.js';
import { EXPORT_LOCKED, NEW_OBJECT, changedAttributes, isIgnoredStorageAttribute } from './setting-rules.js';

export interface StoragePlanInput {
  readonly current: SaveConfig;
  readonly desired: SaveConfig;
  /** Objects deleted and created again (ref → why). */
  readonly replaced: ReadonlyMap<string, string>;
  /** LUNs that exist now and stay through the change: their objects remain exported. */
  readonly keptLuns: readonly KeptLun[];
}

const IDENTITY_FIELDS = ['vendor_id', 'product_id', 'revision'] as const;

function identityChanges(desired: StorageObjectExtras, current: StorageObjectExtras | undefined): StorageObjectExtras {
  const out: Partial<Record<(typeof IDENTITY_FIELDS)[number], string>> = {};
  for (const field of IDENTITY_FIELDS) {
    const want = desired[field];
    if (want !== undefined && want !== current?.[field]) out[field] = want;
  }
  return out;
}

/** Everything a new object needs before any LUN may link it. */
function createStorageObject(b: PlanBuilder, desired: SaveConfig, so: StorageObjectConfig): void {
  const id = storageId(so);
  const { attributes: _attributes, ...bare } = so;
  b.add({ kind: 'create-storage-object', config: { ...bare, alua_tpgs: [] } });
  const identity = identityChanges(identityOf(desired, so), undefined);
  if (Object.keys(identity).length > 0) b.add({ kind: 'set-storage-identity', storage: id, identity });
  const attributes = changedAttributes(so.attributes, undefined, NEW_OBJECT, (n) => isIgnoredStorageAttribute(so.plugin, n));
  if (attributes.length > 0) b.add({ kind: 'set-storage-attributes', storage: id, attributes });
}

function updateStorageObject(b: PlanBuilder, input: StoragePlanInput, have: StorageObjectConfig, want: StorageObjectConfig): void {
  const id = storageId(want);
  const identity = identityChanges(identityOf(input.desired, want), identityOf(input.current, have));
  if (Object.keys(identity).length > 0) b.add({ kind: 'set-storage-identity', storage: id, identity });
  const attributes = changedAttributes(want.attributes, have.attributes ?? {}, b.lacking('attribute', want.plugin), (n) => isIgnoredStorageAttribute(want.plugin, n));
  if (attributes.length > 0) b.add({ kind: 'set-storage-attributes', storage: id, attributes });
  const ref = storageObjectRef(want);
  const exporters = input.keptLuns.filter((l) => l.storage === ref);
  const locked = [...Object.keys(identity), ...attributes.map(([n]) => n)].filter((n) => EXPORT_LOCKED.has(n));
  if (exporters.length > 0 && locked.length > 0) {
    b.warn(
      `${want.plugin}/${want.name} stays exported by ${exporters.length} LUN(s), and the kernel refuses to change ` +
        `${locked.join(', ')} while it is exported; remove its LUNs first or apply in two steps`,
    );
  }
}

/** Storage objects and their ALUA groups: deletions, creations (also of replaced ones) and changes. */
export function planStorage(b: PlanBuilder, input: StoragePlanInput): void {
  const { current, desired, replaced } = input;
  const wanted = byKey(desired.storage_objects, storageObjectRef);
  for (const so of current.storage_objects) {
    const ref = storageObjectRef(so);
    const reason = replaced.get(ref);
    if (wanted.has(ref) && reason === undefined) continue;
    // Non-default groups must go first: the kernel will not remove an object that has them.
    for (const g of so.alua_tpgs) {
      if (g.name !== DEFAULT_ALUA_GROUP) b.add({ kind: 'delete-alua-group', storage: storageId(so), name: g.name });
    }
    b.add({ kind: 'delete-storage-object', storage: storageId(so), ...(reason === undefined ? {} : { reason }) });
  }
  const live = byKey(current.storage_objects, storageObjectRef);
  for (const so of desired.storage_objects) {
    const ref = storageObjectRef(so);
    const have = replaced.has(ref) ? undefined : live.get(ref);
    if (have === undefined) createStorageObject(b, desired, so);
    else updateStorageObject(b, input, have, so);
    planAluaGroups(b, so, have, input.keptLuns);
  }
}
