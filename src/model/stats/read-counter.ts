import { ConfigFsError, type ConfigFs } from '../../configfs/index.js';
import { NotFoundError } from '../../errors/index.js';
import { KernelRefusedError } from '../errors.js';

const VANISHED: ReadonlySet<string> = new Set(['ENOENT', 'ENODEV', 'ENOTDIR']);

/**
 * A decimal counter file, or undefined when the kernel has no value to give: ENODEV on a
 * LUN without its device, an empty read for session counters without a session, a file
 * an older kernel lacks, or an object that vanished since it was listed.
 */
export function readCounter(fs: ConfigFs, path: string): number | undefined {
  let text: string;
  try {
    text = fs.read(path);
  } catch (err) {
    if (err instanceof ConfigFsError) return undefined;
    throw err;
  }
  const trimmed = text.replace(/[\s\0]+$/, '');
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * Runs a read of one object that may vanish while a sample is taken (another admin deletes
 * a LUN, an initiator logs out): configfs then answers ENOENT or ENODEV mid-walk, and the
 * object is simply left out of this sample.
 */
export function whileItExists<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if ((err instanceof ConfigFsError || err instanceof KernelRefusedError) && VANISHED.has(err.errno)) return undefined;
    // The model says "not found" in its own words when a setting file has gone with its object.
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}
