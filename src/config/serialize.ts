import { InternalError } from '../errors/index.js';

/**
 * Writes JSON exactly as rtslib does: `json.dumps(obj, sort_keys=True, indent=2)` plus a
 * newline. Users diff saveconfig.json between targetcli and lioctl, so every byte counts:
 * keys sorted by code point at every level, two-space indent, `", "`-free separators
 * (`","` at line ends, `": "` after keys), `[]`/`{}` for empty containers, and everything
 * outside printable ASCII escaped as `\uXXXX` (lowercase hex, surrogate pairs), like
 * Python's default `ensure_ascii=True`.
 */
export function serializeConfig(value: unknown): string {
  const doc = inKeyOrder(value);
  if (doc === CANNOT) return `${encode(value, '')}\n`;
  // V8's JSON.stringify writes the same layout several times faster than the loops below
  // (a large save holds some 100,000 containers); only the escapes differ.
  const text = JSON.stringify(doc, null, 2);
  return `${NOT_ASCII.test(text) ? text.replace(NOT_ASCII_ALL, escapeUnit) : text}\n`;
}

// JSON.stringify escapes what Python does below U+0020 and leaves the rest as it is.
const NOT_ASCII = /[\u007f-\uffff]/;
const NOT_ASCII_ALL = /[\u007f-\uffff]/g;
const escapeUnit = (unit: string): string => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** What JSON.stringify cannot write as Python does: the loops below write it. */
const CANNOT = Symbol('cannot');
/** Keys JavaScript lists first in any object, whatever their order: an array index. */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;

/**
 * `value` as JSON.stringify writes it the way Python does: every object's keys in code-point
 * order (a copy of each object that was not), or CANNOT for what only the loops write right:
 * a number that is not an integer, undefined in a list, a class instance (it may have its own
 * toJSON), an index-like key (JavaScript would list it first), a key `__proto__` (which
 * JSON.parse makes an own property, and assigning it to the copy would set its prototype).
 */
function inKeyOrder(value: unknown): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isSafeInteger(value) ? value : CANNOT;
    case 'object':
      return Array.isArray(value) ? listInKeyOrder(value as unknown[]) : objectInKeyOrder(value);
    default:
      return CANNOT;
  }
}

function listInKeyOrder(items: readonly unknown[]): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const ordered = item === undefined ? CANNOT : inKeyOrder(item);
    if (ordered === CANNOT) return CANNOT;
    if (ordered !== item) (copy ??= items.slice())[i] = ordered;
  }
  return copy ?? items;
}

function objectInKeyOrder(obj: object): unknown {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) return CANNOT;
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record);
  const values = new Array<unknown>(keys.length);
  let sorted = true;
  let same = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const code = key.charCodeAt(0);
    if ((code >= 0x30 && code <= 0x39 && INDEX_LIKE.test(key)) || key === '__proto__') return CANNOT;
    if (i > 0 && compareCodePoints(keys[i - 1] as string, key) > 0) sorted = false;
    const item = record[key];
    // JSON.stringify leaves out an undefined property, as Python has none.
    const ordered = item === undefined ? item : inKeyOrder(item);
    if (ordered === CANNOT) return CANNOT;
    if (ordered !== item) same = false;
    values[i] = ordered;
  }
  if (sorted && same) return obj;
  const order = keys.map((_, i) => i);
  if (!sorted) order.sort((a, b) => compareCodePoints(keys[a] as string, keys[b] as string));
  const copy: Record<string, unknown> = {};
  for (const i of order) copy[keys[i] as string] = values[i];
  return copy;
}

const INDENT = '  ';

function encode(value: unknown, indent: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return encodeString(value);
    case 'object':
      return Array.isArray(value) ? encodeArray(value, indent) : encodeObject(value, indent);
    default:
      throw new InternalError(`cannot write a ${typeof value} into saveconfig.json`);
  }
}

/**
 * The document holds integers only (rtslib converts kernel text with `int()`); Python
 * would print a float differently from JavaScript (`1.0`, `1e-07`), so one is a bug here.
 */
function encodeNumber(n: number): string {
  if (!Number.isSafeInteger(n)) throw new InternalError(`cannot write ${n} into saveconfig.json: only integers are written`);
  return String(n + 0);
}

// Plain loops over preallocated parts: a large save writes some 100,000 containers.
function encodeArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + INDENT;
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) throw new InternalError('cannot write an undefined list item into saveconfig.json');
    parts[i] = inner + encode(item, inner);
  }
  return `[\n${parts.join(',\n')}\n${indent}]`;
}

function encodeObject(obj: object, indent: string): string {
  const record = obj as Record<string, unknown>;
  // Absent optional properties may be present as undefined in memory; Python has no such value.
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  if (keys.length === 0) return '{}';
  // Most objects are built in key order already: checking is cheaper than sorting.
  for (let i = 1; i < keys.length; i++) {
    if (compareCodePoints(keys[i - 1] as string, keys[i] as string) > 0) {
      keys.sort(compareCodePoints);
      break;
    }
  }
  const inner = indent + INDENT;
  const parts = new Array<string>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    parts[i] = `${inner}${encodeString(key)}: ${encode(record[key], inner)}`;
  }
  return `{\n${parts.join(',\n')}\n${indent}}`;
}

/**
 * Python orders str by code point; JavaScript's default sort compares UTF-16 units, which
 * puts astral characters (surrogate pairs) before U+E000-U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
  }
  return a.length - b.length;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x08: '\\b',
  0x0c: '\\f',
};

/** Printable ASCII without '"' and '\\': nearly every key and value, written as it is. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Python's `py_encode_basestring_ascii`: one escape per UTF-16 unit outside ' '..'~'. */
export function encodeString(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const short = SHORT_ESCAPES[unit];
    if (short !== undefined) out += short;
    else if (unit >= 0x20 && unit <= 0x7e) out += text.charAt(i);
    else out += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}
