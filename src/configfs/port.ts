/**
 * The configfs port: the only way lioctl touches files under the LIO configfs root.
 * Paths are relative to the root ("core/fileio_0/disk1/enable"), '/'-separated, with
 * "" meaning the root itself. Calls are synchronous on purpose: configfs operations are
 * cheap kernel calls and a restore issues thousands of them in a strict order. A batch of
 * independent changes (startLanes) may run side by side, and may still be running when the
 * call returns: its finish() waits for it.
 */
import type { ConfigFsError } from './configfs-error.js';

export type EntryKind = 'dir' | 'file' | 'link';

export interface EntryStat {
  readonly kind: EntryKind;
  /** Permission bits only (e.g. 0o644). */
  readonly mode: number;
}

export type BackendKind = 'kernel' | 'simulator';

export interface ConfigFs {
  /** Absolute location of the root, used in messages and for symlink targets. */
  readonly root: string;
  readonly backend: BackendKind;
  /** Names in a directory, sorted. */
  list(path: string): string[];
  /** The file's text exactly as the kernel returns it (usually with a trailing newline). */
  read(path: string): string;
  /** One write() of the whole value, as the kernel's store functions expect. */
  write(path: string, value: string): void;
  mkdir(path: string): void;
  rmdir(path: string): void;
  /** Creates `path` as a link to `target`; both relative to the root. */
  symlink(target: string, path: string): void;
  /** The link's target, relative to the root. */
  readlink(path: string): string;
  unlink(path: string): void;
  exists(path: string): boolean;
  stat(path: string): EntryStat;
  /**
   * Makes each lane's changes in order, and the lanes side by side where the port can (the
   * kernel's, for a large batch: many configfs removals and links wait on the kernel rather
   * than the CPU). Lanes must change disjoint objects, as their changes interleave in any
   * order. A lane stops at its first refusal; the other lanes go on. The port may return
   * before the lanes are made (the kernel's hands them to its worker thread): until
   * finish() has returned, the caller must neither change nor read what the lanes change.
   * runLanes() (lanes-in-turn.ts) starts and finishes at once.
   */
  startLanes(lanes: readonly (readonly ConfigFsChange[])[]): StartedLanes;
  /**
   * Says that batches worth making side by side are coming, so that a port which needs
   * time to get ready for them (the kernel's starts a worker thread) does so now, while
   * the caller goes on with other calls.
   */
  expectLanes(): void;
  /**
   * Says that everything under these paths (but statistics and `leaveOut`) will be read
   * soon, so that a port which can read on another thread (the kernel's, for many trees)
   * reads them there while the caller goes on with other calls; a call inside one of them
   * then waits for that read, unless a change came first. The answers are the same either
   * way. `leaveOut` names what under each tree the caller will not read, so what is not
   * worth reading ahead: paths whose names are joined by '/', where a name '*' stands for
   * any one name and a leading '**' for any depth. Asked for all the same, such a path is
   * read when asked.
   */
  readAhead(trees: readonly string[], leaveOut?: readonly string[]): void;
}

/** One change to configfs, as data, so that a batch of them can be handed over at once. */
export type ConfigFsChange =
  | { readonly op: 'write'; readonly path: string; readonly value: string }
  | { readonly op: 'mkdir' | 'rmdir' | 'unlink'; readonly path: string }
  | { readonly op: 'symlink'; readonly path: string; readonly target: string };

export interface LaneFailure {
  readonly lane: number;
  /** Position of the refused change in its lane. */
  readonly index: number;
  readonly error: ConfigFsError;
}

/** Lanes handed to the port: finish() waits until they are made, and says how that went (each time it is called). */
export interface StartedLanes {
  finish(): LanesOutcome;
}

export interface LanesOutcome {
  /** Per lane, how many of its changes were made: all of them, or those before its refusal. */
  readonly done: readonly number[];
  /** The refusals, at most one per lane, in the order of the lanes. */
  readonly failures: readonly LaneFailure[];
}

export type ConfigFsOp = 'list' | 'read' | 'write' | 'mkdir' | 'rmdir' | 'symlink' | 'readlink' | 'unlink' | 'stat';
