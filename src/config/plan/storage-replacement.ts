import { humanSize } from '../../model/validate/index.js';
import { storageObjectRef, type SaveConfig, type StorageObjectConfig } from '../schema.js';
import { byKey } from './ids.js';

/**
 * The keys given to the plugin's constructor: the kernel takes them once, through
 * `control` before `enable`, so a different value means a different object.
 */
const CONSTRUCTOR_KEYS = ['dev', 'wwn', 'size', 'readonly', 'write_back', 'exclusive', 'aio', 'nullio', 'config', 'hw_max_sectors', 'control'] as const;
type ConstructorKey = (typeof CONSTRUCTOR_KEYS)[number];

function valueOf(so: StorageObjectConfig, key: ConstructorKey): unknown {
  // rtslib writes nullio only when true, so its absence is a statement, not "don't care".
  if (key === 'nullio') return so.plugin === 'ramdisk' ? (so.nullio ?? false) : undefined;
  // A block object's write_back is its emulate_write_cache attribute, changed in place (and
  // refused by the kernel on most devices): rtslib's block constructor ignores the key.
  if (key === 'write_back' && so.plugin === 'block') return undefined;
  return (so as Readonly<Partial<Record<ConstructorKey, unknown>>>)[key];
}

function shown(key: ConstructorKey, value: unknown, other: unknown): string {
  // Sizes read best rounded, unless rounding hides the very difference being explained.
  if (key === 'size' && typeof value === 'number') {
    const rounded = humanSize(value);
    return typeof other === 'number' && humanSize(other) === rounded ? `${value} bytes` : rounded;
  }
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/**
 * Why `desired` cannot be reached from `current` in place, or undefined if it can.
 * A key the desired document leaves out (a hand-written file without `wwn`) is not a
 * difference.
 */
export function replacementReason(current: StorageObjectConfig, desired: StorageObjectConfig): string | undefined {
  if (current.plugin !== desired.plugin) return undefined; // different identity, never compared
  const reasons: string[] = [];
  for (const key of CONSTRUCTOR_KEYS) {
    const want = valueOf(desired, key);
    const have = valueOf(current, key);
    if (want === undefined || want === have) continue;
    reasons.push(
      have === undefined ? `${key} becomes ${shown(key, want, have)}` : `${key} changes from ${shown(key, have, want)} to ${shown(key, want, have)}`,
    );
  }
  return reasons.length === 0 ? undefined : reasons.join(', ');
}

/** Storage objects present in both documents that must be deleted and created again, with why. */
export function storageReplacements(current: SaveConfig, desired: SaveConfig): ReadonlyMap<string, string> {
  const live = byKey(current.storage_objects, storageObjectRef);
  const out = new Map<string, string>();
  for (const so of desired.storage_objects) {
    const ref = storageObjectRef(so);
    const have = live.get(ref);
    const reason = have === undefined ? undefined : replacementReason(have, so);
    if (reason !== undefined) out.set(ref, reason);
  }
  return out;
}
