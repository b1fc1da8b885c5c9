import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeZlib } from '../runtime/lazy-modules.js';
import { ValidationError } from '../errors/index.js';
import { ensureDirectory, writeFileAtomic } from './atomic-write.js';
import { errnoCode, fileError } from './file-errors.js';

export const DEFAULT_MAX_BACKUP_FILES = 10;

/** targetcli's glob `saveconfig-*json*`: its own `.gz` backups and any plain copies. */
const BACKUP_NAME = /^saveconfig-.*json.*$/;

export interface BackupOptions {
  /** The configuration file about to be replaced. */
  readonly file: string;
  /** Default: `backup/` next to the file, as targetcli keeps them. */
  readonly backupDir?: string;
  /** How many backups to keep, the new one included; 0 turns backups off. Default 10. */
  readonly maxBackupFiles?: number;
  /** The timestamp in the backup's name; injectable for tests. */
  readonly now?: Date;
}

export interface BackupResult {
  /** The backup written, if the file differed from the newest backup. */
  readonly created?: string;
  /** Old backups removed to respect the limit. */
  readonly pruned: readonly string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `saveconfig-YYYYMMDD-HH:MM:SS-json.gz` in local time, as targetcli names them. */
export function backupFileName(now: Date): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `saveconfig-${date}-${time}-json.gz`;
}

/** Backups in `dir`, oldest first (the timestamped names sort chronologically). */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => BACKUP_NAME.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw fileError('list backups in', dir, err);
  }
}

/** A backup's content, decompressed; undefined if it cannot be read (then it differs). */
function backupContent(path: string): Buffer | undefined {
  try {
    const raw = readFileSync(path);
    return path.endsWith('.gz') ? nodeZlib().gunzipSync(raw) : raw;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a gzip copy of the file before it is replaced, as targetcli does when saving to
 * its default path: only when the file exists and differs from the newest backup; then
 * the oldest backups beyond `maxBackupFiles` are removed.
 */
export function backupPreviousConfig(options: BackupOptions): BackupResult {
  const max = options.maxBackupFiles ?? DEFAULT_MAX_BACKUP_FILES;
  if (!Number.isSafeInteger(max) || max < 0) {
    throw new ValidationError(`max_backup_files must be a whole number >= 0, got ${max}`, { code: 'bad-value' });
  }
  if (max === 0) return { pruned: [] };
  const dir = options.backupDir ?? join(dirname(options.file), 'backup');
  let current: Buffer;
  try {
    current = readFileSync(options.file);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { pruned: [] };
    throw fileError('read', options.file, err);
  }
  ensureDirectory(dir, { makePrivate: true });
  const newest = listBackups(dir).at(-1);
  const same = newest === undefined ? false : backupContent(newest)?.equals(current) === true;
  if (same) return { pruned: [] };
  const created = join(dir, backupFileName(options.now ?? new Date()));
  writeFileAtomic(created, nodeZlib().gzipSync(current));
  const all = listBackups(dir);
  const pruned = all.slice(0, Math.max(0, all.length - max));
  for (const old of pruned) {
    try {
      rmSync(old, { force: true });
    } catch (err) {
      throw fileError('remove the old backup', old, err);
    }
  }
  return { created, pruned };
}

/**
 * `max_backup_files = N` from targetcli's system-wide `/etc/target/targetcli.conf`;
 * targetcli keeps the larger of that and the user's preference.
 */
export function maxBackupFilesFromConf(text: string): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^max_backup_files\s*=\s*(\d+)\s*$/.exec(line);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return undefined;
}

export function effectiveMaxBackupFiles(preference: number, confText?: string): number {
  const fromConf = confText === undefined ? undefined : maxBackupFilesFromConf(confText);
  return fromConf === undefined ? preference : Math.max(preference, fromConf);
}
