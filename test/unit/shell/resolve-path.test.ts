import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors/index.js';
import {
  childPath,
  normalizeAbsolute,
  parentPath,
  resolvePath,
  splitPath,
} from '../../../src/shell/paths/resolve-path.js';

const cwd = '/iscsi/iqn.2003-01.org.x:t1/tpg1';
const bookmarks = new Map([
  ['last', '/backstores/block/disk1'],
  ['tgt', '/iscsi/iqn.2003-01.org.x:t1/'],
]);

describe('resolvePath', () => {
  it.each([
    ['/', '/'],
    ['/iscsi', '/iscsi'],
    ['//iscsi///iqn.x//', '/iscsi/iqn.x'],
    ['/iscsi/', '/iscsi'],
    ['luns', `${cwd}/luns`],
    ['luns/lun0/', `${cwd}/luns/lun0`],
    ['./luns/./lun0', `${cwd}/luns/lun0`],
    ['.', cwd],
    ['', cwd],
    ['..', '/iscsi/iqn.2003-01.org.x:t1'],
    ['../..', '/iscsi'],
    ['../../../../../..', '/'],
    ['/..', '/'],
    ['/../backstores', '/backstores'],
    ['/a/b/../../c/./d/..', '/c'],
  ])('%s from the tpg resolves to %s', (input, expected) => {
    expect(resolvePath(input, { cwd })).toBe(expected);
  });

  it('- is the previous path', () => {
    expect(resolvePath('-', { cwd, previous: '/backstores/' })).toBe('/backstores');
  });

  it('- without a previous path is an error', () => {
    expect(() => resolvePath('-', { cwd })).toThrow(new NotFoundError('No previous path to go back to.'));
  });

  it('@name substitutes a bookmark (Map or plain record)', () => {
    expect(resolvePath('@last', { cwd, bookmarks })).toBe('/backstores/block/disk1');
    expect(resolvePath('@last', { cwd, bookmarks: { last: '/iscsi' } })).toBe('/iscsi');
  });

  it('@name/rest continues below the bookmark, with .. applied', () => {
    expect(resolvePath('@tgt/tpg1/luns', { cwd: '/', bookmarks })).toBe('/iscsi/iqn.2003-01.org.x:t1/tpg1/luns');
    expect(resolvePath('@tgt/..', { cwd: '/', bookmarks })).toBe('/iscsi');
  });

  it('an unknown bookmark is "No such bookmark <name>"', () => {
    expect(() => resolvePath('@nope', { cwd, bookmarks })).toThrow('No such bookmark nope');
    expect(() => resolvePath('@nope/x', { cwd, bookmarks })).toThrow('No such bookmark nope');
    expect(() => resolvePath('@last', { cwd })).toThrow(NotFoundError);
  });

  it('bookmark lookup ignores inherited object properties', () => {
    expect(() => resolvePath('@constructor', { cwd, bookmarks: {} })).toThrow('No such bookmark constructor');
  });
});

describe('path helpers', () => {
  it('normalizeAbsolute treats a relative path as from the root', () => {
    expect(normalizeAbsolute('iscsi//x/')).toBe('/iscsi/x');
  });

  it('splitPath, parentPath and childPath', () => {
    expect(splitPath('/iscsi/t1/tpg1')).toEqual(['iscsi', 't1', 'tpg1']);
    expect(splitPath('/')).toEqual([]);
    expect(parentPath('/iscsi/t1')).toBe('/iscsi');
    expect(parentPath('/iscsi')).toBe('/');
    expect(parentPath('/')).toBe('/');
    expect(childPath('/', 'iscsi')).toBe('/iscsi');
    expect(childPath('/iscsi/', 't1')).toBe('/iscsi/t1');
  });
});
