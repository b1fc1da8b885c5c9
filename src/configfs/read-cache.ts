import type { BackendKind, ConfigFs, ConfigFsChange, EntryStat, StartedLanes } from './port.js';

/** Answers of a kind after which the cache judges whether remembering them pays. */
const ANSWERS_BEFORE_JUDGING = 2048;

/**
 * Answers of one kind, keyed by path. A tree asks for some paths again; a save asks for
 * each of a quarter of a million once, and remembering them all only costs. Once enough
 * answers show that almost none come back, new ones are no longer kept.
 */
class Memo<V> {
  private readonly known = new Map<string, V>();
  private hits = 0;
  private misses = 0;
  /** Set once judged not worth it: then not even looked up, since hashing a path costs too. */
  private off = false;

  get(path: string, ask: (path: string) => V): V {
    if (this.off) return ask(path);
    const known = this.known.get(path);
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const value = ask(path);
    if (++this.misses >= ANSWERS_BEFORE_JUDGING && this.hits * 100 < this.misses) {
      this.off = true;
      this.known.clear();
    } else this.known.set(path, value);
    return value;
  }

  clear(): void {
    // Clearing allocates a new table even when empty, and a restore clears at each write.
    if (this.known.size > 0) this.known.clear();
  }
}

/**
 * Remembers what was read during one command line. Rendering a tree asks for the same
 * files many times (each mapped LUN resolves its TPG LUN and storage object; each ACL's
 * summary reads the TPG's attributes), and a restore looks up its target, TPG and ACL
 * before each of thousands of operations: with a cache the kernel is asked once.
 *
 * What a change can make stale is forgotten at once: a write forgets file contents and
 * listings (a store may change other files), mkdir and symlink forget also what was found
 * missing, rmdir and unlink forget everything (a batch of lanes forgets as its changes
 * would, at its start and at its end). That paths found and link targets survive
 * writes and creations, and that what mkdir or symlink made counts as found, is what
 * saves a restore its lookups. It is meant to live for one
 * line only, and is cleared when a command takes the configuration lock, so that a change
 * is always planned on what configfs holds once no other lioctl can change it.
 */
export class ReadCachingConfigFs implements ConfigFs {
  readonly root: string;
  readonly backend: BackendKind;
  /** File contents, listings and stats: what any write may change. */
  private readonly reads = new Memo<string>();
  private readonly listings = new Memo<readonly string[]>();
  private readonly stats = new Memo<EntryStat>();
  /** Paths found present, and link targets. */
  private readonly present = new Set<string>();
  private readonly links = new Memo<string>();
  /** Paths found missing. */
  private readonly absent = new Set<string>();
  // Made once: a closure per call would be an allocation per system call.
  private readonly askRead = (path: string): string => this.inner.read(path);
  private readonly askList = (path: string): string[] => this.inner.list(path);
  private readonly askLink = (path: string): string => this.inner.readlink(path);
  private readonly askStat = (path: string): EntryStat => this.inner.stat(path);

  constructor(private readonly inner: ConfigFs) {
    this.root = inner.root;
    this.backend = inner.backend;
  }

  clear(): void {
    this.forgetMissing();
    if (this.present.size > 0) this.present.clear();
    this.links.clear();
  }

  private forgetValues(): void {
    this.reads.clear();
    this.listings.clear();
    this.stats.clear();
  }

  private forgetMissing(): void {
    this.forgetValues();
    if (this.absent.size > 0) this.absent.clear();
  }

  list(path: string): string[] {
    // A copy: callers may sort or filter what they get.
    return this.listings.get(path, this.askList).slice();
  }

  read(path: string): string {
    return this.reads.get(path, this.askRead);
  }

  readlink(path: string): string {
    return this.links.get(path, this.askLink);
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
    return this.stats.get(path, this.askStat);
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

  startLanes(lanes: readonly (readonly ConfigFsChange[])[]): StartedLanes {
    // Creations remove nothing, so what was found present stays so (a restore's targets,
    // TPGs and ACLs, looked up again while its LUNs and mapped LUNs are being made).
    const forget = lanes.every((lane) => lane.every(isCreation)) ? (): void => this.forgetMissing() : (): void => this.clear();
    forget();
    const started = this.inner.startLanes(lanes);
    // What was learnt while they were being made may predate them.
    return {
      finish: () => {
        const outcome = started.finish();
        forget();
        return outcome;
      },
    };
  }

  expectLanes(): void {
    this.inner.expectLanes();
  }

  readAhead(trees: readonly string[], leaveOut?: readonly string[]): void {
    this.inner.readAhead(trees, leaveOut);
  }
}

function isCreation(change: ConfigFsChange): boolean {
  return change.op === 'mkdir' || change.op === 'symlink' || change.op === 'write';
}
