import { chapWarning, normalizeChapValue, type ChapField } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { CHAP_KEYS, DISCOVERY_KEYS, type ChapKeys, type DiscoveryKeys } from '../schema.js';
import { kindOf, type ParseContext } from './context.js';

const FIELDS: readonly ChapField[] = ['userid', 'password', 'mutual_userid', 'mutual_password'];

/** The man page's spellings, which rtslib never reads: refused with the key meant. */
export const MAN_PAGE_CHAP_KEYS: Readonly<Record<string, string>> = {
  userid: 'chap_userid',
  password: 'chap_password',
  mutual_userid: 'chap_mutual_userid',
  mutual_password: 'chap_mutual_password',
};

export const MAN_PAGE_DISCOVERY_KEYS: Readonly<Record<string, string>> = {
  userid: 'discovery_userid',
  password: 'discovery_password',
  mutual_userid: 'discovery_mutual_userid',
  mutual_password: 'discovery_mutual_password',
};

function readCredentials(
  ctx: ParseContext,
  path: JsonPath,
  obj: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  keys.forEach((key, i) => {
    const value = obj[key];
    const field = FIELDS[i];
    if (value === undefined || value === null || field === undefined) return;
    const at = childPath(path, key);
    // Never the value in a message: it may be a secret.
    if (typeof value !== 'string') {
      ctx.error(at, `expected text, got ${kindOf(value)}`);
      return;
    }
    const text = ctx.validated(at, () => normalizeChapValue(field, value));
    // '' is how rtslib spells "unset": the key is simply absent from its dumps.
    if (text !== undefined && text !== '') out[key] = text;
    const warning = text === undefined ? undefined : chapWarning(field, text);
    if (warning !== undefined) ctx.warn(at, warning);
  });
  return out;
}

export function readChapKeys(ctx: ParseContext, path: JsonPath, obj: Readonly<Record<string, unknown>>): ChapKeys {
  return readCredentials(ctx, path, obj, CHAP_KEYS);
}

export function readDiscoveryKeys(ctx: ParseContext, path: JsonPath, obj: Readonly<Record<string, unknown>>): DiscoveryKeys {
  return readCredentials(ctx, path, obj, DISCOVERY_KEYS);
}

export function hasAnyKey(obj: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.some((k) => obj[k] !== undefined && obj[k] !== null && obj[k] !== '');
}
