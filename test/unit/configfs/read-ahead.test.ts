import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigFsError, KernelConfigFs, runLanes } from '../../../src/index.js';
import { ReadAhead } from '../../../src/configfs/read-ahead.js';

/** `core/hba<i>/so<i>`: attributes, a link to the first one, a statistics directory. */
function storageTree(root: string, count: number): string[] {
  const trees: string[] = [];
  for (let i = 0; i < count; i++) {
    const so = join(root, 'core', `hba${i}`, `so${i}`);
    mkdirSync(join(so, 'attrib'), { recursive: true });
    mkdirSync(join(so, 'statistics'));
    mkdirSync(join(so, 'alua', 'default_tg_pt_gp'), { recursive: true });
    writeFileSync(join(so, 'attrib', 'block_size'), `${512 * (i + 1)}\n`);
    writeFileSync(join(so, 'info'), `Status: ACTIVATED so${i}\n`);
    writeFileSync(join(so, 'statistics', 'count'), '0\n');
    writeFileSync(join(so, 'alua', 'default_tg_pt_gp', 'empty'), '');
    symlinkSync(join(root, 'core', 'hba0', 'so0'), join(so, 'first'));
    trees.push(`core/hba${i}/so${i}`);
  }
  mkdirSync(join(root, 'iscsi', 'target', 'tpgt_1'), { recursive: true });
  writeFileSync(join(root, 'iscsi', 'target', 'tpgt_1', 'enable'), '1\n');
  return trees;
}

/** What a save asks of each tree, in the order it asks. */
function readAll(fs: KernelConfigFs, trees: readonly string[]): unknown[] {
  return trees.flatMap((t) => [fs.list(t), fs.read(`${t}/attrib/block_size`), fs.read(`${t}/info`), fs.readlink(`${t}/first`), fs.list(`${t}/alua/default_tg_pt_gp`), fs.read(`${t}/alua/default_tg_pt_gp/empty`)]);
}

describe('readAhead on the kernel port', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lioctl-ahead-'));
  });

  it('answers calls inside the trees from what the worker read, the same as the calls themselves', () => {
    const trees = storageTree(root, 300);
    const expected = readAll(new KernelConfigFs(root), trees);
    const fs = new KernelConfigFs(root);
    fs.readAhead(trees);
    // Outside the trees: asked at once, while the worker reads.
    expect(fs.read('iscsi/target/tpgt_1/enable')).toBe('1\n');
    // Inside: waits for the worker's read, all of it.
    expect(fs.read('core/hba0/so0/info')).toBe('Status: ACTIVATED so0\n');
    // Changed behind the port's back after the worker read it: the answer is what was read.
    writeFileSync(join(root, 'core', 'hba1', 'so1', 'info'), 'changed\n');
    writeFileSync(join(root, 'core', 'hba1', 'so1', 'statistics', 'count'), '7\n');
    expect(fs.read('core/hba1/so1/info')).toBe('Status: ACTIVATED so1\n');
    // Statistics are left out of the read: asked when asked.
    expect(fs.read('core/hba1/so1/statistics/count')).toBe('7\n');
    // Each answer is given once: asked again, the kernel answers.
    expect(fs.read('core/hba1/so1/info')).toBe('changed\n');
    writeFileSync(join(root, 'core', 'hba1', 'so1', 'info'), 'Status: ACTIVATED so1\n');
    expect(readAll(fs, trees)).toEqual(expected);
  });

  it('gives up what it read at the first change', () => {
    const trees = storageTree(root, 300);
    const fs = new KernelConfigFs(root);
    fs.readAhead(trees);
    fs.write('iscsi/target/tpgt_1/enable', '0');
    writeFileSync(join(root, 'core', 'hba2', 'so2', 'info'), 'changed\n');
    expect(fs.read('core/hba2/so2/info')).toBe('changed\n');
  });

  it('answers the worker\'s next jobs after reads it gave up', () => {
    const trees = storageTree(root, 300);
    const fs = new KernelConfigFs(root);
    // Two reads given up before they were taken: their answers are thrown away when they come.
    fs.readAhead(trees);
    fs.readAhead(trees.slice(100));
    fs.mkdir('iscsi/other');
    const lanes = Array.from({ length: 4 }, (_, i) => Array.from({ length: 70 }, (_, n) => ({ op: 'mkdir' as const, path: `iscsi/other/d${i}-${n}` })));
    expect(runLanes(fs, lanes)).toEqual({ done: [70, 70, 70, 70], failures: [] });
    writeFileSync(join(root, 'core', 'hba7', 'so7', 'info'), 'changed\n');
    fs.readAhead(trees);
    expect(fs.read('core/hba7/so7/info')).toBe('changed\n');
    expect(fs.list('iscsi/other')).toHaveLength(280);
  });

  it('reads a few trees on this thread, unless the worker runs already', () => {
    const trees = storageTree(root, 3);
    const fs = new KernelConfigFs(root);
    fs.readAhead(trees);
    writeFileSync(join(root, 'core', 'hba2', 'so2', 'info'), 'changed\n');
    expect(fs.read('core/hba2/so2/info')).toBe('changed\n');
    const started = new KernelConfigFs(root);
    started.expectLanes();
    started.readAhead(trees);
    expect(started.list('core/hba2/so2')).toEqual(['alua', 'attrib', 'first', 'info', 'statistics']);
    writeFileSync(join(root, 'core', 'hba2', 'so2', 'info'), 'again\n');
    expect(started.read('core/hba2/so2/info')).toBe('changed\n');
  });

  it('leaves out of the read what the caller says it will not ask for, and reads it when asked', () => {
    const trees = storageTree(root, 2);
    for (const so of trees) {
      mkdirSync(join(root, so, 'pr'));
      writeFileSync(join(root, so, 'pr', 'res_type'), 'none\n');
      writeFileSync(join(root, so, 'alua', 'default_tg_pt_gp', 'members'), '');
      mkdirSync(join(root, so, 'attrib', 'statistics'));
      writeFileSync(join(root, so, 'attrib', 'statistics', 'deep'), '0\n');
    }
    const fs = new KernelConfigFs(root);
    fs.expectLanes();
    fs.readAhead(trees, ['pr', 'alua/*/members']);
    expect(fs.list('core/hba0/so0')).toEqual(['alua', 'attrib', 'first', 'info', 'pr', 'statistics']);
    // Changed after the worker read: what it read answers as it was, what it left out as it is now.
    const so1 = join(root, 'core', 'hba1', 'so1');
    for (const file of ['info', 'pr/res_type', 'alua/default_tg_pt_gp/members', 'alua/default_tg_pt_gp/empty', 'attrib/statistics/deep']) writeFileSync(join(so1, file), 'changed\n');
    expect(fs.read('core/hba1/so1/info')).toBe('Status: ACTIVATED so1\n');
    expect(fs.read('core/hba1/so1/alua/default_tg_pt_gp/empty')).toBe('');
    expect(fs.read('core/hba1/so1/pr/res_type')).toBe('changed\n');
    expect(fs.read('core/hba1/so1/alua/default_tg_pt_gp/members')).toBe('changed\n');
    // Statistics at any depth.
    expect(fs.read('core/hba1/so1/attrib/statistics/deep')).toBe('changed\n');
  });

  it('throws what the worker could not read as the call would, with its errno', () => {
    const trees = storageTree(root, 1);
    const fs = new KernelConfigFs(root);
    fs.expectLanes();
    fs.readAhead([...trees, 'core/nosuch']);
    expect(() => fs.list('core/nosuch')).toThrow(ConfigFsError);
    expect(() => fs.list('core/nosuch')).toThrow(/ENOENT/);
  });
});

describe('ReadAhead', () => {
  const paths = { relative: (abs: string) => (abs.startsWith('/r/') ? abs.slice(3) : undefined), linkTarget: (_abs: string, target: string) => target.replace('/r/', '') };

  it('waits for the read only for a call inside a tree, and takes it once', () => {
    let taken = 0;
    const records = ['D/r/core/a\x01b/a', 'F/r/core/a/x\x011\n', 'L/r/core/a/l\x01/r/core/b', 'E/r/core/a/w\x01read\x01EACCES', 'F/elsewhere\x01no'].join('\x00');
    const ahead = new ReadAhead(['core/a'], () => (taken++, records), paths);
    expect(ahead.answer('read', 'iscsi/t/enable')).toBeUndefined();
    expect(ahead.answer('read', 'core/ab/x')).toBeUndefined();
    expect(taken).toBe(0);
    expect(ahead.answer('list', 'core/a')).toEqual({ value: ['a', 'b'] });
    expect(ahead.answer('read', 'core/a/x')).toEqual({ value: '1\n' });
    expect(ahead.answer('readlink', 'core/a/l')).toEqual({ value: 'core/b' });
    expect(ahead.answer('read', 'core/a/w')).toEqual({ errno: 'EACCES' });
    // Given once; a path the read did not reach is the caller's to ask.
    expect(ahead.answer('read', 'core/a/x')).toBeUndefined();
    expect(ahead.answer('read', 'core/a/statistics/n')).toBeUndefined();
    expect(taken).toBe(1);
  });

  it('answers nothing when the worker gave nothing', () => {
    const ahead = new ReadAhead(['core/a'], () => undefined, paths);
    expect(ahead.answer('list', 'core/a')).toBeUndefined();
  });
});
