import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { parseBool, parseInteger, parseSize, typeSyntax } from '../../../src/shell/commands/param-types.js';
import { editDistance, suggest } from '../../../src/shell/commands/suggest.js';

describe('parseSize (targetcli human_to_bytes, via the model validator)', () => {
  it.each([
    ['1024', 1024],
    ['100B', 100],
    ['1k', 1024],
    ['1KiB', 1024],
    ['100mb', 104857600],
    ['10G', 10737418240],
    ['10GiB', 10737418240],
    ['2T', 2199023255552],
  ])('%s = %d bytes', (text, bytes) => {
    expect(parseSize(text, 'size')).toBe(bytes);
  });

  it.each([['1.5G'], ['G'], [''], ['10X'], ['-1M'], ['10GG'], ['0']])('%s is refused, naming the parameter', (text) => {
    let caught: unknown;
    try {
      parseSize(text, 'size');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toMatchObject({ code: 'bad-size', message: expect.stringMatching(/^Parameter size: /) as unknown });
  });
});

describe('parseBool and parseInteger', () => {
  it('bool words are case-insensitive; others fail', () => {
    expect(parseBool('Yes', 'p')).toBe(true);
    expect(parseBool('oFF', 'p')).toBe(false);
    expect(() => parseBool('', 'p')).toThrow("Parameter p: '' is not a boolean (use true or false)");
    expect(() => parseBool('2', 'p')).toThrow(ValidationError);
    expect(() => parseBool('truee', 'p')).toThrow(ValidationError);
  });

  it('integers: optional sign, digits only, exact', () => {
    expect(parseInteger('-12', 'p')).toBe(-12);
    expect(parseInteger('007', 'p')).toBe(7);
    expect(() => parseInteger('1e3', 'p')).toThrow('expected an integer');
    expect(() => parseInteger(' 1', 'p')).toThrow('expected an integer');
    expect(() => parseInteger('99999999999999999999', 'p')).toThrow('the number is too large');
  });
});

describe('typeSyntax', () => {
  it('names each type as help shows it', () => {
    expect(typeSyntax({ kind: 'bool' })).toBe('true|false');
    expect(typeSyntax({ kind: 'number' })).toBe('NUMBER');
    expect(typeSyntax({ kind: 'enum', values: ['a', 'b'] })).toBe('a|b');
    expect(typeSyntax({ kind: 'size' })).toBe('SIZE');
    expect(typeSyntax({ kind: 'file' })).toBe('FILE');
  });
});

describe('suggest', () => {
  const commands = ['bookmarks', 'cd', 'create', 'delete', 'exit', 'get', 'help', 'ls', 'pwd', 'saveconfig', 'set'];

  it.each([
    ['crate', 'create'],
    ['delte', 'delete'],
    ['savecfg', 'saveconfig'],
    ['hlep', 'help'],
    ['sl', 'ls'],
    ['eixt', 'exit'],
  ])('%s → %s', (typo, expected) => {
    expect(suggest(typo, commands)).toBe(expected);
  });

  it('suggests nothing for unrelated words or empty input', () => {
    expect(suggest('xyzzy', commands)).toBeUndefined();
    expect(suggest('', commands)).toBeUndefined();
    expect(suggest('ls', [])).toBeUndefined();
  });

  it('editDistance counts an adjacent swap as one edit', () => {
    expect(editDistance('hlep', 'help')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
