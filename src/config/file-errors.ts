import { EnvironmentError } from '../errors/index.js';

/** The errno text Node puts in `code`, or the message when there is none. */
function reason(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    const text = err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
    return code === undefined ? err.message : `${text} (${code})`;
  }
  return String(err);
}

/** A configuration file or its directory could not be read or written. */
export function fileError(what: string, path: string, err: unknown): EnvironmentError {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  const hint = code === 'EACCES' || code === 'EPERM' ? 'saving and restoring need root' : undefined;
  return new EnvironmentError(`Cannot ${what} ${path}: ${reason(err)}`, {
    code: 'config-file',
    cause: err,
    ...(hint === undefined ? {} : { hint }),
  });
}

export function errnoCode(err: unknown): string | undefined {
  return err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
}
