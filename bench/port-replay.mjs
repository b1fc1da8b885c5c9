#!/usr/bin/env node
// Replays a recorded op list (bench/record-ops.sh) through lioctl's own configfs port,
// KernelConfigFs from the built library: the kernel's calls plus what Node.js and the
// port add to each, without the object model, the document or any output. Between the
// floor (the same calls from C) and the whole command, it shows where the time goes.
//
//   node bench/port-replay.mjs LIBRARY.mjs OPSFILE
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [library, opsFile] = process.argv.slice(2);
if (!library || !opsFile) {
  console.error('usage: port-replay.mjs LIBRARY.mjs OPSFILE');
  process.exit(2);
}
const { KernelConfigFs, DEFAULT_ROOT } = await import(pathToFileURL(library).href);
const port = new KernelConfigFs(DEFAULT_ROOT);
const ops = {
  read: (p) => port.read(p),
  list: (p) => port.list(p),
  readlink: (p) => port.readlink(p),
  stat: (p) => port.stat(p),
};
for (const line of readFileSync(opsFile, 'utf8').split('\n')) {
  const space = line.indexOf(' ');
  if (space < 0) continue;
  const abs = line.slice(space + 1);
  // record-ops.sh keeps only paths under the root
  const path = abs === DEFAULT_ROOT ? '' : abs.slice(DEFAULT_ROOT.length + 1);
  try {
    ops[line.slice(0, space)](path);
  } catch {
    // a call that failed for lioctl fails here too, at the same cost
  }
}
