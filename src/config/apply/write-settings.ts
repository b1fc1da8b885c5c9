import { asLioctlError, PartialFailureError, type LioctlError } from '../../errors/index.js';
import type { ConfigGroup, SettingValue } from '../../model/index.js';
import type { ParameterList, SettingList } from '../plan/operations.js';

/** Whether the kernel already holds `value`; false when unreadable or unknown (the write says why). */
function holds(group: ConfigGroup, name: string, value: SettingValue): boolean {
  try {
    return group.get(name) === group.toText(name, value);
  } catch {
    return false;
  }
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
  const refused: LioctlError[] = [];
  for (const [name, value] of settings) {
    if (!fresh && holds(group, name, value)) continue;
    try {
      group.set(name, value);
    } catch (err) {
      if (fresh && holds(group, name, value)) continue;
      refused.push(asLioctlError(err));
    }
  }
  throwRefusals(refused);
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
