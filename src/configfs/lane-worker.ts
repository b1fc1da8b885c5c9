import { existsSync } from 'node:fs';
import type { MessagePort, Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../runtime/lazy-modules.js';
import type { ConfigFsChange } from './port.js';

export interface WorkerOutcome {
  readonly done: number[];
  /** The refused changes and their errno names. */
  readonly failures: Array<{ lane: number; index: number; errno: string }>;
}

/** The worker's program: beside this module in the sources, beside the bundle once built. */
const PROGRAM = new URL('./lane-worker-program.cjs', import.meta.url);

const STARTING = 0;
/** How long a worker may take to start before the batch runs without it. */
const START_TIMEOUT_MS = 60_000;

type Job = { lanes: readonly (readonly ConfigFsChange[])[] } | { trees: readonly string[]; leaveOut: readonly string[] };

/**
 * One worker thread that makes configfs changes for a synchronous caller: the caller
 * blocks on a shared counter while the worker's calls run side by side, then takes the
 * answer from the port without returning to the event loop. It also reads whole subtrees
 * while the caller reads others (readTrees). Jobs start in the order given; the lanes of
 * several may be in flight at once. Made on first use and kept for the process (unref'd,
 * so it never keeps it alive).
 */
export class LaneWorker {
  /** [started, jobs finished], written by the worker. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  /** Undefined when its program is missing (a bundle copied without it): nothing to wait for. */
  private readonly worker: Worker | undefined;
  private posted = 0;
  private received = 0;
  /** Answers received before their job was asked for. */
  private readonly early = new Map<number, unknown>();
  /** Jobs whose answer nobody will ask for. */
  private readonly dropped = new Set<number>();
  /** Set once the worker did not start in time, or had no program to start. */
  private failed = false;

  constructor() {
    const threads = nodeWorkerThreads();
    const { MessageChannel, Worker } = threads;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    if (!existsSync(PROGRAM)) {
      this.failed = true;
      return;
    }
    // It starts while this thread works, on the same CPUs, so it skips what it never uses:
    // its own copy of the environment, stdio piped to this thread's (which would load the
    // stream modules here), closing the file descriptors it leaves open (it leaves none).
    this.worker = new Worker(PROGRAM, {
      env: threads.SHARE_ENV,
      stdout: true,
      stderr: true,
      trackUnmanagedFds: false,
      workerData: { port: port2, signal: this.signal.buffer },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /**
   * Hands the lanes, whose paths are absolute, to the worker once it is up, and returns
   * while it makes them: the job's number, for finishLanes(). Undefined when the worker did
   * not start (the caller then makes the changes itself, and makes no other worker).
   */
  startLanes(lanes: readonly (readonly ConfigFsChange[])[]): number | undefined {
    return this.started() ? this.post({ lanes }) : undefined;
  }

  /** What a startLanes job made, once it is all made. */
  finishLanes(job: number): WorkerOutcome {
    return this.answer(job) as WorkerOutcome; // the worker's own reply, shaped above
  }

  /**
   * Starts reading every listing, file and link under each absolute path, but what a
   * pattern of `leaveOut` matches (see ConfigFs.readAhead), and returns at once, without
   * waiting for the worker to start: the job's number, for takeTrees() or dropTrees().
   */
  readTrees(trees: readonly string[], leaveOut: readonly string[]): number {
    return this.post({ trees, leaveOut });
  }

  /**
   * What a readTrees job read, once it has all been read: NUL-separated records (see the
   * worker's walk). Undefined when the worker did not start (the caller then reads for itself).
   */
  takeTrees(job: number): string | undefined {
    if (!this.started()) return undefined;
    const { text } = this.answer(job) as { readonly text?: unknown }; // the worker's reply, shaped above
    return typeof text === 'string' ? text : undefined;
  }

  /** Says that a readTrees job's answer is not wanted: it is thrown away when it comes. */
  dropTrees(job: number): void {
    if (!this.early.delete(job)) this.dropped.add(job);
  }

  /** Whether the worker is up, waiting for it to start; a worker that never starts is given up. */
  private started(): boolean {
    if (this.failed) return false;
    if (Atomics.load(this.signal, 0) === STARTING && Atomics.wait(this.signal, 0, STARTING, START_TIMEOUT_MS) === 'timed-out') {
      void this.worker?.terminate();
      this.failed = true;
    }
    return !this.failed;
  }

  private post(job: Job): number {
    const number = ++this.posted;
    this.port.postMessage({ ...job, number });
    return number;
  }

  /** The answer to job number `job`, waiting for it (answers come in the order jobs finish). */
  private answer(job: number): unknown {
    const { receiveMessageOnPort } = nodeWorkerThreads();
    while (!this.early.has(job)) {
      // No time limit: a kernel call may wait as long as it must, as it would on this thread.
      const done = Atomics.load(this.signal, 1);
      if (done <= this.received) {
        Atomics.wait(this.signal, 1, done);
        continue;
      }
      const message = receiveMessageOnPort(this.port)?.message as { readonly job: number }; // the worker's reply, shaped above
      this.received++;
      if (!this.dropped.delete(message.job)) this.early.set(message.job, message);
    }
    const reply = this.early.get(job);
    this.early.delete(job);
    return reply;
  }
}
