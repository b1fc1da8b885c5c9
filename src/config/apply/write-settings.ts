import { asLioctlError, PartialFailureError, type LioctlError } from '../../errors/index.js';
import type { ConfigGroup } from '../../model/index.js';
import type { ParameterList, SettingList } from '../plan/operations.js';

function liveValue(group: ConfigGroup, name: string): string | undefined {
  try {
    return group.get(name);
  } catch {
    return undefined; // unreadable or unknown: the write below says what is wrong
  }
}

/**
 * Writes each setting whose live value differs, in the given order, and goes on past a
 * refusal: one refused setting (targetcli's restore reports them one by one) must not
 * cost the others. Rewriting an unchanged value is skipped because the kernel
 * cross-checks some (`optimal_sectors` against the current block size) and would refuse
 * a value it already holds.
 */
export function writeSettings(group: ConfigGroup, settings: SettingList | ParameterList): void {
  const refused: LioctlError[] = [];
  for (const [name, value] of settings) {
    if (liveValue(group, name) === String(value)) continue;
    try {
      group.set(name, value);
    } catch (err) {
      refused.push(asLioctlError(err));
    }
  }
  throwRefusals(refused);
}

/**
 * Settings the kernel refused while the object itself is in place: the executor lists
 * each refusal, and does not treat the object as missing.
 */
export class SettingsRefusedError extends PartialFailureError {}

export function throwRefusals(refused: readonly LioctlError[]): void {
  if (refused.length === 0) return;
  throw new SettingsRefusedError(refused.map((e) => e.message).join('; '), refused);
}
