import { ShellSyntaxError } from './shell-syntax-error.js';

/** One whitespace-separated word of a command line, after quote and escape removal. */
export interface Token {
  /** The word as the command sees it: quotes removed, escapes applied. */
  readonly value: string;
  /** The word exactly as typed, quotes and backslashes included. */
  readonly raw: string;
  /** 0-based index of the first character of `raw` in the line. */
  readonly start: number;
  /** 0-based index one past the last character of `raw`. */
  readonly end: number;
  /** True when any part of the word was quoted or backslash-escaped. */
  readonly quoted: boolean;
  /**
   * Present when the word's first `=` was typed bare and nothing before it was quoted or
   * escaped: only such words may become `key=value` parameters, so `"x=y"` and `x\=y` stay
   * plain values while `key="a b"` still has key `key` and value `a b`.
   */
  readonly assignment?: { readonly key: string; readonly value: string };
  /** Only in partial mode: the word runs into the end of the line inside an open quote. */
  readonly unterminated?: boolean;
}

export interface TokenizeOptions {
  /**
   * Tab completion reads lines that are still being typed: an open quote or a trailing
   * backslash then ends the last word instead of being an error.
   */
  readonly partial?: boolean;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);
/** Inside double quotes a backslash only escapes these, as in POSIX shells; elsewhere it is kept. */
const DQUOTE_ESCAPABLE = new Set(['"', '\\', '$', '`']);

/**
 * Splits a line into words. Every character is either part of a word, whitespace, or in a
 * trailing `#` comment; anything else is a ShellSyntaxError. targetcli silently stopped at
 * the first character it did not expect (`p@ss|w0rd` became `p@ss`), so here nothing is
 * special except whitespace, quotes, backslash and a word-initial `#`.
 */
export function tokenize(line: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    if (WHITESPACE.has(line.charAt(i))) {
      i += 1;
      continue;
    }
    if (line.charAt(i) === '#') break;
    const word = readWord(line, i, options.partial === true);
    tokens.push(word.token);
    i = word.next;
  }
  return tokens;
}

function readWord(line: string, start: number, partial: boolean): { token: Token; next: number } {
  let value = '';
  let quoted = false;
  let equalsAt: number | undefined;
  let unterminated = false;
  let i = start;

  while (i < line.length && !WHITESPACE.has(line.charAt(i))) {
    const ch = line.charAt(i);
    if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      quoted = true;
      if (close < 0) {
        if (!partial) throw new ShellSyntaxError('Unterminated single quote.', line, i);
        value += line.slice(i + 1);
        unterminated = true;
        i = line.length;
        break;
      }
      value += line.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      const dq = readDoubleQuoted(line, i, partial);
      quoted = true;
      value += dq.value;
      unterminated = dq.unterminated;
      i = dq.next;
    } else if (ch === '\\') {
      quoted = true;
      if (i + 1 >= line.length) {
        if (!partial) throw new ShellSyntaxError('Nothing to escape: the line ends with a backslash.', line, i);
        unterminated = true;
        i += 1;
        break;
      }
      value += line.charAt(i + 1);
      i += 2;
    } else {
      if (ch === '=' && !quoted && equalsAt === undefined) equalsAt = value.length;
      value += ch;
      i += 1;
    }
  }

  const raw = line.slice(start, i);
  const base = { value, raw, start, end: i, quoted };
  const withAssignment =
    equalsAt === undefined
      ? base
      : { ...base, assignment: { key: value.slice(0, equalsAt), value: value.slice(equalsAt + 1) } };
  const token: Token = unterminated ? { ...withAssignment, unterminated: true } : withAssignment;
  return { token, next: i };
}

function readDoubleQuoted(
  line: string,
  open: number,
  partial: boolean,
): { value: string; next: number; unterminated: boolean } {
  let value = '';
  let j = open + 1;
  while (j < line.length) {
    const ch = line.charAt(j);
    if (ch === '"') return { value, next: j + 1, unterminated: false };
    const following = line.charAt(j + 1);
    if (ch === '\\' && DQUOTE_ESCAPABLE.has(following)) {
      value += following;
      j += 2;
    } else {
      value += ch;
      j += 1;
    }
  }
  if (!partial) throw new ShellSyntaxError('Unterminated double quote.', line, open);
  return { value, next: line.length, unterminated: true };
}
