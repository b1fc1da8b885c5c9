import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { KernelConfigFs, type ConfigFs } from '../../src/configfs/index.js';
import { SimConfigFs, findSimKernel } from '../../src/configfs/sim/index.js';
import { FILEIO_FILE } from './objects.js';

/** Which backend this run tests: the VM sets LIOCTL_TEST_BACKEND=kernel. */
export const BACKEND = process.env.LIOCTL_TEST_BACKEND === 'kernel' ? 'kernel' : 'simulator';

/** A fresh configfs: a new simulator of that kernel series, or the VM's real one (which must be empty). */
export function freshConfigFs(series: string): ConfigFs {
  if (BACKEND === 'simulator') {
    const kernel = findSimKernel(series);
    if (kernel === undefined) throw new Error(`no simulator of ${series}`);
    return new SimConfigFs(kernel);
  }
  writeFileSync(FILEIO_FILE, Buffer.alloc(0));
  const fs = new KernelConfigFs();
  // A fabric directory another test file left registered (empty) is not an object.
  for (const fabric of ['iscsi', 'loopback', 'vhost']) {
    try {
      fs.rmdir(fabric);
    } catch {
      // absent, or not empty: then the leftovers check below names it
    }
  }
  return fs;
}

/** A block device for iblock: a loop device in the VM, any name on the simulator. */
export function testBlockDevice(): { path: string; release(): void } {
  if (BACKEND === 'simulator') return { path: '/dev/loop7', release: () => undefined };
  execFileSync('truncate', ['-s', '16M', '/tmp/lioctl-conformance-loop.img']);
  const path = execFileSync('losetup', ['-f', '--show', '/tmp/lioctl-conformance-loop.img'], { encoding: 'utf8' }).trim();
  return { path, release: () => execFileSync('losetup', ['-d', path]) };
}

/** What a test must leave behind: no objects, only the kernel's own root entries. */
export function leftovers(fs: ConfigFs): string[] {
  const top = fs.list('').filter((n) => !['core', 'dbroot', 'version'].includes(n));
  const core = fs.list('core').filter((n) => n !== 'alua');
  return [...top, ...core.map((n) => `core/${n}`)];
}
