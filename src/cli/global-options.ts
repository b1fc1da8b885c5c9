/** Options shared by every mode. */
export interface GlobalOptions {
  readonly json: boolean;
  /** The simulator: true for the default state file, or the state file (`--sim-state FILE`, `--sim=FILE`). */
  readonly sim?: string | boolean;
  readonly root?: string;
  readonly dryRun?: boolean;
}

/** What the command line asks for: a line of shell words and the global options. */
export interface ParsedArgs {
  readonly words: string[];
  readonly options: GlobalOptions;
}
