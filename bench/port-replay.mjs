#!/usr/bin/env node
// Replays a recorded op list (bench/record-ops.sh) through lioctl's own configfs port,
// KernelConfigFs from the built library: the kernel's calls plus what Node.js and the
// port add to each, without the object model, the document or any output. Between the
// floor (the same calls from C) and the whole command, it shows where the time goes.
// With `node:fs` instead of a library, the calls go through node:fs alone, each the
// cheapest synchronous way: the least any Node.js program making them one at a time costs.
//
//   node bench/port-replay.mjs LIBRARY.mjs|node:fs OPSFILE
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [library, opsFile] = process.argv.slice(2);
if (!library || !opsFile) {
  console.error('usage: port-replay.mjs LIBRARY.mjs|node:fs OPSFILE');
  process.exit(2);
}
// BENCH_ROOT: another root, such as a tree from sim-tree.mjs (profiling on a host).
const ROOT = process.env.BENCH_ROOT ?? '/sys/kernel/config/target';
// As floor.c makes them: one read of up to 16 KiB, lstat (a link is not followed).
const buffer = Buffer.allocUnsafe(16384);
const bare = {
  read: (abs) => {
    const fd = openSync(abs, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, null);
    } finally {
      closeSync(fd);
    }
  },
  list: (abs) => readdirSync(abs),
  readlink: (abs) => readlinkSync(abs),
  stat: (abs) => lstatSync(abs),
};
let ops;
if (library === 'node:fs') {
  ops = bare;
} else {
  const { KernelConfigFs, DEFAULT_ROOT } = await import(pathToFileURL(library).href);
  if (process.env.BENCH_ROOT === undefined && DEFAULT_ROOT !== ROOT) throw new Error(`the library's root is ${DEFAULT_ROOT}`);
  const port = new KernelConfigFs(ROOT);
  // record-ops.sh keeps only paths under the root
  const relative = (abs) => (abs === ROOT ? '' : abs.slice(ROOT.length + 1));
  ops = {
    read: (abs) => port.read(relative(abs)),
    list: (abs) => port.list(relative(abs)),
    readlink: (abs) => port.readlink(relative(abs)),
    stat: (abs) => port.stat(relative(abs)),
  };
}
for (const line of readFileSync(opsFile, 'utf8').split('\n')) {
  const space = line.indexOf(' ');
  if (space < 0) continue;
  const abs = line.slice(space + 1);
  try {
    ops[line.slice(0, space)](abs);
  } catch {
    // a call that failed for lioctl fails here too, at the same cost
  }
}
