import { Chalk } from 'chalk';
import type { CommandResult, HumanStyle, ShellOutput } from '../shell/session/index.js';
import { stderr, stdout } from './std-output.js';

export interface ConsoleStyle {
  readonly json: boolean;
  /** color_mode preference; colours also need a terminal and never apply to --json. */
  readonly colorMode: boolean;
}

/**
 * Binds shell output to the process: results to stdout (human text or JSON from the same
 * object), messages to stdout as targetcli does, or to stderr in --json mode so stdout
 * stays parseable (warnings there as `{"warning":{"message"}}` lines). Colour only on a terminal.
 */
export function consoleOutput(style: ConsoleStyle): ShellOutput {
  const tty = stdout.isTTY;
  const color = style.colorMode && tty && !style.json;
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const human: HumanStyle = { color, width: Math.min(stdout.columns ?? 132, 132) };
  const messages = style.json ? stderr : stdout;
  return {
    info: (m) => messages.write(`${color ? chalk.green(m) : m}\n`),
    // In --json a warning is data, like an error: one object per line on stderr.
    warn: (m) => stderr.write(style.json ? `${JSON.stringify({ warning: { message: m } })}\n` : `${color ? chalk.yellow(m) : `Warning: ${m}`}\n`),
    result: (r: CommandResult) => {
      if (style.json) stdout.write(`${JSON.stringify({ kind: r.kind, data: r.data }, null, 2)}\n`);
      else stdout.write(`${r.human(r.data, human)}\n`);
    },
  };
}
