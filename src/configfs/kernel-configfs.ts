import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, readlinkSync, rmdirSync, symlinkSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigFsError } from './configfs-error.js';
import { checkRelative, resolveLinkTarget } from './paths.js';
import { LaneWorker, type WorkerOutcome } from './lane-worker.js';
import { atFinish, finishedLanes, runLanesInTurn } from './lanes-in-turn.js';
import { ReadAhead, type AheadAnswer } from './read-ahead.js';
import type { ConfigFs, ConfigFsChange, ConfigFsOp, EntryStat, LanesOutcome, StartedLanes } from './port.js';

export const DEFAULT_ROOT = '/sys/kernel/config/target';

// A configfs attribute is one page at most and comes whole from the first read(); a read
// that fills the buffer goes on. readFileSync would ask once more to see the end of file,
// which under emulation costs as much as the read itself, thousands of times per restore.
const READ_CHUNK = 16384;
let readBuffer: Buffer | undefined;

function readSmallFile(abs: string): string {
  const fd = openSync(abs, constants.O_RDONLY);
  try {
    const buf = (readBuffer ??= Buffer.allocUnsafe(READ_CHUNK));
    const n = readSync(fd, buf, 0, READ_CHUNK, null);
    if (n < READ_CHUNK) return buf.toString('utf8', 0, n);
    const parts = [Buffer.from(buf)];
    for (let more = n; more > 0; ) {
      const next = Buffer.allocUnsafe(READ_CHUNK);
      more = readSync(fd, next, 0, READ_CHUNK, null);
      parts.push(next.subarray(0, more));
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

// A worker costs about 0.3 s to start under emulation, 20 ms on hardware: worth it for a
// clear's thousands of removals, not for a few, unless it was started ahead (expectLanes).
const CHANGES_FOR_A_WORKER = 256;
// Trees are read ahead on the worker from this many, unless it runs already: a storage
// object's tree is some 60 calls, 256 of them far more than the worker's start costs.
const TREES_FOR_A_WORKER = 256;
/** What a read of whole trees always leaves out: counters nobody saves, as many files as the rest. */
const NOT_READ_AHEAD = ['**/statistics', '**/fabric_statistics'];

/** The value read ahead, or its refusal thrown as the call itself would. */
function answered<V>(answer: AheadAnswer<V>, op: ConfigFsOp, abs: string): V {
  if ('value' in answer) return answer.value;
  throw new ConfigFsError(op, abs, answer.errno);
}

/** The worker's outcome, with each refusal as the error its call would have thrown. */
function lanesOutcome(outcome: WorkerOutcome, absolute: readonly (readonly ConfigFsChange[])[]): LanesOutcome {
  const failures = outcome.failures.map(({ lane, index, errno }) => {
    const change = absolute[lane]?.[index];
    if (change === undefined) throw new Error(`lane worker reported change ${index} of lane ${lane}, which it was not given`);
    return { lane, index, error: new ConfigFsError(change.op, change.path, errno, change.op === 'write' ? change.value : undefined) };
  });
  return { done: outcome.done, failures };
}

/** The real port: node:fs calls on the kernel's configfs (or any directory given as root). */
export class KernelConfigFs implements ConfigFs {
  readonly backend = 'kernel' as const;
  readonly root: string;
  /** Made for the first large batch or by expectLanes; null once it failed to start. */
  private worker: LaneWorker | null | undefined;
  /** Trees being read on the worker (its job number), given up at the first change. */
  private ahead: { job: number; answers: ReadAhead } | undefined;

  constructor(root: string = DEFAULT_ROOT) {
    // Absolute, because link targets are resolved against it.
    this.root = resolve(root);
  }

  private abs(path: string): string {
    const rel = checkRelative(path);
    return rel === '' ? this.root : `${this.root}/${rel}`;
  }

  private run<T>(op: ConfigFsOp, path: string, fn: (abs: string) => T, value?: string): T {
    const abs = this.abs(path);
    try {
      return fn(abs);
    } catch (err) {
      const errno = (err as NodeJS.ErrnoException).code; // node:fs errors carry the errno name
      if (typeof errno === 'string') throw new ConfigFsError(op, abs, errno, value);
      throw err;
    }
  }

  list(path: string): string[] {
    const early = this.ahead?.answers.answer('list', path);
    if (early !== undefined) return answered(early, 'list', this.abs(path));
    return this.run('list', path, (abs) => readdirSync(abs).sort());
  }

  read(path: string): string {
    const early = this.ahead?.answers.answer('read', path);
    if (early !== undefined) return answered(early, 'read', this.abs(path));
    return this.run('read', path, readSmallFile);
  }

  write(path: string, value: string): void {
    this.giveUpAhead();
    this.run(
      'write',
      path,
      (abs) => {
        // No O_CREAT/O_TRUNC: configfs attributes exist or not, and each write() is one store.
        const fd = openSync(abs, constants.O_WRONLY);
        try {
          writeSync(fd, Buffer.from(value));
        } finally {
          closeSync(fd);
        }
      },
      value,
    );
  }

  mkdir(path: string): void {
    this.giveUpAhead();
    this.run('mkdir', path, (abs) => mkdirSync(abs));
  }

  rmdir(path: string): void {
    this.giveUpAhead();
    this.run('rmdir', path, (abs) => rmdirSync(abs));
  }

  symlink(target: string, path: string): void {
    // configfs resolves relative targets against the caller's cwd, so always link absolutely.
    const targetAbs = this.abs(target);
    this.giveUpAhead();
    this.run('symlink', path, (abs) => symlinkSync(targetAbs, abs));
  }

  readlink(path: string): string {
    const early = this.ahead?.answers.answer('readlink', path);
    if (early !== undefined) return answered(early, 'readlink', this.abs(path));
    return this.run('readlink', path, (abs) => {
      const inside = this.linkTarget(abs, readlinkSync(abs));
      if (inside === undefined) throw Object.assign(new Error('link points outside the configfs root'), { code: 'EXDEV' });
      return inside;
    });
  }

  /** A link's target relative to the root; undefined when it points outside. */
  private linkTarget(linkAbs: string, target: string): string | undefined {
    const resolved = resolveLinkTarget(linkAbs.slice(0, linkAbs.lastIndexOf('/')), target);
    if (resolved === this.root) return '';
    return resolved.startsWith(`${this.root}/`) ? resolved.slice(this.root.length + 1) : undefined;
  }

  unlink(path: string): void {
    this.giveUpAhead();
    this.run('unlink', path, (abs) => unlinkSync(abs));
  }

  startLanes(lanes: readonly (readonly ConfigFsChange[])[]): StartedLanes {
    this.giveUpAhead();
    let changes = 0;
    for (const lane of lanes) changes += lane.length;
    if (lanes.length < 2 || this.worker === null || (this.worker === undefined && changes < CHANGES_FOR_A_WORKER)) return finishedLanes(runLanesInTurn(this, lanes));
    // Checked and made absolute here, as the single calls do.
    const absolute = lanes.map((lane) => lane.map((c) => (c.op === 'symlink' ? { ...c, path: this.abs(c.path), target: this.abs(c.target) } : { ...c, path: this.abs(c.path) })));
    const worker = (this.worker ??= new LaneWorker());
    const job = worker.startLanes(absolute);
    if (job === undefined) {
      this.worker = null;
      return finishedLanes(runLanesInTurn(this, lanes));
    }
    return atFinish(() => lanesOutcome(worker.finishLanes(job), absolute));
  }

  expectLanes(): void {
    // Its thread boots while this one goes on; startLanes waits for it to be ready.
    this.worker ??= new LaneWorker();
  }

  readAhead(trees: readonly string[], leaveOut: readonly string[] = []): void {
    this.giveUpAhead();
    if (trees.length === 0 || this.worker === null || (this.worker === undefined && trees.length < TREES_FOR_A_WORKER)) return;
    // Handed over at once: a worker that is still starting reads once it is up.
    const worker = (this.worker ??= new LaneWorker());
    const job = worker.readTrees(trees.map((t) => this.abs(t)), [...NOT_READ_AHEAD, ...leaveOut]);
    const root = `${this.root}/`;
    const answers = new ReadAhead(trees, () => worker.takeTrees(job), {
      relative: (abs) => (abs.startsWith(root) ? abs.slice(root.length) : undefined),
      linkTarget: (abs, target) => this.linkTarget(abs, target),
    });
    this.ahead = { job, answers };
  }

  /** A change may make what was read ahead stale: it is given up, and what is still being read thrown away when it comes. */
  private giveUpAhead(): void {
    if (this.ahead === undefined) return;
    if (!this.ahead.answers.taken) this.worker?.dropTrees(this.ahead.job);
    this.ahead = undefined;
  }

  exists(path: string): boolean {
    return existsSync(this.abs(path)) || this.isLink(path);
  }

  private isLink(path: string): boolean {
    try {
      return lstatSync(this.abs(path)).isSymbolicLink();
    } catch {
      return false;
    }
  }

  stat(path: string): EntryStat {
    return this.run('stat', path, (abs) => {
      const st = lstatSync(abs);
      const kind = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : 'file';
      return { kind, mode: st.mode & 0o7777 };
    });
  }
}
