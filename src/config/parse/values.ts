import { parseBool } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { isRecord, kindOf, type ParseContext } from './context.js';

export function readObject(ctx: ParseContext, path: JsonPath, value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (isRecord(value)) return value;
  return ctx.error(path, `expected an object, got ${kindOf(value)}`);
}

/** A list; an absent one is empty, as rtslib's restore reads it (`get(key, [])`). */
export function readList(ctx: ParseContext, path: JsonPath, value: unknown): readonly unknown[] | undefined {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return ctx.error(path, `expected a list, got ${kindOf(value)}`);
}

/** Items of a list with their paths, skipping what is not a list. */
export function listItems(ctx: ParseContext, path: JsonPath, value: unknown): Array<readonly [JsonPath, unknown]> {
  const list = readList(ctx, path, value) ?? [];
  return list.map((item, i) => [childPath(path, i), item] as const);
}

export function readRequired(ctx: ParseContext, path: JsonPath, value: unknown): unknown {
  if (value === undefined) return ctx.error(path, 'missing');
  return value;
}

/** Text for a kernel file or a symlink: one line, no NUL. */
export function readText(ctx: ParseContext, path: JsonPath, value: unknown, options: { readonly allowEmpty?: boolean } = {}): string | undefined {
  if (typeof value !== 'string') return ctx.error(path, `expected text, got ${kindOf(value)}`);
  if (/[\n\r\0]/.test(value)) return ctx.error(path, 'contains a line break or NUL, which no kernel file accepts');
  if (value.trim() === '' && options.allowEmpty !== true) return ctx.error(path, 'is empty');
  return value;
}

export function readInteger(
  ctx: ParseContext,
  path: JsonPath,
  value: unknown,
  range: { readonly min: number; readonly max: number },
): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return ctx.error(path, `expected an integer, got ${kindOf(value)}`);
  if (value < range.min || value > range.max) return ctx.error(path, `${value} is out of range ${range.min}-${range.max}`);
  return value + 0; // -0 → 0
}

/** rtslib writes JSON booleans; hand-written files get the shell's strict words too. */
export function readBool(ctx: ParseContext, path: JsonPath, value: unknown): boolean | undefined {
  if (typeof value !== 'boolean' && typeof value !== 'number' && typeof value !== 'string') {
    return ctx.error(path, `expected true or false, got ${kindOf(value)}`);
  }
  return ctx.validated(path, () => parseBool(value));
}

export function readOptionalBool(ctx: ParseContext, path: JsonPath, value: unknown): boolean | undefined {
  return value === undefined ? undefined : readBool(ctx, path, value);
}

// Made once: the bundle builds a pattern with \p{...} anew each time its expression is evaluated.
export const CONTROL_CHAR = /\p{Cc}/u;

/** A name used as a configfs directory or symlink name (LUN aliases). */
export function readLinkName(ctx: ParseContext, path: JsonPath, value: unknown): string | undefined {
  const text = readText(ctx, path, value);
  if (text === undefined) return undefined;
  const name = text.trim(); // rtslib strips aliases before linking
  if (name === '.' || name === '..' || name.includes('/')) return ctx.error(path, `'${name}' cannot be a symlink name`);
  if (CONTROL_CHAR.test(name)) return ctx.error(path, 'contains a control character');
  if (Buffer.byteLength(name, 'utf8') > 255) return ctx.error(path, 'is longer than 255 bytes');
  return name;
}
