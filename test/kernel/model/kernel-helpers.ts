import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import { LioRoot } from '../../../src/model/index.js';
import { leftovers } from '../../conformance/backend.js';

/** The real LIO target; the tests run as root inside the VM. */
export function kernelLio(): LioRoot {
  return LioRoot.open();
}

export function sh(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command that may fail; returns its status and output. */
export function run(cmd: string, args: readonly string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A loop device over a fresh sparse file. */
export function loopDevice(file: string, size = '32M'): { path: string; release(): void } {
  sh('truncate', ['-s', size, file]);
  const path = sh('losetup', ['-f', '--show', file]).trim();
  return { path, release: () => void run('losetup', ['-d', path]) };
}

/** What is left in configfs besides the kernel's own entries. */
export function configfsLeftovers(): string[] {
  return leftovers(new KernelConfigFs());
}

/** Objects left in configfs: registered fabrics without targets are not objects. */
export function objectLeftovers(): string[] {
  const fs = new KernelConfigFs();
  return configfsLeftovers().filter(
    (p) => !['iscsi', 'loopback', 'vhost'].includes(p) || fs.list(p).some((n) => !['discovery_auth', 'lio_version', 'version', 'cpus_allowed_list'].includes(n)),
  );
}

/**
 * Unregisters every fabric directory the tests registered, whichever fabric (a restored
 * file may name tcm_fc or qla2xxx; their modules stay loaded), so the next suite in the
 * same VM finds configfs as the kernel booted it.
 */
export function unregisterFabrics(): void {
  const fs = new KernelConfigFs();
  for (const dir of configfsLeftovers().filter((p) => !p.includes('/'))) fs.rmdir(dir);
}

/** Clears the configuration and the fabric directories, and checks that configfs is as the kernel booted it. */
export function emptyKernel(lio: LioRoot): void {
  lio.clear();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
}

/** The real LIO target for one suite, whose configfs is emptied before it starts and after it ends. */
export function emptyKernelForSuite(): LioRoot {
  const lio = kernelLio();
  beforeAll(() => emptyKernel(lio));
  afterAll(() => emptyKernel(lio));
  return lio;
}

/** The /dev/sdX whose INQUIRY model is `model`, waiting for the kernel to scan it. */
export function diskByModel(model: string, timeoutMs = 60_000): string {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const dev of readdirSync('/sys/block')) {
      const file = `/sys/block/${dev}/device/model`;
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === model && existsSync(`/dev/${dev}`)) return `/dev/${dev}`;
    }
    if (Date.now() > deadline) throw new Error(`no disk with model ${model} appeared`);
    sleep(250);
  }
}

export function noDiskWithModel(model: string): boolean {
  return readdirSync('/sys/block').every((dev) => {
    const file = `/sys/block/${dev}/device/model`;
    return !existsSync(file) || readFileSync(file, 'utf8').trim() !== model;
  });
}

/** Writes `data` at offset 0 of a block device with O_DIRECT, then reads it back the same way. */
export function writeAndReadBack(dev: string, data: Buffer, scratch: string): Buffer {
  const src = `${scratch}.in`;
  const dst = `${scratch}.out`;
  execFileSync('sh', ['-c', `cat > ${src}`], { input: data });
  sh('dd', [`if=${src}`, `of=${dev}`, `bs=${data.length}`, 'count=1', 'oflag=direct', 'conv=fsync', 'status=none']);
  sh('dd', [`if=${dev}`, `of=${dst}`, `bs=${data.length}`, 'count=1', 'iflag=direct', 'status=none']);
  return readFileSync(dst);
}

/** First `n` bytes of a file, read fresh. */
export function head(file: string, n: number): Buffer {
  return readFileSync(file).subarray(0, n);
}
