import { asLioctlError, PartialFailureError, type LioctlError } from '../../errors/index.js';
import type { ConfigGroup, LioRoot, SettingValue } from '../../model/index.js';
import type { ParameterList, SettingList } from '../plan/operations.js';
import { firstOfKind } from './first-of-kind.js';

/** Whether the kernel already holds `value`; false when unreadable or unknown (the write says why). */
function holds(group: ConfigGroup, name: string, value: SettingValue): boolean {
  return same(group, name, value, readQuietly(group, name));
}

/**
 * Writes each setting whose live value differs, in the given order, and goes on past a
 * refusal: one refused setting (targetcli's restore reports them one by one) must not
 * cost the others. The kernel cross-checks some values (`optimal_sectors` against the
 * current block size) and may refuse one it already holds, which is no failure.
 *
 * On an object this run created (`fresh`), every value is written without reading it
 * first, as targetcli does: its values are the kernel's defaults, and one write costs
 * what one read does. Only a refused write is read back. On an existing object the
 * value is read first, so an unchanged setting of a live object is never rewritten.
 */
export function writeSettings(group: ConfigGroup, settings: SettingList | ParameterList, fresh = false): void {
  writeUnheld(group, settings, fresh ? () => false : (name, value) => holds(group, name, value), fresh);
}

/**
 * writeSettings for a kind whose new objects all start alike: a fabric module gives every
 * new TPG the same attributes and parameters, and every new ACL the same attributes
 * (constants of the module), whatever the object. The first new object of the kind in a
 * run is read before it is written, and stands for the others: each later one is written
 * only the values that differ from what the first one held. Reading the first costs what
 * writing it did; the rest of a restore's TPGs and ACLs skip writing the defaults they
 * already hold. Not for storage objects: their defaults come from the backing device.
 */
export function writeSettingsOfKind(lio: LioRoot, kind: string, group: ConfigGroup, settings: SettingList | ParameterList, fresh: boolean): void {
  if (!fresh) return writeSettings(group, settings);
  const held = firstOfKind(lio, kind, () => new Map(settings.map(([name]) => [name, readQuietly(group, name)])));
  writeUnheld(group, settings, (name, value) => same(group, name, value, held.get(name)), true);
}

/** Writes each setting `held` says is not there yet; `readBack`: a refused one may already be. */
function writeUnheld(group: ConfigGroup, settings: SettingList | ParameterList, held: (name: string, value: SettingValue) => boolean, readBack: boolean): void {
  const refused: LioctlError[] = [];
  for (const [name, value] of settings) {
    if (held(name, value)) continue;
    try {
      group.set(name, value);
    } catch (err) {
      if (readBack && holds(group, name, value)) continue;
      refused.push(asLioctlError(err));
    }
  }
  throwRefusals(refused);
}

function readQuietly(group: ConfigGroup, name: string): string | undefined {
  try {
    return group.get(name);
  } catch {
    return undefined;
  }
}

/** Whether `live` is the text `value` is written as; false when either is unknown. */
function same(group: ConfigGroup, name: string, value: SettingValue, live: string | undefined): boolean {
  if (live === undefined) return false;
  try {
    return live === group.toText(name, value);
  } catch {
    return false; // set() says why
  }
}

/**
 * Settings the kernel refused while the object itself is in place: the executor lists
 * each refusal, and does not treat the object as missing.
 */
export class SettingsRefusedError extends PartialFailureError {
  override name = 'SettingsRefusedError';
}

export function throwRefusals(refused: readonly LioctlError[]): void {
  if (refused.length === 0) return;
  throw new SettingsRefusedError(refused.map((e) => e.message).join('; '), refused);
}
