import { invalid, ValidationCode, type ValidationCodeValue } from './invalid.js';
import { shown } from './text.js';

export const MAX_LUN = 65535;
export const MAX_TPG_TAG = 65535;
export const MAX_ALUA_GROUP_ID = 65535;

interface NumberRule {
  readonly what: string;
  /** The UI node prefix accepted in front of the number (`lun3`, `tpg1`). */
  readonly prefix?: string;
  readonly min: number;
  readonly max: number;
  readonly code: ValidationCodeValue;
  readonly usage: string;
}

function parseBounded(input: string | number, rule: NumberRule): number {
  // A saved file's numbers are integers in range: no text round trip (a restore parses thousands).
  if (typeof input === 'number' && Number.isSafeInteger(input) && input >= rule.min && input <= rule.max) return input + 0;
  let text = typeof input === 'number' ? String(input) : input.trim();
  if (rule.prefix !== undefined && text.toLowerCase().startsWith(rule.prefix)) text = text.slice(rule.prefix.length);
  if (!/^-?\d+$/.test(text)) {
    throw invalid(rule.code, `${rule.what} ${shown(String(input))} is not a number; ${rule.usage}`);
  }
  const value = Number(text) + 0; // `+ 0` turns '-0' into 0
  if (value < rule.min || value > rule.max) {
    throw invalid(rule.code, `${rule.what} ${text} is out of range; ${rule.usage}`);
  }
  return value;
}

/** A TPG LUN: 0-65535 (rtslib's limit), written `N` or `lunN`. */
export function parseLun(input: string | number): number {
  return parseBounded(input, {
    what: 'LUN',
    prefix: 'lun',
    min: 0,
    max: MAX_LUN,
    code: ValidationCode.lun,
    usage: `use N or lunN with N from 0 to ${MAX_LUN}`,
  });
}

/** A mapped LUN inside an ACL: any N >= 0 (rtslib sets no upper bound), written `N` or `mapped_lunN`. */
export function parseMappedLun(input: string | number): number {
  return parseBounded(input, {
    what: 'Mapped LUN',
    prefix: 'mapped_lun',
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    code: ValidationCode.lun,
    usage: 'use N or mapped_lunN with N >= 0',
  });
}

/** A TPG tag: 1-65535, written `N` or `tpgN`. Fabric-specific limits (loopback < 32) live with the fabric. */
export function parseTpgTag(input: string | number): number {
  return parseBounded(input, {
    what: 'TPG tag',
    prefix: 'tpg',
    min: 1,
    max: MAX_TPG_TAG,
    code: ValidationCode.tag,
    usage: `use N or tpgN with N from 1 to ${MAX_TPG_TAG}`,
  });
}

/** An ALUA target port group id (`tg_pt_gp_id`): 1-65535; 0 belongs to the default group. */
export function parseAluaGroupId(input: string | number): number {
  return parseBounded(input, {
    what: 'ALUA group id',
    min: 1,
    max: MAX_ALUA_GROUP_ID,
    code: ValidationCode.tag,
    usage: `use 1 to ${MAX_ALUA_GROUP_ID} (0 is the default group's)`,
  });
}
