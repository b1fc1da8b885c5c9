#!/usr/bin/env node
// Writes a simulator state (lioctl --sim-state FILE) out as a directory tree that looks
// like configfs to lioctl's kernel port (`--root DIR`): directories, files with what the
// simulator answers for them (computed ones such as a device's `info` included) and
// absolute links. For profiling the kernel port on a host without LIO; on tmpfs there is
// no kernel work behind a call, so what remains is Node.js's and lioctl's own.
//
//   npm run build && node bench/sim-tree.mjs STATE.json DIR
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [stateFile, dirArg] = process.argv.slice(2);
if (!stateFile || !dirArg) {
  console.error('usage: sim-tree.mjs STATE.json DIR');
  process.exit(2);
}
const { SimConfigFs } = await import(resolve(dirname(fileURLToPath(import.meta.url)), '../dist/index.mjs'));
const sim = SimConfigFs.fromSnapshot(JSON.parse(readFileSync(stateFile, 'utf8')));
const dir = resolve(dirArg);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let count = 0;
const copy = (path) => {
  for (const name of sim.list(path)) {
    const rel = path === '' ? name : `${path}/${name}`;
    const abs = `${dir}/${rel}`;
    const { kind, mode } = sim.stat(rel);
    count++;
    if (kind === 'link') symlinkSync(`${dir}/${sim.readlink(rel)}`, abs);
    else if (kind === 'dir') {
      mkdirSync(abs);
      copy(rel);
    } else {
      let text = '';
      try {
        text = sim.read(rel);
      } catch {
        // write-only in the simulator as in the kernel: an empty file
      }
      writeFileSync(abs, text);
      chmodSync(abs, mode);
    }
  }
};
copy('');
console.log(`${count} entries under ${dir}`);
