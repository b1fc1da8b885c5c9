import { STORAGE_PLUGIN_NAMES, storageObjectRef, tpgRef, type SaveConfig, type StorageObjectConfig, type StorageObjectExtras, type TpgConfig } from '../schema.js';
import type { StorageId, TpgId } from './operations.js';

export function storageId(so: Pick<StorageObjectConfig, 'plugin' | 'name'>): StorageId {
  return { plugin: so.plugin, name: so.name };
}

export function tpgId(fabric: string, wwn: string, tpg: Pick<TpgConfig, 'tag'>): TpgId {
  return { fabric, wwn, tag: tpg.tag };
}

export function tpgKey(id: TpgId): string {
  return tpgRef(id.fabric, id.wwn, id.tag);
}

/** `/backstores/fileio/disk1` → its id; LUN references are normalised by the parser. */
export function storageIdFromRef(ref: string): StorageId | undefined {
  const m = /^\/backstores\/([^/]+)\/([^/]+)$/.exec(ref);
  const plugin = STORAGE_PLUGIN_NAMES.find((p) => p === m?.[1]);
  if (plugin === undefined || m?.[2] === undefined) return undefined;
  return { plugin, name: m[2] };
}

/** Maps by identity, keeping document order. */
export function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

export function nexusOf(doc: SaveConfig, id: TpgId): string | undefined {
  return doc.lioctl?.tpgs?.[tpgKey(id)]?.nexus;
}

export function identityOf(doc: SaveConfig, so: Pick<StorageObjectConfig, 'plugin' | 'name'>): StorageObjectExtras {
  return doc.lioctl?.storage_objects?.[storageObjectRef(so)] ?? {};
}
