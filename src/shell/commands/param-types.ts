import { ValidationError } from '../../errors/index.js';
import { parseBool as parseBoolWord, parseSize as parseSizeText } from '../../model/validate/index.js';
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
  /** A byte count greater than 0, converted to a number: `1048576`, `512K`, `100M`, `10G`, `2TiB`. */
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

/**
 * targetcli took any non-empty string as true in some commands (`clear_existing=false`
 * cleared everything); the model's strict reading is used so both layers agree.
 */
export function parseBool(text: string, param: string): boolean {
  return parseBoolWord(text, `Parameter ${param}`);
}

export function parseInteger(text: string, param: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw invalid(text, param, 'expected an integer');
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw invalid(text, param, 'the number is too large');
  return value;
}

/** targetcli's human_to_bytes grammar, as the model validates it (one place decides what a size is). */
export function parseSize(text: string, param: string): number {
  try {
    return parseSizeText(text);
  } catch (err) {
    if (err instanceof ValidationError) {
      throw new ValidationError(`Parameter ${param}: ${err.message}`, { code: err.code, cause: err });
    }
    throw err;
  }
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
