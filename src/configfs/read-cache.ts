import type { BackendKind, ConfigFs, EntryStat } from './port.js';

/**
 * Remembers what was read during one command line. Rendering a tree asks for the same
 * files many times (each mapped LUN resolves its TPG LUN and storage object; each ACL's
 * summary reads the TPG's attributes), and a restore looks up its target, TPG and ACL
 * before each of thousands of operations: with a cache the kernel is asked once.
 *
 * What a change can make stale is forgotten at once: a write forgets file contents and
 * listings (a store may change other files), mkdir and symlink forget also what was found
 * missing, rmdir and unlink forget everything. That paths found and link targets survive
 * writes and creations, and that what mkdir or symlink made counts as found, is what
 * saves a restore its lookups. It is meant to live for one
 * line only, and is cleared when a command takes the configuration lock, so that a change
 * is always planned on what configfs holds once no other lioctl can change it.
 */
export class ReadCachingConfigFs implements ConfigFs {
  readonly root: string;
  readonly backend: BackendKind;
  /** File contents, listings and stats. */
  private readonly values = new Map<string, unknown>();
  /** Paths found present, and link targets. */
  private readonly presence = new Map<string, unknown>();
  /** Paths found missing. */
  private readonly absent = new Set<string>();

  constructor(private readonly inner: ConfigFs) {
    this.root = inner.root;
    this.backend = inner.backend;
  }

  clear(): void {
    this.values.clear();
    this.presence.clear();
    this.absent.clear();
  }

  private forgetMissing(): void {
    this.values.clear();
    this.absent.clear();
  }

  private remembered<T>(cache: Map<string, unknown>, key: string, read: () => T): T {
    // No port call returns undefined: one lookup tells both whether and what.
    const known = cache.get(key);
    if (known !== undefined) return known as T;
    const value = read();
    cache.set(key, value);
    return value;
  }

  list(path: string): string[] {
    // A copy: callers may sort or filter what they get.
    return [...this.remembered(this.values, `l${path}`, () => this.inner.list(path))];
  }

  read(path: string): string {
    return this.remembered(this.values, `r${path}`, () => this.inner.read(path));
  }

  readlink(path: string): string {
    return this.remembered(this.presence, `k${path}`, () => this.inner.readlink(path));
  }

  exists(path: string): boolean {
    if (this.presence.has(`e${path}`)) return true;
    if (this.absent.has(path)) return false;
    const found = this.inner.exists(path);
    if (found) this.presence.set(`e${path}`, true);
    else this.absent.add(path);
    return found;
  }

  stat(path: string): EntryStat {
    return this.remembered(this.values, `s${path}`, () => this.inner.stat(path));
  }

  write(path: string, value: string): void {
    this.values.clear();
    this.inner.write(path, value);
  }

  mkdir(path: string): void {
    this.forgetMissing();
    this.inner.mkdir(path);
    this.presence.set(`e${path}`, true);
  }

  rmdir(path: string): void {
    this.clear();
    this.inner.rmdir(path);
  }

  symlink(target: string, path: string): void {
    this.forgetMissing();
    this.inner.symlink(target, path);
    this.presence.set(`e${path}`, true);
  }

  unlink(path: string): void {
    this.clear();
    this.inner.unlink(path);
  }
}
