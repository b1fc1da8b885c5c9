import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupPreviousConfig,
  effectiveMaxBackupFiles,
  listBackups,
  maxBackupFilesFromConf,
} from '../../../src/config/backups.js';
import { saveConfigFile } from '../../../src/config/save-file.js';
import { ValidationError } from '../../../src/errors/index.js';
import { modeOf, useTempDir } from './temp-dir.js';

const AT = (s: number): Date => new Date(2026, 0, 2, 3, 4, s);

describe('backupFileName', () => {
  it("is targetcli's saveconfig-YYYYMMDD-HH:MM:SS-json.gz in local time", () => {
    expect(backupFileName(new Date(2026, 10, 22, 5, 7, 9))).toBe('saveconfig-20261122-05:07:09-json.gz');
  });
});

describe('backupPreviousConfig', () => {
  const tmp = useTempDir();
  const file = (): string => join(tmp(), 'saveconfig.json');
  const backupDir = (): string => join(tmp(), 'backup');

  it('does nothing when there is no previous file', () => {
    expect(backupPreviousConfig({ file: file(), now: AT(0) })).toEqual({ pruned: [] });
    expect(readdirSync(tmp())).toEqual([]);
  });

  it('gzips the previous file into backup/, private, in a private directory', () => {
    writeFileSync(file(), 'old config\n');
    const result = backupPreviousConfig({ file: file(), now: AT(5) });
    const created = join(backupDir(), 'saveconfig-20260102-03:04:05-json.gz');
    expect(result).toEqual({ created, pruned: [] });
    expect(gunzipSync(readFileSync(created)).toString()).toBe('old config\n');
    expect(modeOf(statSync(created))).toBe(0o600);
    expect(modeOf(statSync(backupDir()))).toBe(0o700);
  });

  it('skips the backup when the file equals the newest backup, gzipped or plain', () => {
    writeFileSync(file(), 'same\n');
    backupPreviousConfig({ file: file(), now: AT(1) });
    expect(backupPreviousConfig({ file: file(), now: AT(2) })).toEqual({ pruned: [] });
    writeFileSync(join(backupDir(), 'saveconfig-20260102-03:04:09-json'), 'plain\n');
    writeFileSync(file(), 'plain\n');
    expect(backupPreviousConfig({ file: file(), now: AT(10) })).toEqual({ pruned: [] });
    expect(listBackups(backupDir())).toHaveLength(2);
  });

  it('makes a backup when the newest one is unreadable', () => {
    mkdirSync(backupDir());
    writeFileSync(join(backupDir(), 'saveconfig-20260102-03:04:00-json.gz'), 'not gzip');
    writeFileSync(file(), 'x');
    expect(backupPreviousConfig({ file: file(), now: AT(1) }).created).toBeDefined();
  });

  it('keeps max_backup_files backups, the new one included, removing the oldest', () => {
    mkdirSync(backupDir());
    for (let s = 0; s < 5; s++) writeFileSync(join(backupDir(), backupFileName(AT(s))), gzipSync(`v${s}`));
    writeFileSync(join(backupDir(), 'unrelated.txt'), '');
    writeFileSync(file(), 'v5');
    const result = backupPreviousConfig({ file: file(), now: AT(5), maxBackupFiles: 3 });
    expect(result.pruned.map((p) => p.slice(backupDir().length + 1))).toEqual([
      'saveconfig-20260102-03:04:00-json.gz',
      'saveconfig-20260102-03:04:01-json.gz',
      'saveconfig-20260102-03:04:02-json.gz',
    ]);
    expect(readdirSync(backupDir()).sort()).toEqual([
      'saveconfig-20260102-03:04:03-json.gz',
      'saveconfig-20260102-03:04:04-json.gz',
      'saveconfig-20260102-03:04:05-json.gz',
      'unrelated.txt',
    ]);
  });

  it('turns off with max_backup_files=0 and refuses nonsense', () => {
    writeFileSync(file(), 'x');
    expect(backupPreviousConfig({ file: file(), maxBackupFiles: 0 })).toEqual({ pruned: [] });
    expect(readdirSync(tmp())).toEqual(['saveconfig.json']);
    expect(() => backupPreviousConfig({ file: file(), maxBackupFiles: -1 })).toThrow(ValidationError);
  });

  it('makes an existing world-readable backup directory private', () => {
    mkdirSync(backupDir());
    chmodSync(backupDir(), 0o755);
    writeFileSync(file(), 'x');
    backupPreviousConfig({ file: file(), now: AT(0) });
    expect(modeOf(statSync(backupDir()))).toBe(0o700);
  });
});

describe('max_backup_files from targetcli.conf', () => {
  it('reads the line and keeps the larger of conf and preference', () => {
    const conf = '# system-wide\nauto_save_on_exit = true\nmax_backup_files = 25\n';
    expect(maxBackupFilesFromConf(conf)).toBe(25);
    expect(maxBackupFilesFromConf('max_backup_files=x\n')).toBeUndefined();
    expect(effectiveMaxBackupFiles(10, conf)).toBe(25);
    expect(effectiveMaxBackupFiles(40, conf)).toBe(40);
    expect(effectiveMaxBackupFiles(10)).toBe(10);
  });
});

describe('saveConfigFile', () => {
  const tmp = useTempDir();

  it('backs up the previous file, then replaces it', () => {
    const path = join(tmp(), 'target', 'saveconfig.json');
    saveConfigFile('first\n', { path, backup: { now: AT(0) }, privateDirectory: true });
    const second = saveConfigFile('second\n', { path, backup: { now: AT(1) }, privateDirectory: true });
    expect(readFileSync(path, 'utf8')).toBe('second\n');
    expect(second.backup?.created).toBe(join(tmp(), 'target', 'backup', 'saveconfig-20260102-03:04:01-json.gz'));
    expect(gunzipSync(readFileSync(second.backup?.created ?? '')).toString()).toBe('first\n');
  });

  it('writes no backup when the path was chosen by the user', () => {
    const path = join(tmp(), 'mine.json');
    saveConfigFile('a', { path });
    expect(saveConfigFile('b', { path, backup: false })).toEqual({ path });
    expect(readdirSync(tmp())).toEqual(['mine.json']);
  });
});
