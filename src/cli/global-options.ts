/** Options shared by every mode. */
export interface GlobalOptions {
  readonly json: boolean;
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
