import { applyChange, type ConfigFs, type ConfigFsChange, type LaneFailure } from '../configfs/index.js';
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
    this.apply({ op: 'mkdir', path });
  }

  symlink(target: string, path: string): void {
    this.apply({ op: 'symlink', target, path });
  }

  /** Makes a change, and remembers how to take it back when it made a directory or a link. */
  apply(change: ConfigFsChange): void {
    applyChange(this.fs, change);
    this.record(change);
  }

  /** Remembers how to take back a change made elsewhere (side by side with others). */
  record(change: ConfigFsChange): void {
    // A write lands in a directory this create made, and goes with it.
    if (change.op === 'mkdir') this.undo.push({ what: change.path, run: () => this.fs.rmdir(change.path) });
    else if (change.op === 'symlink') this.undo.push({ what: change.path, run: () => this.fs.unlink(change.path) });
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
    throw undone(rb, what, err, hints);
  }
}

/** Takes back what `rb` made, and puts the refusal in the user's terms. */
function undone(rb: Rollback, what: string, err: unknown, hints: ErrnoHints): unknown {
  const left = rb.rollback();
  const shown = inContext(what, err, hints);
  if (left.length > 0 && shown instanceof LioctlError) {
    return new RollbackError(`${shown.message}; undoing the partial create failed too`, shown, left);
  }
  return shown;
}

/**
 * A create read into its configfs changes before any is made, so that many creates can be
 * handed to configfs at once (ConfigFs.startLanes), each still all or nothing.
 */
export interface Creation<T> {
  /** "Cannot create LUN 3 in TPG ... for ...": what a refusal's message starts with. */
  readonly what: string;
  readonly changes: readonly ConfigFsChange[];
  readonly hints: ErrnoHints;
  /** The object made, once the changes are. */
  readonly made: T;
}

/**
 * Makes a creation's changes in order, then `more` (further changes of the same create);
 * on a refusal takes back what was made and throws.
 */
export function create<T>(fs: ConfigFs, creation: Creation<T>, more?: (rb: Rollback) => void): T {
  return atomically(
    fs,
    creation.what,
    (rb) => {
      for (const change of creation.changes) rb.apply(change);
      more?.(rb);
      return creation.made;
    },
    creation.hints,
  );
}

/**
 * The error for a creation whose lane was refused at `failure`: the changes made before
 * it are taken back first, in reverse order, as `create` would.
 */
export function refusedCreation(fs: ConfigFs, creation: Creation<unknown>, failure: LaneFailure): unknown {
  const rb = new Rollback(fs);
  for (const change of creation.changes.slice(0, failure.index)) rb.record(change);
  return undone(rb, creation.what, failure.error, creation.hints);
}

/** Runs a multi-step change and puts a kernel refusal in context (no rollback). */
export function inStep<T>(what: string, body: () => T, hints: ErrnoHints = {}): T {
  try {
    return body();
  } catch (err) {
    throw inContext(what, err, hints);
  }
}
