import type { ConfigFs } from '../configfs/index.js';
import { LioctlError } from '../errors/index.js';
import { inContext, RollbackError, type ErrnoHints } from './errors.js';

/**
 * Records what a create made, so that a refusal half-way can take it all back: the
 * promise every public create keeps is "all or nothing".
 */
export class Rollback {
  private readonly undo: Array<{ what: string; run: () => void }> = [];

  constructor(private readonly fs: ConfigFs) {}

  mkdir(path: string): void {
    this.fs.mkdir(path);
    this.undo.push({ what: path, run: () => this.fs.rmdir(path) });
  }

  symlink(target: string, path: string): void {
    this.fs.symlink(target, path);
    this.undo.push({ what: path, run: () => this.fs.unlink(path) });
  }

  /** Registers an arbitrary undo step (a file created on the host, a value to restore). */
  onUndo(what: string, run: () => void): void {
    this.undo.push({ what, run });
  }

  /** Undoes everything in reverse order; returns what could not be undone. */
  rollback(): string[] {
    const left: string[] = [];
    for (const step of this.undo.reverse()) {
      try {
        step.run();
      } catch {
        left.push(step.what);
      }
    }
    this.undo.length = 0;
    return left;
  }
}

/**
 * Runs `body` all-or-nothing: on any error everything recorded in the Rollback is undone,
 * and the error is rethrown in the user's terms (`what` says which operation failed).
 */
export function atomically<T>(fs: ConfigFs, what: string, body: (rb: Rollback) => T, hints: ErrnoHints = {}): T {
  const rb = new Rollback(fs);
  try {
    return body(rb);
  } catch (err) {
    const left = rb.rollback();
    const shown = inContext(what, err, hints);
    if (left.length > 0 && shown instanceof LioctlError) {
      throw new RollbackError(`${shown.message}; undoing the partial create failed too`, shown, left);
    }
    throw shown;
  }
}

/** Runs a multi-step change and puts a kernel refusal in context (no rollback). */
export function inStep<T>(what: string, body: () => T, hints: ErrnoHints = {}): T {
  try {
    return body();
  } catch (err) {
    throw inContext(what, err, hints);
  }
}
