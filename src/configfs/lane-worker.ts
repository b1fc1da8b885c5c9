import type { MessagePort, Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../runtime/lazy-modules.js';
import type { ConfigFsChange } from './port.js';

export interface WorkerOutcome {
  readonly done: number[];
  /** The refused changes and their errno names. */
  readonly failures: Array<{ lane: number; index: number; errno: string }>;
}

/*
 * The worker's program: each lane is a chain of node:fs callbacks; a read of trees is one
 * synchronous walk, answered as one string (a single copy between threads). IN_FLIGHT
 * lanes run at a time, more than libuv has threads so that none waits for work, and few
 * enough that the files lanes hold open for a write stay far below the process's limit. Plain
 * JavaScript in a string, because a worker needs a file or source text and the bundle has
 * no file of its own to point it at; test/unit/configfs/run-lanes.test.ts runs it.
 */
const SOURCE = `'use strict';
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const port = workerData.port;
const signal = new Int32Array(workerData.signal);
// signal[0]: 1 once started; signal[1]: jobs finished. Each answer carries the number its job
// came with: lanes of two jobs may be in flight at once and finish in either order.
function started() { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); }
function finished() { Atomics.add(signal, 1, 1); Atomics.notify(signal, 1); }
function apply(c, done) {
  switch (c.op) {
    case 'mkdir': return fs.mkdir(c.path, done);
    case 'rmdir': return fs.rmdir(c.path, done);
    case 'unlink': return fs.unlink(c.path, done);
    case 'symlink': return fs.symlink(c.target, c.path, done);
    case 'write': return fs.open(c.path, fs.constants.O_WRONLY, (err, fd) => {
      if (err) return done(err);
      fs.write(fd, Buffer.from(c.value), (werr) => fs.close(fd, (cerr) => done(werr || cerr)));
    });
    default: return done(Object.assign(new Error('unknown change'), { code: 'EINVAL' }));
  }
}
// A configfs attribute comes whole from one read; a read that fills the buffer goes on.
const chunk = Buffer.allocUnsafe(16384);
function readText(path) {
  const fd = fs.openSync(path, fs.constants.O_RDONLY);
  try {
    const parts = [];
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      parts.push(chunk.toString('utf8', 0, n));
      if (n < chunk.length) return parts.join('');
    }
  } finally {
    fs.closeSync(fd);
  }
}
const code = (err) => (typeof err.code === 'string' ? err.code : 'EIO');
// Every listing, file and link under dir, but what a pattern of leaveOut matches: one
// string, records split by NUL, fields by SOH, a listing's names by '/' (which no name
// holds). A pattern is its names, and \`at\` the one the next entry must match; '**' stays
// active at every depth.
function leftOut(name, active, below) {
  let out = false;
  for (const { names, at } of active) {
    let i = at;
    if (names[i] === '**') {
      below.push({ names, at });
      i++;
    }
    if (names[i] !== '*' && names[i] !== name) continue;
    if (i + 1 === names.length) out = true;
    else below.push({ names, at: i + 1 });
  }
  return out;
}
function walk(dir, active, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.push('E' + dir + '\x01list\x01' + code(err));
    return;
  }
  out.push('D' + dir + '\x01' + entries.map((e) => e.name).join('/'));
  for (const e of entries) {
    const below = [];
    if (leftOut(e.name, active, below)) continue;
    const path = dir + '/' + e.name;
    let record;
    try {
      if (e.isDirectory()) {
        walk(path, below, out);
        continue;
      }
      record = e.isSymbolicLink() ? 'L' + path + '\x01' + fs.readlinkSync(path) : 'F' + path + '\x01' + readText(path);
    } catch (err) {
      record = 'E' + path + '\x01' + (e.isSymbolicLink() ? 'readlink' : 'read') + '\x01' + code(err);
    }
    // Text the record format cannot carry is left to the caller to read itself.
    if (!record.includes('\x00')) out.push(record);
  }
}
const IN_FLIGHT = 32;
port.on('message', (job) => {
  if (job.trees) {
    const out = [];
    const active = job.leaveOut.map((pattern) => ({ names: pattern.split('/'), at: 0 }));
    for (const tree of job.trees) walk(tree, active, out);
    port.postMessage({ job: job.number, text: out.join('\x00') });
    finished();
    return;
  }
  const lanes = job.lanes;
  const done = lanes.map(() => 0);
  const refused = lanes.map(() => undefined);
  let unfinished = lanes.length;
  let started = 0;
  let inFlight = 0;
  const startMore = () => {
    while (inFlight < IN_FLIGHT && started < lanes.length) {
      inFlight++;
      step(started++);
    }
    if (unfinished === 0) { unfinished = -1; port.postMessage({ job: job.number, done, failures: refused.filter(Boolean) }); finished(); }
  };
  const step = (lane) => {
    const changes = lanes[lane];
    if (refused[lane] || done[lane] === changes.length) {
      inFlight--;
      unfinished--;
      return;
    }
    try {
      apply(changes[done[lane]], (err) => {
        if (err) refused[lane] = { lane, index: done[lane], errno: typeof err.code === 'string' ? err.code : 'EIO' };
        else done[lane]++;
        step(lane);
        startMore();
      });
    } catch (err) {
      refused[lane] = { lane, index: done[lane], errno: 'EINVAL' };
      step(lane);
    }
  };
  startMore();
});
started();
`;

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
  private readonly worker: Worker;
  private posted = 0;
  private received = 0;
  /** Answers received before their job was asked for. */
  private readonly early = new Map<number, unknown>();
  /** Jobs whose answer nobody will ask for. */
  private readonly dropped = new Set<number>();
  /** Set once the worker did not start in time. */
  private failed = false;

  constructor() {
    const { MessageChannel, Worker } = nodeWorkerThreads();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(SOURCE, { eval: true, workerData: { port: port2, signal: this.signal.buffer }, transferList: [port2] });
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
      void this.worker.terminate();
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
