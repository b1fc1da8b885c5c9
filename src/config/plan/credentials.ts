import type { ChapChange } from '../../model/chap.js';
import type { ChapKeys, DiscoveryKeys } from '../schema.js';

type Field = keyof ChapChange;
const FIELDS: readonly Field[] = ['userid', 'password', 'mutualUserid', 'mutualPassword'];

/** The model's credential fields in the file's key order. */
export interface Credentials {
  readonly userid?: string;
  readonly password?: string;
  readonly mutualUserid?: string;
  readonly mutualPassword?: string;
}

export function fromChapKeys(keys: ChapKeys): Credentials {
  return pick([keys.chap_userid, keys.chap_password, keys.chap_mutual_userid, keys.chap_mutual_password]);
}

export function fromDiscoveryKeys(keys: DiscoveryKeys | undefined): Credentials {
  if (keys === undefined) return {};
  return pick([keys.discovery_userid, keys.discovery_password, keys.discovery_mutual_userid, keys.discovery_mutual_password]);
}

function pick(values: readonly (string | undefined)[]): Credentials {
  const out: { -readonly [K in Field]?: string } = {};
  FIELDS.forEach((field, i) => {
    const v = values[i];
    if (v !== undefined && v !== '') out[field] = v;
  });
  return out;
}

/**
 * What to write so the credentials become `desired`: changed fields with their new value,
 * '' for fields to unset. Absence in a document means unset (rtslib omits empty ones).
 */
export function credentialChange(desired: Credentials, current: Credentials | undefined): ChapChange {
  const out: { -readonly [K in Field]?: string } = {};
  for (const field of FIELDS) {
    const want = desired[field] ?? '';
    const have = current?.[field] ?? '';
    if (want !== have) out[field] = want;
  }
  return out;
}

export function isEmptyChange(change: ChapChange): boolean {
  return FIELDS.every((f) => change[f] === undefined);
}
