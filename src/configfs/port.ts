/**
 * The configfs port: the only way lioctl touches files under the LIO configfs root.
 * Paths are relative to the root ("core/fileio_0/disk1/enable"), '/'-separated, with
 * "" meaning the root itself. Calls are synchronous on purpose: configfs operations are
 * cheap kernel calls and a restore issues thousands of them in a strict order.
 */
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
}

export type ConfigFsOp = 'list' | 'read' | 'write' | 'mkdir' | 'rmdir' | 'symlink' | 'readlink' | 'unlink' | 'stat';
