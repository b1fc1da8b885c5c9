/** How a result looks to a human; the same `data` is what --json prints. */
export interface HumanStyle {
  /** Colours allowed (color_mode on and stdout is a terminal). */
  readonly color: boolean;
  /** Columns available for `ls`. */
  readonly width: number;
}

export interface CommandResult<T = unknown> {
  /** Stable name of the result shape, part of the --json contract. */
  readonly kind: string;
  readonly data: T;
  human(data: T, style: HumanStyle): string;
}

export function result<T>(kind: string, data: T, human: (data: T, style: HumanStyle) => string): CommandResult<T> {
  return { kind, data, human };
}

export interface CommandOutcome {
  readonly result?: CommandResult;
  /** Move to this path afterwards (cd, auto_cd_after_create). */
  readonly cd?: string;
  /** Leave the shell. */
  readonly exit?: boolean;
}
