import type { BackendKind, ConfigFs, EntryStat } from './port.js';

/** File reads after which the cache judges whether remembering them pays. */
const READS_BEFORE_JUDGING = 2048;

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
  // A map per kind of answer, keyed by the path itself: a save reads a quarter of a
  // million files once each, and building a prefixed key for each cost more than the map.
  /** File contents, listings and stats: what any write may change. */
  private readonly reads = new Map<string, string>();
  private readonly listings = new Map<string, readonly string[]>();
  private readonly stats = new Map<string, EntryStat>();
  /** Paths found present, and link targets. */
  private readonly present = new Set<string>();
  private readonly links = new Map<string, string>();
  /** Paths found missing. */
  private readonly absent = new Set<string>();
  /** File reads answered from memory, and asked of configfs, this line. */
  private readHits = 0;
  private readMisses = 0;

  constructor(private readonly inner: ConfigFs) {
    this.root = inner.root;
    this.backend = inner.backend;
  }

  clear(): void {
    this.forgetMissing();
    this.present.clear();
    this.links.clear();
  }

  private forgetValues(): void {
    this.reads.clear();
    this.listings.clear();
    this.stats.clear();
  }

  private forgetMissing(): void {
    this.forgetValues();
    this.absent.clear();
  }

  list(path: string): string[] {
    let names = this.listings.get(path);
    if (names === undefined) this.listings.set(path, (names = this.inner.list(path)));
    // A copy: callers may sort or filter what they get.
    return names.slice();
  }

  read(path: string): string {
    const known = this.reads.get(path);
    if (known !== undefined) {
      this.readHits++;
      return known;
    }
    const text = this.inner.read(path);
    if (this.worthRemembering()) this.reads.set(path, text);
    return text;
  }

  /**
   * A tree asks for some files again; a save reads each of a quarter of a million files
   * once, and remembering them all only costs. Once enough reads show that almost none
   * come back, new ones are no longer kept.
   */
  private worthRemembering(): boolean {
    return ++this.readMisses < READS_BEFORE_JUDGING || this.readHits * 100 >= this.readMisses;
  }

  readlink(path: string): string {
    let target = this.links.get(path);
    if (target === undefined) this.links.set(path, (target = this.inner.readlink(path)));
    return target;
  }

  exists(path: string): boolean {
    if (this.present.has(path)) return true;
    if (this.absent.has(path)) return false;
    const found = this.inner.exists(path);
    if (found) this.present.add(path);
    else this.absent.add(path);
    return found;
  }

  stat(path: string): EntryStat {
    let st = this.stats.get(path);
    if (st === undefined) this.stats.set(path, (st = this.inner.stat(path)));
    return st;
  }

  write(path: string, value: string): void {
    this.forgetValues();
    this.inner.write(path, value);
  }

  mkdir(path: string): void {
    this.forgetMissing();
    this.inner.mkdir(path);
    this.present.add(path);
  }

  rmdir(path: string): void {
    this.clear();
    this.inner.rmdir(path);
  }

  symlink(target: string, path: string): void {
    this.forgetMissing();
    this.inner.symlink(target, path);
    this.present.add(path);
  }

  unlink(path: string): void {
    this.clear();
    this.inner.unlink(path);
  }
}
