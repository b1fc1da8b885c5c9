import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDirectory, writeFileAtomic } from '../../../src/config/atomic-write.js';
import { EnvironmentError } from '../../../src/errors/index.js';
import { modeOf, useTempDir } from './temp-dir.js';

describe('writeFileAtomic', () => {
  const tmp = useTempDir();

  it('writes the file with mode 0600 and leaves no temp file behind', () => {
    const file = join(tmp(), 'saveconfig.json');
    writeFileAtomic(file, '{}\n');
    expect(readFileSync(file, 'utf8')).toBe('{}\n');
    expect(modeOf(statSync(file))).toBe(0o600);
    expect(readdirSync(tmp())).toEqual(['saveconfig.json']);
  });

  it('replaces an existing world-readable file with a private one', () => {
    const file = join(tmp(), 'saveconfig.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(modeOf(statSync(file))).toBe(0o600);
  });

  it('creates missing directories with mode 0700', () => {
    const file = join(tmp(), 'etc', 'target', 'saveconfig.json');
    writeFileAtomic(file, 'x');
    expect(modeOf(statSync(join(tmp(), 'etc')))).toBe(0o700);
    expect(modeOf(statSync(join(tmp(), 'etc', 'target')))).toBe(0o700);
  });

  it("tightens an existing directory only when asked (the configuration's own directory)", () => {
    const dir = join(tmp(), 'target');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    writeFileAtomic(join(dir, 'a.json'), 'x');
    expect(modeOf(statSync(dir))).toBe(0o755);
    writeFileAtomic(join(dir, 'a.json'), 'x', { privateDirectory: true });
    expect(modeOf(statSync(dir))).toBe(0o700);
  });

  it('replaces a symlink at the path instead of writing through it', () => {
    const victim = join(tmp(), 'victim');
    writeFileSync(victim, 'keep me');
    const file = join(tmp(), 'saveconfig.json');
    symlinkSync(victim, file);
    writeFileAtomic(file, 'new');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('reports a failure as an EnvironmentError and leaves the directory as it was', () => {
    const file = join(tmp(), 'saveconfig.json');
    mkdirSync(file);
    expect(() => writeFileAtomic(file, 'x')).toThrow(EnvironmentError);
    expect(() => writeFileAtomic(file, 'x')).toThrow(/^Cannot write .*saveconfig\.json: /);
    expect(readdirSync(tmp())).toEqual(['saveconfig.json']);
  });

  it('refuses to use a file as a directory', () => {
    const notDir = join(tmp(), 'file');
    writeFileSync(notDir, '');
    expect(() => ensureDirectory(join(notDir, 'sub'))).toThrow(EnvironmentError);
    expect(() => ensureDirectory(notDir)).toThrow(/^Cannot create the directory .*file: /);
  });
});
