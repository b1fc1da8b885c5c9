/**
 * Every failure a user can meet is one of these classes. The top-level handler prints
 * `message` on one line and exits with `exitCode`; library code only throws.
 */
export const ExitCode = {
  ok: 0,
  /** Anything unexpected: a bug in lioctl. */
  internal: 1,
  /** The command line could not be understood. */
  usage: 2,
  /** Input was understood but is not acceptable (bad WWN, size, name, ...). */
  invalid: 3,
  /** A path, object or file named by the user does not exist. */
  notFound: 4,
  /** The object already exists or is in use. */
  conflict: 5,
  /** The kernel refused an operation. */
  kernel: 6,
  /** No configfs, no LIO module, or not root. */
  environment: 7,
  /** Another lioctl holds the lock for too long. */
  busy: 8,
  /** Several independent steps failed (e.g. restore). */
  partial: 9,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Each exit status in a user's words (the man page lists them). */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCodeValue, string>> = {
  0: 'success',
  1: 'internal error (a bug in lioctl)',
  2: 'usage: the command line could not be understood',
  3: 'invalid value (a bad WWN, size, name or file)',
  4: 'not found: a path, object or file named does not exist',
  5: 'conflict: the object already exists or is in use',
  6: 'the kernel refused the operation',
  7: 'environment: no configfs, no LIO module, or not root',
  8: 'busy: another lioctl held the lock for too long',
  9: 'partial failure: some independent steps failed (e.g. in a restore)',
};

/** Each subclass names itself (`override name`): the bundle is minified without esbuild's keepNames, whose per-closure calls cost time in hot loops. */
export abstract class LioctlError extends Error {
  /** Stable machine-readable identifier, shown in --json output. */
  abstract readonly code: string;
  abstract readonly exitCode: ExitCodeValue;
  /** One optional line telling the user what to do about it. */
  readonly hint: string | undefined;

  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options?.hint;
  }
}

export class UsageError extends LioctlError {
  override name = 'UsageError';
  readonly code = 'usage';
  readonly exitCode = ExitCode.usage;
}

export class ValidationError extends LioctlError {
  override name = 'ValidationError';
  readonly code: string;
  readonly exitCode = ExitCode.invalid;
  constructor(message: string, options?: { code?: string; hint?: string; cause?: unknown }) {
    super(message, options);
    this.code = options?.code ?? 'invalid';
  }
}

export class NotFoundError extends LioctlError {
  override name = 'NotFoundError';
  readonly code = 'not-found';
  readonly exitCode = ExitCode.notFound;
}

export class ConflictError extends LioctlError {
  override name = 'ConflictError';
  readonly code = 'conflict';
  readonly exitCode = ExitCode.conflict;
}

export class EnvironmentError extends LioctlError {
  override name = 'EnvironmentError';
  readonly code: string;
  readonly exitCode = ExitCode.environment;
  constructor(message: string, options?: { code?: string; hint?: string; cause?: unknown }) {
    super(message, options);
    this.code = options?.code ?? 'environment';
  }
}

export class BusyError extends LioctlError {
  override name = 'BusyError';
  readonly code = 'busy';
  readonly exitCode = ExitCode.busy;
}

/** Several steps failed independently; each is kept so the caller can list them. */
export class PartialFailureError extends LioctlError {
  override name = 'PartialFailureError';
  readonly code = 'partial';
  readonly exitCode = ExitCode.partial;
  constructor(
    message: string,
    readonly failures: readonly LioctlError[],
  ) {
    super(message);
  }
}

/** A bug: carries the original error so `--debug` can show it. */
export class InternalError extends LioctlError {
  override name = 'InternalError';
  readonly code = 'internal';
  readonly exitCode = ExitCode.internal;
}

/** Wraps anything thrown into a LioctlError without losing typed ones. */
export function asLioctlError(err: unknown): LioctlError {
  if (err instanceof LioctlError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new InternalError(`internal error: ${message}`, { cause: err });
}
