import type { Host } from '../../model/index.js';
import type { PlanOperation } from '../plan/operations.js';
import type { StorageObjectConfig } from '../schema.js';

const HCTL = /^\d+:\d+:\d+:\d+$/;

/**
 * Why a storage object's backing file or device cannot be used, or undefined if it can.
 *
 * A missing fileio file counts as missing, although the kernel would create an empty one
 * (it opens with O_CREAT, so rtslib's restore does): a saved configuration describes
 * existing data, and a restore that runs before the file's filesystem is mounted would
 * otherwise export a fresh empty disk in its place.
 */
export function backingProblem(host: Host, config: StorageObjectConfig): string | undefined {
  switch (config.plugin) {
    case 'fileio': {
      const found = host.stat(config.dev);
      if (found === undefined) return `backing file ${config.dev} does not exist`;
      return found.kind === 'file' || found.kind === 'block' ? undefined : `${config.dev} is not a file or a block device`;
    }
    case 'block':
      if (host.stat(config.dev) === undefined) return `device ${config.dev} does not exist`;
      return host.blockDevice(config.dev) === undefined ? `${config.dev} is not a block device` : undefined;
    case 'pscsi':
      if (HCTL.test(config.dev.trim())) return undefined; // an address: only the kernel can tell
      return host.stat(config.dev) === undefined ? `device ${config.dev} does not exist` : undefined;
    case 'ramdisk':
    case 'user':
      return undefined;
  }
}

/** Every backing problem of the storage objects a plan creates (`block/disk1: ...`), for a check before the first write. */
export function backingProblems(host: Host, operations: readonly PlanOperation[]): string[] {
  const out: string[] = [];
  for (const op of operations) {
    if (op.kind !== 'create-storage-object') continue;
    const problem = backingProblem(host, op.config);
    if (problem !== undefined) out.push(`${op.config.plugin}/${op.config.name}: ${problem}`);
  }
  return out;
}
