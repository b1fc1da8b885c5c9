import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvironmentError } from '../../errors/index.js';
import { SimConfigFs, type SimSnapshot } from './sim-configfs.js';

/**
 * Keeps the simulator between invocations (`lioctl --sim-state FILE`): the state is one JSON
 * file, replaced atomically so an interrupted command never leaves it half-written.
 */
export function loadSimState(file: string): SimConfigFs {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new SimConfigFs(); // first use starts empty
    throw new EnvironmentError(`cannot read simulator state ${file}: ${(err as Error).message}`, { code: 'sim-state' });
  }
  try {
    const snapshot = JSON.parse(text) as SimSnapshot;
    if (snapshot.version !== 1) throw new Error(`unknown version ${String(snapshot.version)}`);
    return SimConfigFs.fromSnapshot(snapshot);
  } catch (err) {
    throw new EnvironmentError(`simulator state ${file} is not usable: ${(err as Error).message}`, {
      code: 'sim-state',
      hint: `delete ${file} to start from an empty simulator`,
    });
  }
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
