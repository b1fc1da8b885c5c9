import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvironmentError } from '../../errors/index.js';
import { SimConfigFs, type SimSnapshot } from './sim-configfs.js';
import type { SimKernel } from './sim-kernel.js';

/** Which kernel a simulator imitates, and whether the user named it (then a state file of another kernel is refused). */
export interface SimKernelChoice {
  readonly kernel: SimKernel;
  readonly explicit: boolean;
}

/**
 * Keeps the simulator between invocations (`lioctl --sim-state FILE`): the state is one JSON
 * file, replaced atomically so an interrupted command never leaves it half-written. A
 * state keeps the kernel it was made with, unless the user names another one.
 */
export function loadSimState(file: string, choice?: SimKernelChoice): SimConfigFs {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new SimConfigFs(choice?.kernel); // first use starts empty
    throw new EnvironmentError(`cannot read simulator state ${file}: ${(err as Error).message}`, { code: 'sim-state' });
  }
  let snapshot: SimSnapshot;
  try {
    snapshot = JSON.parse(text) as SimSnapshot;
    if (snapshot.version !== 1) throw new Error(`unknown version ${String(snapshot.version)}`);
  } catch (err) {
    throw unusable(file, err);
  }
  const saved = snapshot.kernel ?? '6.1';
  if (choice?.explicit === true && saved !== choice.kernel.series) {
    throw new EnvironmentError(`simulator state ${file} imitates kernel ${saved}, not ${choice.kernel.series}`, {
      code: 'sim-state',
      hint: `delete ${file} to start an empty simulator of ${choice.kernel.series}, or use another state file`,
    });
  }
  try {
    return SimConfigFs.fromSnapshot(snapshot);
  } catch (err) {
    throw unusable(file, err);
  }
}

function unusable(file: string, err: unknown): EnvironmentError {
  return new EnvironmentError(`simulator state ${file} is not usable: ${(err as Error).message}`, {
    code: 'sim-state',
    hint: `delete ${file} to start from an empty simulator`,
  });
}

export function saveSimState(file: string, sim: SimConfigFs): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(sim.toSnapshot()));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
