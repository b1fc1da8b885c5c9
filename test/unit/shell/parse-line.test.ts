import { describe, expect, it } from 'vitest';
import { ShellSyntaxError } from '../../../src/shell/grammar/shell-syntax-error.js';
import { isPathWord, parseLine, type ParsedLine } from '../../../src/shell/grammar/parse-line.js';

/** The parts of a parsed line that matter to the dispatcher, as plain data. */
function shape(parsed: ParsedLine): object {
  return {
    path: parsed.path === undefined ? undefined : { text: parsed.path.text, iterate: parsed.path.iterate },
    command: parsed.command === undefined ? undefined : { name: parsed.command.name, implicit: parsed.command.implicit },
    positionals: parsed.positionals.map((t) => t.value),
    keywords: parsed.keywords.map((k) => [k.key, k.value]),
  };
}

const parse = (line: string): object => shape(parseLine(line));

function syntaxError(line: string): ShellSyntaxError {
  try {
    parseLine(line);
  } catch (err) {
    if (err instanceof ShellSyntaxError) return err;
    throw err;
  }
  throw new Error(`expected a syntax error for ${line}`);
}

describe('parseLine: path detection', () => {
  it.each([
    ['/'],
    ['/iscsi'],
    ['tpg1/'],
    ['tpg1/luns'],
    ['.'],
    ['..'],
    ['-'],
    ['@last'],
    ['@tgt/tpg1'],
    ['*'],
    ['luns/*'],
    ['luns*'],
  ])('%s is a path', (word) => {
    expect(isPathWord(word)).toBe(true);
  });

  it.each([['tpg1'], ['ls'], ['create'], ['x=1'], ['...x']])('%s is not a path', (word) => {
    expect(isPathWord(word)).toBe(false);
  });
});

describe('parseLine: classification', () => {
  it('command with positionals and keywords, keeping keyword order', () => {
    expect(parse('create disk1 /tmp/d.img size=1G write_back=false')).toEqual({
      path: undefined,
      command: { name: 'create', implicit: false },
      positionals: ['disk1', '/tmp/d.img'],
      keywords: [
        ['size', '1G'],
        ['write_back', 'false'],
      ],
    });
  });

  it('path then command then arguments', () => {
    expect(parse('/backstores/fileio create name=f1 file_or_dev=/tmp/f1')).toEqual({
      path: { text: '/backstores/fileio', iterate: false },
      command: { name: 'create', implicit: false },
      positionals: [],
      keywords: [
        ['name', 'f1'],
        ['file_or_dev', '/tmp/f1'],
      ],
    });
  });

  it('a bookmark, - and .. are paths in first position', () => {
    expect(parse('@last ls')).toMatchObject({ path: { text: '@last' }, command: { name: 'ls' } });
    expect(parse('- pwd')).toMatchObject({ path: { text: '-' }, command: { name: 'pwd' } });
    expect(parse('.. ls')).toMatchObject({ path: { text: '..' }, command: { name: 'ls' } });
  });

  it('a bare child name is a command, as in targetcli', () => {
    expect(parse('tpg1')).toEqual({
      path: undefined,
      command: { name: 'tpg1', implicit: false },
      positionals: [],
      keywords: [],
    });
  });

  it('positionals and keywords may be interleaved', () => {
    expect(parse('create a=1 b c=2')).toMatchObject({ positionals: ['b'], keywords: [['a', '1'], ['c', '2']] });
  });

  it('path-looking words after the command are positionals', () => {
    expect(parse('ls /iscsi 2')).toMatchObject({ path: undefined, positionals: ['/iscsi', '2'] });
    expect(parse('cd -')).toMatchObject({ command: { name: 'cd' }, positionals: ['-'] });
  });

  it('quoted values keep spaces and special characters', () => {
    expect(parse(`set auth password='p@ss|w0rd' userid="my user"`)).toMatchObject({
      positionals: ['auth'],
      keywords: [
        ['password', 'p@ss|w0rd'],
        ['userid', 'my user'],
      ],
    });
  });

  it('a quoted x=y is a positional, not a keyword', () => {
    expect(parse(`create "x=y" 'a=b' c\\=d`)).toMatchObject({ positionals: ['x=y', 'a=b', 'c=d'], keywords: [] });
  });

  it('a word whose key has characters outside [A-Za-z0-9_-] is a positional', () => {
    expect(parse('create rbd/pool/img;timeout=30 a.b=c =x')).toMatchObject({
      positionals: ['rbd/pool/img;timeout=30', 'a.b=c', '=x'],
      keywords: [],
    });
  });

  it('an empty line and a comment-only line have no command', () => {
    expect(parse('')).toEqual({ path: undefined, command: undefined, positionals: [], keywords: [] });
    expect(parse('   # nothing here')).toEqual({ path: undefined, command: undefined, positionals: [], keywords: [] });
  });

  it('keeps the tokens for error reporting', () => {
    const parsed = parseLine('  /iscsi   ls');
    expect(parsed.source).toBe('  /iscsi   ls');
    expect(parsed.path?.token.start).toBe(2);
    expect(parsed.command?.token.start).toBe(11);
  });
});

describe('parseLine: implicit commands', () => {
  it('a path with no command means cd to that path', () => {
    expect(parse('/iscsi/iqn.x/tpg1')).toEqual({
      path: undefined,
      command: { name: 'cd', implicit: true },
      positionals: ['/iscsi/iqn.x/tpg1'],
      keywords: [],
    });
    expect(parse('..')).toMatchObject({ command: { name: 'cd', implicit: true }, positionals: ['..'] });
    expect(parse('@last')).toMatchObject({ command: { name: 'cd', implicit: true }, positionals: ['@last'] });
  });

  it('a *-suffixed path with no command lists each child', () => {
    expect(parse('luns/*')).toEqual({
      path: { text: 'luns/', iterate: true },
      command: { name: 'ls', implicit: true },
      positionals: [],
      keywords: [],
    });
    expect(parse('*')).toMatchObject({ path: { text: '.', iterate: true }, command: { name: 'ls' } });
  });

  it('* with a command runs it on every child', () => {
    expect(parse('* status')).toMatchObject({
      path: { text: '.', iterate: true },
      command: { name: 'status', implicit: false },
    });
  });
});

describe('parseLine: errors', () => {
  it('a duplicate keyword points at its second occurrence', () => {
    const err = syntaxError('set auth userid=a userid=b');
    expect(err.reason).toBe('Duplicate parameter userid.');
    expect(err.message).toBe(['Duplicate parameter userid.', '  set auth userid=a userid=b', '                    ^'].join('\n'));
  });

  it('a keyword before any command is refused', () => {
    const err = syntaxError('x=1');
    expect(err.message).toBe(["Keyword parameter 'x=1' needs a command before it.", '  x=1', '  ^'].join('\n'));
    expect(syntaxError('/iscsi size=1').offset).toBe(7);
  });

  it('two paths in a row are refused', () => {
    expect(syntaxError('/iscsi /backstores').reason).toBe(
      "Expected a command after the path '/iscsi', got another path '/backstores'.",
    );
  });

  it('tokenizer errors pass through', () => {
    expect(syntaxError('set auth password="abc').reason).toBe('Unterminated double quote.');
  });
});
