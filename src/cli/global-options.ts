/** Options shared by every mode. */
export interface GlobalOptions {
  readonly json: boolean;
  /** The simulator: true for the default state file, or the state file (`--sim-state FILE`, `--sim=FILE`). */
  readonly sim?: string | boolean;
  /** `--sim-kernel VERSION`: the simulator, imitating that kernel. */
  readonly simKernel?: string;
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
  /** commander's flags text: `--root <dir>`, `--json`. No `[optional]` value: it would swallow a command word. */
  readonly flags: string;
  readonly description: string;
  /** Only for flags whose absence must read as false (commander leaves others undefined). */
  readonly default?: boolean;
}

/** The options before the shell words; --version and --help are added by commander. */
export const GLOBAL_OPTIONS: readonly GlobalOptionSpec[] = [
  { flags: '--json', description: 'print results of read commands as JSON (no colour, no prose)', default: false },
  // No optional argument: `--sim ls` must run ls, not keep the state in a file named ls.
  { flags: '--sim', description: 'use the configfs simulator (state kept in ~/.lioctl/sim-state.json)' },
  { flags: '--sim-state <file>', description: 'use the simulator with its state kept in FILE (also --sim=FILE)' },
  { flags: '--sim-kernel <version>', description: 'use the simulator, imitating that kernel (6.1 or 6.12; LIOCTL_SIM_KERNEL picks one for every --sim)' },
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

/** Options that take the next word as their value. */
const WITH_VALUE = new Set(GLOBAL_OPTIONS.filter((o) => o.flags.includes('<')).map(optionWord));

/** Whether the option word takes the next word as its value (`--root DIR`, `--sim-state FILE`). */
export function takesValue(word: string): boolean {
  return WITH_VALUE.has(word);
}

/** `--sim=FILE` among the leading options is `--sim-state FILE`; the equals sign keeps FILE from being a command. */
export function expandSimEquals(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('-') || word === '--') return [...out, ...argv.slice(i)];
    if (word.startsWith('--sim=')) out.push('--sim-state', word.slice('--sim='.length));
    else out.push(word);
    if (takesValue(word) && i + 1 < argv.length) out.push(argv[++i] ?? '');
  }
  return out;
}
