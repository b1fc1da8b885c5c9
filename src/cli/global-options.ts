/** Options shared by every mode. */
export interface GlobalOptions {
  readonly json: boolean;
  readonly sim?: string | boolean;
  readonly root?: string;
  readonly dryRun?: boolean;
}

/** What the command line asks for: a line of shell words and the global options. */
export interface ParsedArgs {
  readonly words: string[];
  readonly options: GlobalOptions;
}

/** One global option as commander, the man page and shell completion present it. */
export interface GlobalOptionSpec {
  /** commander's flags text: `--root <dir>`, `--sim [statefile]`. */
  readonly flags: string;
  readonly description: string;
  /** Only for flags whose absence must read as false (commander leaves others undefined). */
  readonly default?: boolean;
}

/** The options before the shell words; --version and --help are added by commander. */
export const GLOBAL_OPTIONS: readonly GlobalOptionSpec[] = [
  { flags: '--json', description: 'print results of read commands as JSON (no colour, no prose)', default: false },
  {
    flags: '--sim [statefile]',
    description: 'use the configfs simulator, state kept in STATEFILE between runs (default ~/.lioctl/sim-state.json)',
  },
  { flags: '--root <dir>', description: 'use another configfs root instead of /sys/kernel/config/target' },
  { flags: '--dry-run', description: 'the same as dry_run=true: restoreconfig, apply and restore list the operations and change nothing' },
];

/** The word that names an option: `--root` of `--root <dir>`. */
export function optionWord(option: GlobalOptionSpec): string {
  return option.flags.split(' ')[0] ?? option.flags;
}

/** The option words themselves (`--json`, `--root`...), for completion. */
export function globalOptionWords(): string[] {
  return [...GLOBAL_OPTIONS.map(optionWord), '--version', '--help'];
}
