import { ExitCode, LioctlError, type ExitCodeValue } from '../errors/index.js';
import type { ConfigFsOp } from './port.js';

/** What each errno means when configfs returns it, in words an admin can act on. */
const REASONS: Record<string, string> = {
  EINVAL: 'the kernel rejected the value or name (invalid argument)',
  EBUSY: 'the object is in use (device or resource busy)',
  ENODEV: 'no such device, or the device is not enabled',
  EEXIST: 'it already exists',
  ENOENT: 'no such file or directory',
  EPERM: 'operation not permitted',
  EACCES: 'permission denied (read-only or write-only attribute)',
  ENOTEMPTY: 'it still has children',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ENOSYS: 'not supported by this device or kernel',
  EOPNOTSUPP: 'operation not supported',
  ENOSPC: 'no space left',
  ENOMEM: 'out of memory',
  ERANGE: 'value out of range',
  EFAULT: 'bad address',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EROFS: 'read-only file system',
};

const VERBS: Record<ConfigFsOp, string> = {
  list: 'list',
  read: 'read',
  write: 'write',
  mkdir: 'create',
  rmdir: 'remove',
  symlink: 'link',
  readlink: 'read link',
  unlink: 'unlink',
  stat: 'look up',
};

/** Secrets never reach a message, even when the kernel refuses them. */
function shownValue(path: string, value: string): string {
  if (/password/.test(path.slice(path.lastIndexOf('/') + 1))) return '(secret)';
  return value.replace(/\n$/, '');
}

function exitCodeFor(errno: string): ExitCodeValue {
  if (errno === 'ENOENT') return ExitCode.notFound;
  if (errno === 'EEXIST' || errno === 'EBUSY' || errno === 'ENOTEMPTY') return ExitCode.conflict;
  return ExitCode.kernel;
}

/** A configfs call refused by the kernel (or by the simulator acting as the kernel). */
export class ConfigFsError extends LioctlError {
  override name = 'ConfigFsError';
  readonly code: string;
  readonly exitCode: ExitCodeValue;

  constructor(
    readonly op: ConfigFsOp,
    /** Absolute path, so the message can be pasted into a shell. */
    readonly path: string,
    readonly errno: string,
    /** For writes: the value the kernel refused. */
    readonly value?: string,
  ) {
    const what = value === undefined ? '' : ` '${shownValue(path, value)}' to`;
    super(`cannot ${VERBS[op]}${what} ${path}: ${REASONS[errno] ?? errno} [${errno}]`);
    this.code = `kernel-${errno.toLowerCase()}`;
    this.exitCode = exitCodeFor(errno);
  }
}

export function isErrno(err: unknown, errno: string): boolean {
  return err instanceof ConfigFsError && err.errno === errno;
}
