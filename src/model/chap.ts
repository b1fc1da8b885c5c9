import type { ConfigFs } from '../configfs/index.js';
import { normalizeChapValue, type ChapField } from './validate/index.js';
import { chomp } from './configfs-text.js';
import { inContext } from './errors.js';

/** CHAP credentials as the kernel holds them; an absent field is unset. */
export interface ChapCredentials {
  readonly userid?: string;
  readonly password?: string;
  readonly mutualUserid?: string;
  readonly mutualPassword?: string;
}

/** A change to credentials: a field left out is kept, a field set to '' is unset. */
export type ChapChange = { readonly [K in keyof ChapCredentials]?: string };

const FILES: ReadonlyArray<readonly [keyof ChapCredentials, string, ChapField]> = [
  ['userid', 'userid', 'userid'],
  ['password', 'password', 'password'],
  ['mutualUserid', 'userid_mutual', 'mutual_userid'],
  ['mutualPassword', 'password_mutual', 'mutual_password'],
];

/** The kernel keeps the literal text `NULL` after a clear; it means unset. */
function credential(text: string): string | undefined {
  const value = chomp(text);
  return value === '' || value.startsWith('NULL') ? undefined : value;
}

/** Reads the four credential files of an `auth/` or `discovery_auth/` directory. */
export function readChap(fs: ConfigFs, dir: string): ChapCredentials {
  const out: { -readonly [K in keyof ChapCredentials]?: string } = {};
  for (const [key, file] of FILES) {
    const value = credential(fs.read(`${dir}/${file}`));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** What a summary shows of CHAP: one-way credentials complete, mutual on. Three reads, not five. */
export function readChapState(fs: ConfigFs, dir: string): { readonly oneWay: boolean; readonly mutual: boolean } {
  const oneWay = credential(fs.read(`${dir}/userid`)) !== undefined && credential(fs.read(`${dir}/password`)) !== undefined;
  return { oneWay, mutual: readAuthenticateTarget(fs, dir) };
}

/** Whether the kernel will authenticate the target to the initiator (mutual CHAP set). */
export function readAuthenticateTarget(fs: ConfigFs, dir: string): boolean {
  return chomp(fs.read(`${dir}/authenticate_target`)) === '1';
}

/** Validates a change up front: nothing is written when any value is unacceptable. */
export function checkChapChange(change: ChapChange): Array<readonly [string, string]> {
  const writes: Array<readonly [string, string]> = [];
  for (const [key, file, field] of FILES) {
    const value = change[key];
    if (value === undefined) continue;
    const text = normalizeChapValue(field, value);
    writes.push([file, text === '' ? 'NULL' : text]);
  }
  return writes;
}

/**
 * What a refusal half-way puts back in the files already written: the values read before
 * each write ('read'); unset, without reading ('unset': the object was just created, so
 * nothing was set); or nothing ('none': a create that fails removes the whole object).
 */
export type ChapUndo = 'read' | 'unset' | 'none';

/**
 * Applies a credential change to `dir`; if the kernel refuses one write, the files already
 * written are put back as `undo` says. Secrets never appear in the error.
 */
export function writeChap(fs: ConfigFs, dir: string, change: ChapChange, owner: string, undo: ChapUndo = 'read'): void {
  const writes = checkChapChange(change);
  const done: Array<readonly [string, string]> = [];
  try {
    for (const [file, text] of writes) {
      const before = undo === 'read' ? chomp(fs.read(`${dir}/${file}`)) : '';
      fs.write(`${dir}/${file}`, text);
      if (undo !== 'none') done.push([file, before === '' ? 'NULL' : before]);
    }
  } catch (err) {
    for (const [file, before] of done.reverse()) {
      try {
        fs.write(`${dir}/${file}`, before);
      } catch {
        // The refusal below is what matters; a failed restore leaves the kernel's own state.
      }
    }
    throw inContext(`Cannot set CHAP credentials of ${owner}`, err);
  }
}
