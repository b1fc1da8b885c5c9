import { UsageError } from '../../errors/index.js';

/**
 * A command line that cannot be read as written. The message repeats the line with a caret
 * under the offending character, because "unterminated quote" alone does not say which one.
 */
export class ShellSyntaxError extends UsageError {
  override name = 'ShellSyntaxError';
  /** The one-line explanation, without the echoed line and caret. */
  readonly reason: string;
  readonly line: string;
  /** 0-based index into `line` (same unit as `Token.start`). */
  readonly offset: number;
  /** 1-based column, for people. */
  readonly column: number;

  constructor(reason: string, line: string, offset: number, options?: { hint?: string }) {
    super(`${reason}\n${pointAt(line, offset)}`, options);
    this.reason = reason;
    this.line = line;
    this.offset = offset;
    this.column = offset + 1;
  }
}

/**
 * Two lines: the source line and a caret under `offset`, both indented by two spaces.
 * Tabs before the caret are kept as tabs so the caret lines up however wide the terminal
 * draws them.
 */
export function pointAt(line: string, offset: number, indent = '  '): string {
  const before = line.slice(0, Math.max(0, offset));
  const pad = Array.from(before, (ch) => (ch === '\t' ? '\t' : ' ')).join('');
  return `${indent}${line}\n${indent}${pad}^`;
}
