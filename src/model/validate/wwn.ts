import { invalid, ValidationCode } from './invalid.js';
import { checkIqn } from './iqn.js';
import { shown } from './text.js';
import { checkEui, checkFree, checkIb, checkNaa, checkUnitSerial, type WwnCheck } from './wwn-check.js';

export * from './wwn-fabric.js';
export * from './wwn-generate.js';

export const WWN_TYPES = ['iqn', 'naa', 'eui', 'ib', 'unit_serial', 'free'] as const;
export type WwnType = (typeof WWN_TYPES)[number];

export function isWwnType(value: string): value is WwnType {
  return (WWN_TYPES as readonly string[]).includes(value);
}

export interface NormalizedWwn {
  readonly type: WwnType;
  readonly wwn: string;
  /** Set when a legacy `naa.6` 16-digit name was rewritten, so callers can say so. */
  readonly rewrittenFrom?: string;
  /** A rule of the standard the name breaks that rtslib and the kernel do not enforce (one line). */
  readonly warning?: string;
}

export interface NormalizeWwnOptions {
  /**
   * Rewrite legacy 16-digit `naa.6…` to `naa.5…` as rtslib does for targets (default true).
   * Pass false for initiator names, whose identity must not change.
   */
  readonly rewriteLegacyNaa?: boolean;
}

const FORMS: Record<WwnType, string> = {
  iqn: 'iqn.yyyy-mm.reversed.domain[:unique]',
  naa: 'naa.<16 or 32 hex digits>',
  eui: 'eui.<16 hex digits>',
  ib: 'ib.<32 hex digits>',
  unit_serial: 'a UUID',
  free: "a name without '/' or spaces",
};

const LABELS: Record<WwnType, string> = {
  iqn: 'an IQN',
  naa: 'an NAA',
  eui: 'an EUI',
  ib: 'an InfiniBand',
  unit_serial: 'a unit serial',
  free: 'a free-form',
};

const PREFIXED: readonly (readonly [string, WwnType])[] = [
  ['iqn.', 'iqn'],
  ['naa.', 'naa'],
  ['eui.', 'eui'],
  ['ib.', 'ib'],
];

const HEX_TYPES: readonly WwnType[] = ['naa', 'eui', 'ib'];

/** rtslib's spelling tolerance for hex names: `0x`, `-` and `:` are dropped, the prefix added. */
function cleanseHex(type: WwnType, lowered: string): string {
  const bare = (lowered.startsWith('0x') ? lowered.slice(2) : lowered).replace(/[-:]/g, '');
  return PREFIXED.some(([prefix]) => bare.startsWith(prefix)) ? bare : `${type}.${bare}`;
}

const ASCII = /^[\x20-\x7e]*$/;

function checkAs(type: WwnType, display: string, options: NormalizeWwnOptions): WwnCheck {
  const lowered = display.toLowerCase();
  switch (type) {
    case 'iqn': {
      // RFC 3722 folds case and compatibility forms, so equal names compare equal.
      // ASCII is its own NFKC form: most names skip ICU's normaliser (and loading its data).
      const folded = (ASCII.test(display) ? display : display.normalize('NFKC')).toLowerCase();
      if (!folded.startsWith('iqn.')) return { ok: false, reason: `${shown(display)} does not start with iqn.` };
      const verdict = checkIqn(folded);
      if (verdict.refusal !== undefined) return { ok: false, reason: verdict.refusal };
      return verdict.warning === undefined ? { ok: true, wwn: folded } : { ok: true, wwn: folded, warning: verdict.warning };
    }
    case 'naa':
      return checkNaa(cleanseHex(type, lowered), display, options.rewriteLegacyNaa ?? true);
    case 'eui':
      return checkEui(cleanseHex(type, lowered), display);
    case 'ib':
      return checkIb(cleanseHex(type, lowered), display);
    case 'unit_serial':
      return checkUnitSerial(lowered, display);
    case 'free':
      return checkFree(lowered, display);
  }
}

function intendedType(lowered: string): WwnType | undefined {
  const prefixed = PREFIXED.find(([prefix]) => lowered.startsWith(prefix));
  if (prefixed !== undefined) return prefixed[1];
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(lowered)) return 'unit_serial';
  return undefined;
}

function looksHex(lowered: string): boolean {
  return /^(0x)?[0-9a-f:-]+$/.test(lowered);
}

/** Picks the one reason that matches what the user evidently meant to type. */
function explain(display: string, allowed: readonly WwnType[], failures: ReadonlyMap<WwnType, string>): string {
  if (display === '') return 'the WWN is empty';
  if (allowed.length === 0) return 'no WWN type is allowed here';
  // A free-form name fails only on characters no directory name can hold: that is the reason.
  const free = failures.get('free');
  if (free !== undefined) return free;
  const expected = allowed.map((t) => FORMS[t]).join(' or ');
  const lowered = display.toLowerCase();
  const intended = intendedType(lowered);
  if (intended !== undefined) {
    return (
      failures.get(intended) ??
      `${shown(display)} is ${LABELS[intended]} name, which is not accepted here; expected ${expected}`
    );
  }
  const only = allowed.length === 1 ? allowed[0] : undefined;
  const hexType = looksHex(lowered) ? HEX_TYPES.find((t) => allowed.includes(t)) : undefined;
  const likely = only ?? hexType;
  return (likely === undefined ? undefined : failures.get(likely)) ?? `${shown(display)} matches none of: ${expected}`;
}

/**
 * Normalises a WWN as rtslib does (trim, lowercase, hex spellings cleaned up), trying
 * `allowedTypes` in order; the first that accepts wins. An IQN that breaks RFC 3720 where
 * rtslib and the kernel do not comes back with a `warning`. Throws `bad-wwn` naming the rule
 * that failed.
 */
export function normalizeWwn(
  input: string,
  allowedTypes: readonly WwnType[],
  options: NormalizeWwnOptions = {},
): NormalizedWwn {
  // A restore checks the same WWNs once per operation on their objects; the answer never changes.
  const key = `${allowedTypes.join(',')}|${options.rewriteLegacyNaa ?? true}|${input}`;
  const known = NORMALIZED.get(key);
  if (known !== undefined) return known;
  const normalized = normalizeUncached(input, allowedTypes, options);
  if (NORMALIZED.size >= MAX_REMEMBERED) NORMALIZED.clear();
  NORMALIZED.set(key, normalized);
  return normalized;
}

const NORMALIZED = new Map<string, NormalizedWwn>();
const MAX_REMEMBERED = 65_536;

function normalizeUncached(input: string, allowedTypes: readonly WwnType[], options: NormalizeWwnOptions): NormalizedWwn {
  const display = input.trim();
  const failures = new Map<WwnType, string>();
  for (const type of allowedTypes) {
    const result = display === '' ? undefined : checkAs(type, display, options);
    if (result?.ok === true) {
      const { wwn, rewrittenFrom, warning } = result;
      return { type, wwn, ...(rewrittenFrom === undefined ? {} : { rewrittenFrom }), ...(warning === undefined ? {} : { warning }) };
    }
    if (result !== undefined) failures.set(type, result.reason);
  }
  const types = allowedTypes.join(', ');
  throw invalid(ValidationCode.wwn, `WWN not valid as: ${types}: ${explain(display, allowedTypes, failures)}`);
}
