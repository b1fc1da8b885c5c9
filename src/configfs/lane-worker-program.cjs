// The lane worker's program (src/configfs/lane-worker.ts starts it; the build copies it
// into dist/ beside the bundle). A file of its own rather than source text to evaluate:
// a worker started from a file costs less to start, and it starts while the caller works.
// Each lane is a chain of node:fs callbacks; a read of trees is one synchronous walk,
// answered as one string (a single copy between threads). IN_FLIGHT lanes run at a time,
// more than libuv has threads so that none waits for work, and few enough that the files
// lanes hold open for a write stay far below the process's limit.
// test/unit/configfs/run-lanes.test.ts runs it.
'use strict';
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
// holds). A pattern is its names, and `at` the one the next entry must match; '**' stays
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
