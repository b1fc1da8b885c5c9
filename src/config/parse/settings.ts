import { childPath, type JsonPath } from '../json-path.js';
import type { AttributeValue, Attributes, Parameters } from '../schema.js';
import { fromEntries, kindOf, type ParseContext } from './context.js';
import { readObject } from './values.js';

// Kernel attribute and parameter files are identifiers; anything else (`../enable`,
// `__proto__`) must never reach a path join.
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

function settingEntries(ctx: ParseContext, path: JsonPath, value: unknown): Array<readonly [string, unknown, JsonPath]> {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return [];
  const out: Array<readonly [string, unknown, JsonPath]> = [];
  for (const [name, v] of Object.entries(obj)) {
    const at = childPath(path, name);
    if (!SETTING_NAME.test(name)) ctx.error(at, 'is not a kernel setting name (letters, digits and _)');
    else out.push([name, v, at]);
  }
  return out;
}

function hasLineBreak(text: string): boolean {
  return /[\n\r\0]/.test(text);
}

/**
 * `attributes`: numbers where the kernel text is an integer (as rtslib's dump converts
 * them), text otherwise. Integer text and booleans from hand-written files are converted
 * the same way, so a document compares equal to the dump of what it produces.
 */
export function readAttributes(ctx: ParseContext, path: JsonPath, value: unknown): Attributes | undefined {
  if (value === undefined) return undefined;
  const out: Array<readonly [string, AttributeValue]> = [];
  for (const [name, v, at] of settingEntries(ctx, path, value)) {
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) out.push([name, v + 0]);
      else ctx.error(at, `expected an integer or text, got ${kindOf(v)}`);
    } else if (typeof v === 'boolean') {
      out.push([name, v ? 1 : 0]);
    } else if (typeof v === 'string') {
      if (hasLineBreak(v)) ctx.error(at, 'contains a line break or NUL');
      else if (INTEGER_TEXT.test(v) && Number.isSafeInteger(Number(v))) out.push([name, Number(v) + 0]);
      else out.push([name, v]);
    } else {
      ctx.error(at, `expected an integer or text, got ${kindOf(v)}`);
    }
  }
  return fromEntries(out);
}

/** `parameters`: always text, as the kernel's `Key=Value` engine takes them. */
export function readParameters(ctx: ParseContext, path: JsonPath, value: unknown): Parameters | undefined {
  if (value === undefined) return undefined;
  const out: Array<readonly [string, string]> = [];
  for (const [name, v, at] of settingEntries(ctx, path, value)) {
    if (typeof v === 'number' && Number.isSafeInteger(v)) out.push([name, String(v)]);
    else if (typeof v !== 'string') ctx.error(at, `expected text, got ${kindOf(v)}`);
    else if (hasLineBreak(v)) ctx.error(at, 'contains a line break or NUL');
    else out.push([name, v]);
  }
  return fromEntries(out);
}
