import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigFsError, KernelConfigFs, ValidationError } from '../../../src/index.js';

// The real adapter over an ordinary directory: the errno mapping and path rules do not
// need a kernel (the kernel's own answers are covered by the conformance suite in the VM).
describe('KernelConfigFs', () => {
  let root: string;
  let fs: KernelConfigFs;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lioctl-port-'));
    mkdirSync(join(root, 'core'));
    writeFileSync(join(root, 'core', 'value'), '42\n');
    fs = new KernelConfigFs(root);
  });

  it('lists sorted names and reads what is there', () => {
    writeFileSync(join(root, 'b'), '');
    writeFileSync(join(root, 'a'), '');
    expect(fs.list('')).toEqual(['a', 'b', 'core']);
    expect(fs.read('core/value')).toBe('42\n');
    expect(fs.stat('core')).toEqual({ kind: 'dir', mode: expect.any(Number) });
  });

  it('reads empty files, and files longer than one read, whole and in UTF-8', () => {
    writeFileSync(join(root, 'empty'), '');
    const long = `${'é'.repeat(9000)}x\n`; // 18 kB: crosses the read size on a split character
    writeFileSync(join(root, 'long'), long);
    expect(fs.read('empty')).toBe('');
    expect(fs.read('long')).toBe(long);
    expect(fs.read('core/value')).toBe('42\n');
  });

  it('names the absolute path and the reason when something is missing', () => {
    const err = (() => {
      try {
        fs.read('core/nosuch');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigFsError);
    expect((err as ConfigFsError).errno).toBe('ENOENT');
    expect((err as ConfigFsError).message).toBe(`cannot read ${root}/core/nosuch: no such file or directory [ENOENT]`);
    expect((err as ConfigFsError).exitCode).toBe(4);
  });

  it('never creates files on write: configfs attributes exist or not', () => {
    expect(() => fs.write('core/new', '1')).toThrow(/cannot write '1' to .*core\/new: no such file/);
    expect(fs.exists('core/new')).toBe(false);
  });

  it('keeps CHAP secrets out of error messages', () => {
    mkdirSync(join(root, 'auth'));
    expect(() => fs.write('auth/password', 'hunter2hunter2')).toThrow(ConfigFsError);
    try {
      fs.write('auth/password', 'hunter2hunter2');
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
      expect((e as Error).message).toContain('(secret)');
    }
  });

  it('reports mkdir of an existing directory as a conflict', () => {
    try {
      fs.mkdir('core');
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigFsError).errno).toBe('EEXIST');
      expect((e as ConfigFsError).exitCode).toBe(5);
    }
  });

  it('links with absolute targets and reads them back relative to the root', () => {
    mkdirSync(join(root, 'lun'));
    fs.symlink('core', 'lun/link');
    expect(fs.stat('lun/link').kind).toBe('link');
    expect(fs.readlink('lun/link')).toBe('core');
    fs.unlink('lun/link');
    expect(fs.exists('lun/link')).toBe(false);
  });

  it('reads links as configfs writes them, relative and climbing above the root, also under a root given relative to the working directory', () => {
    mkdirSync(join(root, 'lun', 'lun_0'), { recursive: true });
    symlinkSync(`../../../${basename(root)}/core`, join(root, 'lun', 'lun_0', 'link'));
    symlinkSync('./../../core/', join(root, 'lun', 'lun_0', 'dotted'));
    for (const port of [fs, new KernelConfigFs(relative(process.cwd(), root))]) {
      expect(port.readlink('lun/lun_0/link')).toBe('core');
      expect(port.readlink('lun/lun_0/dotted')).toBe('core');
    }
  });

  it('refuses paths that could leave the root', () => {
    expect(() => fs.read('../etc/passwd')).toThrow(ValidationError);
    expect(() => fs.read('core/../../x')).toThrow(ValidationError);
    expect(() => fs.mkdir('a\0b')).toThrow(ValidationError);
  });

  it('refuses a link that points outside the root', () => {
    symlinkSync('/etc', join(root, 'escape'));
    expect(() => fs.readlink('escape')).toThrow(/outside|EXDEV/);
  });

  it('maps a permission refusal to a kernel error', () => {
    if (process.getuid?.() === 0) return; // root bypasses file modes on ordinary files
    chmodSync(join(root, 'core', 'value'), 0o444);
    expect(() => fs.write('core/value', '1')).toThrow(/EACCES/);
  });
});
