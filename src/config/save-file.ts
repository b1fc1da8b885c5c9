import { writeFileAtomic } from './atomic-write.js';
import { backupPreviousConfig, type BackupOptions, type BackupResult } from './backups.js';

export interface SaveFileOptions {
  readonly path: string;
  /**
   * Back up the previous file first. targetcli does so only when saving to its default
   * path; the caller decides, since it knows whether the path was chosen by default.
   */
  readonly backup?: Omit<BackupOptions, 'file'> | false;
  /** Take group/other access away from the file's directory (for the default directory only). */
  readonly privateDirectory?: boolean;
}

export interface SaveFileResult {
  readonly path: string;
  readonly backup?: BackupResult;
}

/** saveconfig's file handling: the backup of the previous file, then the atomic replace. */
export function saveConfigFile(text: string, options: SaveFileOptions): SaveFileResult {
  const backup = options.backup === undefined || options.backup === false ? undefined : backupPreviousConfig({ ...options.backup, file: options.path });
  writeFileAtomic(options.path, text, { privateDirectory: options.privateDirectory ?? false });
  return backup === undefined ? { path: options.path } : { path: options.path, backup };
}
