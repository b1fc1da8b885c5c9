import type { AttributeValue, Attributes, Parameters, StoragePluginName } from '../schema.js';
import type { ParameterList, SettingList } from './operations.js';

/**
 * Storage attributes never compared or written: `hw_*` are read-only limits the kernel
 * derives; `alua_support`/`pgr_support` are writable files that almost every backend
 * refuses (rtslib dumps them and then reports "recoverable errors" on every restore,
 * rtslib-fb#169); `pi_prot_format` is an action (writing 1 formats the protection
 * information), not a state, and reading it broke rtslib's save (rtslib-fb#145).
 */
const IGNORED_STORAGE_ATTRIBUTES: ReadonlySet<string> = new Set(['alua_support', 'pgr_support', 'pi_prot_format']);
/** tcmu repeats its `config` and `size` keys as attributes; those keys decide. */
const IGNORED_USER_ATTRIBUTES: ReadonlySet<string> = new Set(['dev_config', 'dev_size']);

export function isIgnoredStorageAttribute(plugin: StoragePluginName, name: string): boolean {
  return name.startsWith('hw_') || IGNORED_STORAGE_ATTRIBUTES.has(name) || (plugin === 'user' && IGNORED_USER_ATTRIBUTES.has(name));
}

/**
 * Written before all others, in this order: `block_size` changes `hw_max_sectors`, which
 * `optimal_sectors` is checked against; the unmap limits must be non-zero before
 * `emulate_tpu`/`emulate_tpws`/`unmap_zeroes_data` are accepted; `pi_prot_type` before
 * `pi_prot_verify`. The rest follow in name order.
 */
const FIRST: readonly string[] = [
  'block_size',
  'max_unmap_block_desc_count',
  'max_unmap_lba_count',
  'unmap_granularity',
  'unmap_granularity_alignment',
  'pi_prot_type',
];

function rank(name: string): number {
  const i = FIRST.indexOf(name);
  return i < 0 ? FIRST.length : i;
}

export function compareSettingNames(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** For a new object (`current` undefined), which has nothing to compare: the executor finds what the kernel lacks. */
export const NEW_OBJECT = (): boolean => false;

/**
 * The settings of `desired` to write: all of them for a new object (`current`
 * undefined), otherwise those whose value differs. A setting the desired document does
 * not mention is left as it is: a document cannot ask for "the kernel default". One the
 * running kernel lacks for the live object (`lacking` records it: the document was saved
 * on another kernel) is left out.
 */
export function changedAttributes(
  desired: Attributes | undefined,
  current: Attributes | undefined,
  lacking: (name: string) => boolean,
  ignore: (name: string) => boolean = () => false,
): SettingList {
  const out: Array<readonly [string, AttributeValue]> = [];
  for (const [name, value] of Object.entries(desired ?? {})) {
    if (ignore(name)) continue;
    if (current !== undefined && (sameValue(current[name], value) || lacking(name))) continue;
    out.push([name, value]);
  }
  return out.sort(([a], [b]) => compareSettingNames(a, b));
}

export function changedParameters(desired: Parameters | undefined, current: Parameters | undefined, lacking: (name: string) => boolean): ParameterList {
  const out: Array<readonly [string, string]> = [];
  for (const [name, value] of Object.entries(desired ?? {})) {
    if (current !== undefined && (current[name] === value || lacking(name))) continue;
    out.push([name, value]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** 1 and "1" are the same kernel text. */
function sameValue(a: AttributeValue | undefined, b: AttributeValue): boolean {
  return a !== undefined && String(a) === String(b);
}

/**
 * Settings and identity the kernel refuses while the device is exported through a LUN
 * (`export_count > 0`): changing them on a device that stays exported will fail.
 */
export const EXPORT_LOCKED: ReadonlySet<string> = new Set([
  'block_size',
  'queue_depth',
  'optimal_sectors',
  'emulate_model_alias',
  'emulate_tas',
  'emulate_ua_intlck_ctrl',
  'unmap_zeroes_data',
  'force_pr_aptpl',
  'pi_prot_type',
  'vendor_id',
  'product_id',
  'revision',
]);
