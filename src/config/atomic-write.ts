import { randomBytes } from '../runtime/lazy-modules.js';
import { chmodSync, closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode, fileError } from './file-errors.js';

/** Saved configurations hold CHAP secrets: only root may read them. */
export const PRIVATE_FILE_MODE = 0o600;
/** Directories lioctl creates for them are never world- or group-readable. */
export const PRIVATE_DIR_MODE = 0o700;

export interface EnsureDirectoryOptions {
  /**
   * Also take group and other permissions away from a directory that already exists.
   * Only for directories that belong to the configuration (`/etc/target`, its backups),
   * never for a directory the user merely chose to save into.
   */
  readonly makePrivate?: boolean;
}

/**
 * Creates `dir` and any missing parents with mode 0700 (set explicitly: a umask can only
 * remove bits, and an odd one could leave root unable to write).
 */
export function ensureDirectory(dir: string, options: EnsureDirectoryOptions = {}): void {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let d = target; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  try {
    for (const d of missing) {
      try {
        mkdirSync(d, { mode: PRIVATE_DIR_MODE });
      } catch (err) {
        if (errnoCode(err) !== 'EEXIST') throw err; // another process made it first
      }
      chmodSync(d, PRIVATE_DIR_MODE);
    }
    const st = statSync(target);
    if (!st.isDirectory()) throw Object.assign(new Error(`not a directory, stat '${target}'`), { code: 'ENOTDIR' });
    if (options.makePrivate === true && (st.mode & 0o077) !== 0) chmodSync(target, st.mode & 0o700);
  } catch (err) {
    throw fileError('create the directory', target, err);
  }
}

export interface AtomicWriteOptions {
  /** Default 0600. */
  readonly mode?: number;
  /** See EnsureDirectoryOptions.makePrivate. */
  readonly privateDirectory?: boolean;
}

function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/** Makes the rename itself durable; some filesystems cannot fsync a directory, which is no error. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (err) {
    const code = errnoCode(err);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP') throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replaces `path` so that, whatever happens (power loss, SIGKILL, a full disk), the file
 * is either the complete old content or the complete new one, never empty (rtslib-fb#70):
 * a temp file in the same directory, created exclusively (O_EXCL also refuses a planted
 * symlink) with mode 0600, written, fsync'd, renamed over the target, then the directory
 * fsync'd. The temp name is unique, so two processes saving at once cannot share it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = resolve(path);
  const dir = dirname(target);
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  ensureDirectory(dir, { makePrivate: options.privateDirectory ?? false });
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let renamed = false;
  try {
    fd = openSync(temp, 'wx', mode);
    fchmodSync(fd, mode);
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    renamed = true;
    syncDirectory(dir);
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      if (!renamed) rmSync(temp, { force: true });
    } catch {
      // The first failure is the one to report; a leftover temp file is 0600 and harmless.
    }
    throw fileError('write', target, err);
  }
}
