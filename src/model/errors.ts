import { ConfigFsError } from '../configfs/index.js';
import { ConflictError, ExitCode, LioctlError, NotFoundError, type ExitCodeValue } from '../errors/index.js';

/**
 * The kernel refused one step of a model operation. The message names the operation in
 * the user's terms first ("Cannot create LUN 3 in iscsi/iqn.../tpg1"), then the kernel's
 * reason; `code` and `exitCode` are those of the underlying ConfigFsError (`kernel-einval`).
 */
export class KernelRefusedError extends LioctlError {
  override name = 'KernelRefusedError';
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly errno: string;

  constructor(message: string, cause: ConfigFsError, options?: { hint?: string }) {
    super(message, options?.hint === undefined ? { cause } : { cause, hint: options.hint });
    this.code = cause.code;
    this.exitCode = cause.exitCode;
    this.errno = cause.errno;
  }
}

/** A rollback could not remove everything it created: the leftovers are named. */
export class RollbackError extends LioctlError {
  override name = 'RollbackError';
  readonly code = 'rollback-incomplete';
  readonly exitCode = ExitCode.kernel;

  constructor(
    message: string,
    readonly original: LioctlError,
    readonly leftovers: readonly string[],
  ) {
    super(message, { cause: original, hint: `remove by hand: ${leftovers.join(', ')}` });
  }
}

export function errnoOf(err: unknown): string | undefined {
  return err instanceof ConfigFsError ? err.errno : undefined;
}

/** Hints keyed by errno, for the refusals a user can do something about. */
export type ErrnoHints = Readonly<Partial<Record<string, string>>>;

/**
 * Puts a kernel refusal in the user's terms. Typed lioctl errors that are not kernel
 * refusals pass through unchanged; anything else is rethrown as is (a bug).
 */
export function inContext(what: string, err: unknown, hints: ErrnoHints = {}): unknown {
  if (!(err instanceof ConfigFsError)) return err;
  const hint = hints[err.errno];
  return new KernelRefusedError(`${what}: ${err.message}`, err, hint === undefined ? undefined : { hint });
}

export function notFound(message: string, hint?: string): NotFoundError {
  return new NotFoundError(message, hint === undefined ? undefined : { hint });
}

export function conflict(message: string, hint?: string): ConflictError {
  return new ConflictError(message, hint === undefined ? undefined : { hint });
}
