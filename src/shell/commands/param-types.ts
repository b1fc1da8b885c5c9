import { ValidationError } from '../../errors/index.js';
import { suggest } from './suggest.js';

/** How a parameter's text is checked and converted. */
export type ParamType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A node path in the shell tree; resolved against the tree by the caller. */
  | { readonly kind: 'path' }
  /** A file or device path on the host. */
  | { readonly kind: 'file' }
  /** A byte count, converted to a number: `1048576`, `512K`, `100M`, `10G`, `2TiB`. */
  | { readonly kind: 'size' }
  /** Kept as text: which WWN formats are valid depends on the fabric (rtslib normalize_wwn). */
  | { readonly kind: 'wwn' };

export type ParamKind = ParamType['kind'];

export type ValueOfType<T extends ParamType> = T extends { readonly kind: 'number' | 'size' }
  ? number
  : T extends { readonly kind: 'bool' }
    ? boolean
    : T extends { readonly kind: 'enum'; readonly values: readonly (infer V extends string)[] }
      ? V
      : string;

export type ParamValue = ValueOfType<ParamType>;

/** The placeholder shown in help and `set` listings, like configshell's `NUMBER` / `true|false`. */
export function typeSyntax(type: ParamType): string {
  switch (type.kind) {
    case 'string':
      return 'STRING';
    case 'number':
      return 'NUMBER';
    case 'bool':
      return 'true|false';
    case 'enum':
      return type.values.join('|');
    case 'path':
      return 'PATH';
    case 'file':
      return 'FILE';
    case 'size':
      return 'SIZE';
    case 'wwn':
      return 'WWN';
  }
}

/** Converts one value typed by the user; `param` names it in error messages. */
export function convertValue(type: ParamType, text: string, param: string): ParamValue {
  switch (type.kind) {
    case 'number':
      return checkRange(parseInteger(text, param), type, param);
    case 'bool':
      return parseBool(text, param);
    case 'size':
      return parseSize(text, param);
    case 'enum':
      return parseEnum(text, type.values, param);
    case 'string':
    case 'path':
    case 'file':
    case 'wwn':
      return text;
  }
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/**
 * targetcli took any non-empty string as true in some commands (`clear_existing=false`
 * cleared everything); every spelling here is explicit and anything else is an error.
 */
export function parseBool(text: string, param: string): boolean {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw invalid(text, param, 'expected true or false (also yes/no, on/off, 1/0)');
}

export function parseInteger(text: string, param: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw invalid(text, param, 'expected an integer');
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw invalid(text, param, 'the number is too large');
  return value;
}

const SIZE_UNITS = ['', 'k', 'm', 'g', 't', 'p'];

/**
 * targetcli's human_to_bytes: digits, an optional K/M/G/T unit (any case, `i` and `B`
 * allowed after it), binary multiples. Fractions are refused there and here; P is added.
 */
export function parseSize(text: string, param: string): number {
  const match = /^(\d+)([kmgtp]?)(i?)(b?)$/i.exec(text);
  const unit = match?.[2]?.toLowerCase() ?? '';
  // `10iB` has an `i` without a unit: targetcli accepted it only because it deleted every `i`.
  if (match === null || (match[3] !== '' && unit === '')) {
    throw invalid(text, param, 'expected a size such as 1048576, 512K, 100M, 10G or 2T');
  }
  const bytes = BigInt(match[1] ?? '0') * 1024n ** BigInt(SIZE_UNITS.indexOf(unit));
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(text, param, 'the size is too large');
  return Number(bytes);
}

export function parseEnum(text: string, values: readonly string[], param: string): string {
  if (values.includes(text)) return text;
  const guess = suggest(text, values);
  throw new ValidationError(`Invalid value '${text}' for parameter ${param}: expected one of ${values.join('|')}.`, {
    code: 'invalid-value',
    ...(guess === undefined ? {} : { hint: `Did you mean '${guess}'?` }),
  });
}

function checkRange(value: number, type: { readonly min?: number; readonly max?: number }, param: string): number {
  if (type.min !== undefined && value < type.min) {
    throw invalid(String(value), param, `the minimum is ${type.min}`);
  }
  if (type.max !== undefined && value > type.max) {
    throw invalid(String(value), param, `the maximum is ${type.max}`);
  }
  return value;
}

function invalid(text: string, param: string, expectation: string): ValidationError {
  return new ValidationError(`Invalid value '${text}' for parameter ${param}: ${expectation}.`, {
    code: 'invalid-value',
  });
}
