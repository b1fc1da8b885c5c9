import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors/index.js';

export interface TopOptions {
  /** A shell path narrowing the view (`/iscsi/<wwn>/tpg1`, `/backstores/fileio/disk1`). */
  readonly path?: string;
  /** Seconds between samples (and the measuring span of --once). */
  readonly interval: number;
  readonly once: boolean;
  readonly json: boolean;
}

/** What `lioctl top ...` asks for: a view, or only its help text. */
export type TopRequest = { readonly kind: 'run'; readonly options: TopOptions } | { readonly kind: 'help'; readonly text: string };

export const DEFAULT_INTERVAL = 1;

function seconds(text: string): number {
  const value = Number(text);
  // Below 0.1 s the counters (whole MiB) say nothing; above an hour nobody is watching.
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value >= 0.1 && value <= 3600)) {
    throw new InvalidArgumentError(`'${text}' is not a number of seconds from 0.1 to 3600`);
  }
  return value;
}

/** `lioctl top`'s options and description (its help, and the man page). */
export function topCommand(): Command {
  return new Command('top')
    .description(
      // One paragraph: commander wraps it to the terminal's width.
      'Live view of the LIO target: IOPS and MiB/s per LUN and per logged-in initiator, and ' +
        'health warnings, refreshed every interval. Keys: s cycles the sort column, / types a ' +
        'filter (Enter applies, Esc clears), arrows and PgUp/PgDn scroll, and q quits.',
    )
    .usage('[path] [--interval SECONDS] [--once] [--json]')
    .argument('[path]', 'only this part of the tree: /iscsi/<wwn>[/tpgN[/luns/lunL]] or /backstores/<kind>/<name>')
    .option('-i, --interval <seconds>', 'seconds between samples', seconds, DEFAULT_INTERVAL)
    .option('--once', 'print one sample, measured over one interval, and exit', false)
    .option('--json', 'with --once: print the sample as JSON', false)
    .helpOption('-h, --help', 'print this help and exit')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
}

/**
 * Parses the words after `top`. `json` is the global --json given before `top`, which
 * means the same. Commander's help is returned as text: printing is the caller's job.
 */
export function parseTopArgs(args: readonly string[], globalJson = false): TopRequest {
  const cmd = topCommand();
  let path: string | undefined;
  cmd.action((p: string | undefined) => {
    path = p;
  });
  try {
    cmd.parse(args as string[], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.help')) {
      return { kind: 'help', text: cmd.helpInformation() };
    }
    if (err instanceof CommanderError) throw new UsageError(`top: ${err.message.replace(/^error: /, '')}`, { hint: 'see lioctl top --help' });
    throw err;
  }
  const o = cmd.opts<{ interval: number; once: boolean; json: boolean }>();
  const json = o.json || globalJson;
  if (json && !o.once) throw new UsageError('top: --json needs --once (the live view is for terminals)', { hint: 'lioctl top --once --json' });
  return { kind: 'run', options: { ...(path === undefined ? {} : { path }), interval: o.interval, once: o.once, json } };
}
