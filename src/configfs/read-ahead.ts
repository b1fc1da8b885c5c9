const SLASH = 0x2f;

/** The calls whose answers a read of whole trees holds. */
export type AheadOp = 'list' | 'read' | 'readlink';

/** A call's answer read ahead: its value, or the errno it failed with. */
export type AheadAnswer<V> = { readonly value: V } | { readonly errno: string };

interface Answers {
  readonly list: Map<string, AheadAnswer<string[]>>;
  readonly read: Map<string, AheadAnswer<string>>;
  readonly readlink: Map<string, AheadAnswer<string>>;
}

/** How a port turns what the worker read (absolute paths, raw link targets) into its own answers. */
export interface AheadPaths {
  /** The path relative to the root, or undefined when outside it. */
  relative(abs: string): string | undefined;
  /** A link's target relative to the root, as readlink answers; undefined when the port must ask itself. */
  linkTarget(linkAbs: string, target: string): string | undefined;
}

/**
 * Subtrees being read on another thread (LaneWorker.readTrees) for calls this thread makes
 * later. A call inside one of them waits for the whole read, once, and is then answered
 * from it; each answer is given once, as a later call may come after a change.
 */
export class ReadAhead {
  private readonly trees: ReadonlySet<string>;
  /** The first name of every tree's path: most calls are decided on that alone. */
  private readonly tops: readonly string[];
  /** How many names the trees' paths have (`core/rd_mcp_0/rd0` three): the prefixes worth looking up. */
  private readonly depths: readonly number[];
  private answers: Answers | undefined;

  constructor(
    trees: readonly string[],
    private readonly take: () => string | undefined,
    private readonly paths: AheadPaths,
  ) {
    this.trees = new Set(trees);
    this.tops = [...new Set(trees.map((t) => t.split('/', 1)[0] ?? ''))];
    this.depths = [...new Set(trees.map((t) => t.split('/').length))].sort((a, b) => a - b);
  }

  /** Whether its answers were taken: until then, the read it waits for may be given up. */
  get taken(): boolean {
    return this.answers !== undefined;
  }

  /** The answer to `op` on `path` if it was read ahead; undefined when the caller must ask. */
  answer(op: 'list', path: string): AheadAnswer<string[]> | undefined;
  answer(op: 'read' | 'readlink', path: string): AheadAnswer<string> | undefined;
  answer(op: AheadOp, path: string): AheadAnswer<string | string[]> | undefined {
    if (!this.within(path)) return undefined;
    const answers = (this.answers ??= this.parse(this.take()));
    const kind: Map<string, AheadAnswer<string | string[]>> = answers[op];
    const found = kind.get(path);
    if (found !== undefined) kind.delete(path);
    return found;
  }

  private within(path: string): boolean {
    // Checked on every call the caller makes, most of them elsewhere: no string is made here.
    if (!this.tops.some((top) => path.startsWith(top) && (path.length === top.length || path.charCodeAt(top.length) === SLASH))) return false;
    let end = path.indexOf('/');
    let names = 1;
    for (const depth of this.depths) {
      for (; names < depth && end >= 0; names++) end = path.indexOf('/', end + 1);
      if (names < depth) return false;
      if (this.trees.has(end < 0 ? path : path.slice(0, end))) return true;
    }
    return false;
  }

  /** The worker's records (lane-worker.ts, `walk`): kind letter, path, SOH, value; NUL between records. */
  private parse(text: string | undefined): Answers {
    const answers: Answers = { list: new Map(), read: new Map(), readlink: new Map() };
    if (text === undefined || text === '') return answers;
    for (const record of text.split('\x00')) {
      const sep = record.indexOf('\x01');
      const abs = record.slice(1, sep);
      const path = this.paths.relative(abs);
      if (sep < 0 || path === undefined) continue;
      const value = record.slice(sep + 1);
      switch (record[0]) {
        case 'D':
          answers.list.set(path, { value: value === '' ? [] : value.split('/').sort() });
          break;
        case 'F':
          answers.read.set(path, { value });
          break;
        case 'L': {
          const target = this.paths.linkTarget(abs, value);
          if (target !== undefined) answers.readlink.set(path, { value: target });
          break;
        }
        case 'E': {
          const [op, errno] = value.split('\x01');
          if ((op === 'list' || op === 'read' || op === 'readlink') && errno !== undefined) answers[op].set(path, { errno });
          break;
        }
      }
    }
    return answers;
  }
}
