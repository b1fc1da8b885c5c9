import { childPath, type JsonPath } from '../json-path.js';
import type { AttributeValue, Attributes, Parameters } from '../schema.js';
import { kindOf, type ParseContext } from './context.js';
import { readObject } from './values.js';

// Kernel attribute and parameter files are identifiers; anything else (`../enable`,
// `__proto__`) must never reach a path join.
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

/** The object's settings in order; a name that is not a kernel setting name is reported and left out. */
function settingEntries(ctx: ParseContext, path: JsonPath, value: unknown): Array<readonly [string, unknown]> {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return [];
  const out: Array<readonly [string, unknown]> = [];
  for (const entry of Object.entries(obj)) {
    if (!SETTING_NAME.test(entry[0])) ctx.error(childPath(path, entry[0]), 'is not a kernel setting name (letters, digits and _)');
    else out.push(entry);
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
  // Assigned by name: SETTING_NAME keeps `__proto__` out, so every name is an own key.
  const out: Record<string, AttributeValue> = {};
  for (const [name, v] of settingEntries(ctx, path, value)) {
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) out[name] = v + 0;
      else ctx.error(childPath(path, name), `expected an integer or text, got ${kindOf(v)}`);
    } else if (typeof v === 'boolean') {
      out[name] = v ? 1 : 0;
    } else if (typeof v === 'string') {
      if (hasLineBreak(v)) ctx.error(childPath(path, name), 'contains a line break or NUL');
      else if (INTEGER_TEXT.test(v) && Number.isSafeInteger(Number(v))) out[name] = Number(v) + 0;
      else out[name] = v;
    } else {
      ctx.error(childPath(path, name), `expected an integer or text, got ${kindOf(v)}`);
    }
  }
  return out;
}

/** `parameters`: always text, as the kernel's `Key=Value` engine takes them. */
export function readParameters(ctx: ParseContext, path: JsonPath, value: unknown): Parameters | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [name, v] of settingEntries(ctx, path, value)) {
    if (typeof v === 'number' && Number.isSafeInteger(v)) out[name] = String(v);
    else if (typeof v !== 'string') ctx.error(childPath(path, name), `expected text, got ${kindOf(v)}`);
    else if (hasLineBreak(v)) ctx.error(childPath(path, name), 'contains a line break or NUL');
    else out[name] = v;
  }
  return out;
}
