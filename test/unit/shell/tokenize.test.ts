import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors/index.js';
import { ShellSyntaxError, pointAt } from '../../../src/shell/grammar/shell-syntax-error.js';
import { tokenize, type Token } from '../../../src/shell/grammar/tokenize.js';

const values = (line: string): string[] => tokenize(line).map((t) => t.value);

function syntaxError(line: string): ShellSyntaxError {
  try {
    tokenize(line);
  } catch (err) {
    if (err instanceof ShellSyntaxError) return err;
    throw err;
  }
  throw new Error(`expected a syntax error for ${line}`);
}

describe('tokenize: words', () => {
  it('splits on runs of spaces and tabs and ignores leading/trailing blanks', () => {
    expect(values('  /iscsi \t create   iqn.2003-01.org.x:t1  ')).toEqual(['/iscsi', 'create', 'iqn.2003-01.org.x:t1']);
  });

  it('returns no tokens for an empty or blank line', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \t ')).toEqual([]);
  });

  it('records raw text, start and end offsets of each word', () => {
    const tokens = tokenize('ls  /backstores 1');
    expect(tokens.map((t) => [t.raw, t.start, t.end])).toEqual([
      ['ls', 0, 2],
      ['/backstores', 4, 15],
      ['1', 16, 17],
    ]);
  });

  it('keeps characters that targetcli truncated at (| @ ^ ; & < > ( ) ~ % !)', () => {
    expect(values('set auth password=p@ss|w0rd')).toEqual(['set', 'auth', 'password=p@ss|w0rd']);
    expect(values('x abc^def a;b&c<d>(e)~f%g!h')).toEqual(['x', 'abc^def', 'a;b&c<d>(e)~f%g!h']);
  });

  it('a bare word is not marked quoted', () => {
    expect(tokenize('create')[0]?.quoted).toBe(false);
  });
});

describe('tokenize: quoting and escapes', () => {
  it('single quotes are literal, including backslashes and double quotes', () => {
    const [token] = tokenize(String.raw`'a b\n"c'`);
    expect(token?.value).toBe(String.raw`a b\n"c`);
    expect(token?.quoted).toBe(true);
    expect(token?.raw).toBe(String.raw`'a b\n"c'`);
  });

  it('double quotes keep spaces and unescape \\" \\\\ \\$ and \\`', () => {
    expect(values(String.raw`"a \"b\" \\ \$HOME \` end"`)).toEqual(['a "b" \\ $HOME ` end']);
  });

  it('inside double quotes a backslash before any other character is kept', () => {
    expect(values(String.raw`"C:\dir\n"`)).toEqual([String.raw`C:\dir\n`]);
  });

  it('a backslash outside quotes escapes the next character, whitespace included', () => {
    expect(values(String.raw`a\ b c\"d \#e \\`)).toEqual(['a b', 'c"d', '#e', '\\']);
    expect(tokenize(String.raw`a\ b`)[0]?.quoted).toBe(true);
  });

  it('adjacent quoted and bare parts form one word', () => {
    expect(values(`pre"mid dle"'post fix'end`)).toEqual(['premid dlepost fixend']);
  });

  it('empty quotes give an empty word', () => {
    expect(tokenize(`set ''`).map((t) => [t.value, t.quoted])).toEqual([
      ['set', false],
      ['', true],
    ]);
    expect(values('""')).toEqual(['']);
  });
});

describe('tokenize: key=value words', () => {
  it('a bare key with a quoted value is an assignment with the unquoted value', () => {
    const [token] = tokenize('password="a b"');
    expect(token?.value).toBe('password=a b');
    expect(token?.raw).toBe('password="a b"');
    expect(token?.assignment).toEqual({ key: 'password', value: 'a b' });
    expect(token?.quoted).toBe(true);
  });

  it('splits at the first = only', () => {
    expect(tokenize('cfg=a=b')[0]?.assignment).toEqual({ key: 'cfg', value: 'a=b' });
  });

  it('an empty value is still an assignment', () => {
    expect(tokenize('userid=')[0]?.assignment).toEqual({ key: 'userid', value: '' });
    expect(tokenize(`userid=''`)[0]?.assignment).toEqual({ key: 'userid', value: '' });
  });

  it('a quoted or escaped = is not an assignment', () => {
    expect(tokenize('"x=y"')[0]?.assignment).toBeUndefined();
    expect(tokenize(`'x'=y`)[0]?.assignment).toBeUndefined();
    expect(tokenize(String.raw`x\=y`)[0]?.assignment).toBeUndefined();
    expect(tokenize(String.raw`x\=y`)[0]?.value).toBe('x=y');
  });
});

describe('tokenize: comments', () => {
  it('# at the start of a word ends the line', () => {
    expect(values('ls / # show everything "unclosed')).toEqual(['ls', '/']);
    expect(values('# only a comment')).toEqual([]);
  });

  it('# inside a word or quoted is an ordinary character', () => {
    expect(values(`a#b "#c" '#d'`)).toEqual(['a#b', '#c', '#d']);
  });
});

describe('tokenize: errors point at the offending column', () => {
  it('unterminated double quote: caret under the opening quote', () => {
    const err = syntaxError('set auth password="abc');
    expect(err).toBeInstanceOf(UsageError);
    expect(err.exitCode).toBe(2);
    expect(err.reason).toBe('Unterminated double quote.');
    expect(err.offset).toBe(18);
    expect(err.column).toBe(19);
    expect(err.line).toBe('set auth password="abc');
    expect(err.message).toBe(
      ['Unterminated double quote.', '  set auth password="abc', '                    ^'].join('\n'),
    );
  });

  it('unterminated single quote', () => {
    const err = syntaxError(`create name='disk 1`);
    expect(err.message).toBe(["Unterminated single quote.", "  create name='disk 1", '              ^'].join('\n'));
  });

  it('an escaped closing quote leaves the double quote open', () => {
    expect(syntaxError(String.raw`x "abc\"`).offset).toBe(2);
  });

  it('a trailing backslash has nothing to escape', () => {
    const err = syntaxError('ls /iscsi\\');
    expect(err.message).toBe(
      ['Nothing to escape: the line ends with a backslash.', '  ls /iscsi\\', '           ^'].join('\n'),
    );
  });

  it('tabs before the caret are repeated so the caret lines up', () => {
    expect(pointAt('\tx "y', 3)).toBe('  \tx "y\n  \t  ^');
  });
});

describe('tokenize: partial lines for completion', () => {
  it('an open quote ends the last word and marks it unterminated', () => {
    const tokens = tokenize('set auth password="a b', { partial: true });
    const last: Token | undefined = tokens[2];
    expect(last?.value).toBe('password=a b');
    expect(last?.assignment).toEqual({ key: 'password', value: 'a b' });
    expect(last?.unterminated).toBe(true);
    expect(tokens[0]?.unterminated).toBeUndefined();
  });

  it('an open single quote and a trailing backslash are tolerated', () => {
    expect(tokenize(`ls 'ab`, { partial: true })[1]).toMatchObject({ value: 'ab', unterminated: true });
    expect(tokenize('ls ab\\', { partial: true })[1]).toMatchObject({ value: 'ab', unterminated: true });
  });
});
