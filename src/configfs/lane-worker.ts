import type { MessagePort, Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../runtime/lazy-builtins.js';
import type { ConfigFsChange } from './port.js';

export interface WorkerOutcome {
  readonly done: number[];
  /** The refused changes and their errno names. */
  readonly failures: Array<{ lane: number; index: number; errno: string }>;
}

/*
 * The worker's program: each lane is a chain of node:fs callbacks. IN_FLIGHT lanes run at
 * a time, more than libuv has threads so that none waits for work, and few enough that the
 * files lanes hold open for a write stay far below the process's limit. Plain
 * JavaScript in a string, because a worker needs a file or source text and the bundle has
 * no file of its own to point it at; test/unit/configfs/run-lanes.test.ts runs it.
 */
const SOURCE = `'use strict';
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const port = workerData.port;
const signal = new Int32Array(workerData.signal);
function tell(state) { Atomics.store(signal, 0, state); Atomics.notify(signal, 0); }
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
const IN_FLIGHT = 32;
port.on('message', (lanes) => {
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
    if (unfinished === 0) { unfinished = -1; port.postMessage({ done, failures: refused.filter(Boolean) }); tell(2); }
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
tell(1);
`;

const STARTING = 0;
const IDLE = 1;
const FINISHED = 2;
/** How long a worker may take to start before the batch runs without it. */
const START_TIMEOUT_MS = 60_000;

/**
 * One worker thread that makes configfs changes for a synchronous caller: the caller
 * blocks on a shared flag while the worker's calls run side by side, then takes the
 * answer from the port without returning to the event loop. Made on first use and kept
 * for the process (unref'd, so it never keeps it alive).
 */
export class LaneWorker {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;

  constructor() {
    const { MessageChannel, Worker } = nodeWorkerThreads();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(SOURCE, { eval: true, workerData: { port: port2, signal: this.signal.buffer }, transferList: [port2] });
    this.worker.unref();
  }

  /**
   * Runs the lanes, whose paths are absolute; undefined when the worker did not start (the
   * caller then makes the changes itself, and makes no other worker).
   */
  run(lanes: readonly (readonly ConfigFsChange[])[]): WorkerOutcome | undefined {
    if (Atomics.load(this.signal, 0) === STARTING && Atomics.wait(this.signal, 0, STARTING, START_TIMEOUT_MS) === 'timed-out') {
      void this.worker.terminate();
      return undefined;
    }
    Atomics.store(this.signal, 0, IDLE);
    this.port.postMessage(lanes);
    // No time limit: a kernel call may wait as long as it must, as it would on this thread.
    while (Atomics.load(this.signal, 0) !== FINISHED) Atomics.wait(this.signal, 0, IDLE);
    const reply = nodeWorkerThreads().receiveMessageOnPort(this.port);
    return reply?.message as WorkerOutcome | undefined; // the worker's own reply, shaped above
  }
}
