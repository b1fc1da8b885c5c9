import { ValidationError } from '../../errors/index.js';
import { normalizeWwn, type NormalizeWwnOptions, type WwnType } from '../../model/validate/index.js';
import type { ConfigIssue } from '../config-error.js';
import { childPath, type JsonPath } from '../json-path.js';

export type UnknownKeyPolicy = 'error' | 'warn';

/**
 * Collects every problem instead of stopping at the first, so one run over a file tells
 * the user everything that is wrong with it.
 */
export class ParseContext {
  readonly issues: ConfigIssue[] = [];
  readonly warnings: ConfigIssue[] = [];

  constructor(readonly unknownKeys: UnknownKeyPolicy) {}

  error(path: JsonPath, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  warn(path: JsonPath, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Runs a model validator; its ValidationError becomes an issue at `path`. */
  validated<T>(path: JsonPath, check: () => T): T | undefined {
    try {
      return check();
    } catch (err) {
      if (err instanceof ValidationError) return this.error(path, err.message);
      throw err;
    }
  }

  /** A WWN normalised as rtslib does; a name rtslib and the kernel take but the standard does not is a warning at `path`. */
  wwn(path: JsonPath, raw: string, types: readonly WwnType[], options: NormalizeWwnOptions = {}): string | undefined {
    const normalized = this.validated(path, () => normalizeWwn(raw, types, options));
    if (normalized?.warning !== undefined) this.warn(path, normalized.warning);
    return normalized?.wwn;
  }

  /**
   * Reports keys outside `known`. `legacy` keys are written by older rtslib versions and
   * dropped without a word; `renamed` maps the spellings of the saveconfig.json man page
   * (which rtslib never reads) to the key meant, because silently losing `userid` would
   * silently lose authentication.
   */
  checkKeys(
    path: JsonPath,
    obj: Readonly<Record<string, unknown>>,
    known: readonly string[],
    options: { readonly legacy?: readonly string[]; readonly renamed?: Readonly<Record<string, string>> } = {},
  ): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key) || options.legacy?.includes(key) === true) continue;
      const meant = options.renamed?.[key];
      if (meant !== undefined) {
        this.error(childPath(path, key), `unknown key; rtslib and lioctl read '${meant}'`);
      } else if (this.unknownKeys === 'warn') {
        this.warn(childPath(path, key), 'unknown key, ignored');
      } else {
        this.error(childPath(path, key), `unknown key; expected one of ${known.join(', ')}`);
      }
    }
  }
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Says what a value is without showing it: the value may be a secret. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number with a fraction';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Copies only own enumerable data into a fresh object; `__proto__` stays an ordinary key. */
export function fromEntries<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  return Object.fromEntries(entries) as Record<string, V>;
}

/** `{ [key]: value }` when the value is present, `{}` otherwise: keeps absent keys absent. */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  if (value === undefined) return {};
  const out: Partial<Record<K, V>> = {};
  out[key] = value;
  return out;
}
