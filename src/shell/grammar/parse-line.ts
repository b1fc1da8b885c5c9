import { ShellSyntaxError } from './shell-syntax-error.js';
import { tokenize, type Token } from './tokenize.js';

/** Where the command runs, when the line starts with a path. */
export interface PathPart {
  /** The path without a trailing `*`; `.` when the path was only `*`. */
  readonly text: string;
  /** The path ended in `*`: run the command on every child of `text`. */
  readonly iterate: boolean;
  readonly token: Token;
}

export interface CommandPart {
  readonly name: string;
  /** Not typed: a bare path means `cd`, a bare `path*` means `ls` on each child. */
  readonly implicit: boolean;
  /** The command word, or the path word for an implicit command. */
  readonly token: Token;
}

export interface KeywordPart {
  readonly key: string;
  readonly value: string;
  readonly token: Token;
}

export interface ParsedLine {
  readonly source: string;
  readonly path?: PathPart;
  /** Absent only for an empty (or comment-only) line. */
  readonly command?: CommandPart;
  readonly positionals: readonly Token[];
  /** In the order typed; a key appears at most once. */
  readonly keywords: readonly KeywordPart[];
}

/** configshell's keyword charset; a word whose "key" has other characters is a plain value. */
const KEYWORD_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * configshell's path tokens: anything with a `/`, `.`, `..`, a `@bookmark`, or `*`-suffixed.
 * `-` (the previous path) is a lioctl addition. A bare child name is a command, as in
 * targetcli, so `tpg1` alone is "Command not found" and `tpg1/` is a path.
 */
export function isPathWord(word: string): boolean {
  return (
    word.includes('/') || word === '.' || word === '..' || word === '-' || word.startsWith('@') || word.endsWith('*')
  );
}

export function keywordOf(token: Token): { key: string; value: string } | undefined {
  const assignment = token.assignment;
  if (assignment === undefined || !KEYWORD_KEY.test(assignment.key)) return undefined;
  return assignment;
}

/** Reads `[path] [command] [positional...] [key=value...]` (positionals and keywords may mix). */
export function parseLine(source: string): ParsedLine {
  return classifyTokens(source, tokenize(source));
}

export function classifyTokens(source: string, tokens: readonly Token[]): ParsedLine {
  let rest = tokens;
  let path: PathPart | undefined;

  const first = rest[0];
  if (first === undefined) return { source, positionals: [], keywords: [] };
  if (isPathWord(first.value)) {
    path = toPathPart(first);
    rest = rest.slice(1);
  }

  const commandToken = rest[0];
  if (commandToken === undefined) {
    // Only a line that is a lone path gets here; the check is for the compiler.
    if (path === undefined) return { source, positionals: [], keywords: [] };
    return implicitCommand(source, path);
  }
  checkCommandWord(source, commandToken, path);

  const positionals: Token[] = [];
  const keywords: KeywordPart[] = [];
  for (const token of rest.slice(1)) {
    const keyword = keywordOf(token);
    if (keyword === undefined) {
      positionals.push(token);
      continue;
    }
    if (keywords.some((k) => k.key === keyword.key)) {
      throw new ShellSyntaxError(`Duplicate parameter ${keyword.key}.`, source, token.start);
    }
    keywords.push({ ...keyword, token });
  }

  const command: CommandPart = { name: commandToken.value, implicit: false, token: commandToken };
  return path === undefined
    ? { source, command, positionals, keywords }
    : { source, path, command, positionals, keywords };
}

function toPathPart(token: Token): PathPart {
  const iterate = token.value.endsWith('*');
  const stripped = iterate ? token.value.replace(/\*+$/, '') : token.value;
  return { text: stripped === '' ? '.' : stripped, iterate, token };
}

/** configshell runs `cd .` on the target of a bare path; `cd <path>` from here is the same move. */
function implicitCommand(source: string, path: PathPart): ParsedLine {
  if (path.iterate) {
    return { source, path, command: { name: 'ls', implicit: true, token: path.token }, positionals: [], keywords: [] };
  }
  const command: CommandPart = { name: 'cd', implicit: true, token: path.token };
  return { source, command, positionals: [path.token], keywords: [] };
}

function checkCommandWord(source: string, token: Token, path: PathPart | undefined): void {
  if (keywordOf(token) !== undefined) {
    throw new ShellSyntaxError(`Keyword parameter '${token.value}' needs a command before it.`, source, token.start);
  }
  if (path !== undefined && !token.quoted && isPathWord(token.value)) {
    throw new ShellSyntaxError(
      `Expected a command after the path '${path.token.value}', got another path '${token.value}'.`,
      source,
      token.start,
    );
  }
}
