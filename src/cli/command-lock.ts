import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync, constants } from 'node:fs';
import { BusyError } from '../errors/index.js';

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Default lock for the real configfs: shared by every lioctl on the host. */
export function defaultLockPath(): string {
  return existsSync('/run/lock') ? '/run/lock/lioctl.lock' : '/tmp/lioctl.lock';
}

/**
 * A lock held only while one command changes the configuration (never by an idle shell,
 * targetcli-fb#199). The lock file holds the owner's pid; a lock whose owner died is
 * taken over. Waits up to `timeoutMs`, then says who holds it.
 */
export function withCommandLock<T>(path: string, timeoutMs: number, fn: () => T): T {
  const deadline = Date.now() + timeoutMs;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      writeSync(fd, `${process.pid}\n`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(safeRead(path));
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        removeQuietly(path); // the previous owner died mid-command
        continue;
      }
      if (Date.now() >= deadline) {
        throw new BusyError(`another lioctl (pid ${Number.isInteger(owner) ? owner : '?'}) is changing the configuration; gave up after ${Math.round(timeoutMs / 1000)} s`, {
          hint: `try again, or remove ${path} if that process is gone`,
        });
      }
      sleep(25);
    }
  }
  try {
    return fn();
  } finally {
    closeSync(fd);
    removeQuietly(path);
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone: another process took over a stale lock
  }
}
