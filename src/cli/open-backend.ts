import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ROOT, KernelConfigFs, type ConfigFs } from '../configfs/index.js';
import { EnvironmentError } from '../errors/index.js';

export interface BackendOptions {
  /** `--sim` (true: the default state file) or `--sim-state FILE` / `--sim=FILE`. */
  readonly sim?: string | boolean;
  /** `--root DIR`: another configfs root. */
  readonly root?: string;
  /** Interactive start may fall back to the simulator; one-shot commands never do. */
  readonly interactive: boolean;
}

export interface OpenedBackend {
  readonly fs: ConfigFs;
  /** One line for stderr when the user should know which backend is in use. */
  readonly notice?: string;
  /** Persists simulator state; a no-op on the kernel. */
  save(): void;
}

export const DEFAULT_SIM_STATE = join(homedir(), '.lioctl', 'sim-state.json');

/** The simulator (memfs and the kernel fixtures) is loaded only when asked for: start-up matters. */
async function simulator(file: string, notice?: string): Promise<OpenedBackend> {
  const { loadSimState, saveSimState } = await import('../configfs/sim/index.js');
  const sim = loadSimState(file);
  return { fs: sim, ...(notice === undefined ? {} : { notice }), save: () => saveSimState(file, sim) };
}

/** Why the kernel's configfs is not there, in the words an admin needs. */
function missingConfigfs(): string {
  if (!existsSync('/sys/kernel/config')) return 'configfs is not mounted at /sys/kernel/config (mount -t configfs none /sys/kernel/config)';
  return `${DEFAULT_ROOT} does not exist: the LIO target module is not loaded (modprobe target_core_mod)`;
}

export async function openBackend(options: BackendOptions): Promise<OpenedBackend> {
  if (options.sim !== undefined && options.sim !== false) {
    return simulator(typeof options.sim === 'string' ? options.sim : DEFAULT_SIM_STATE);
  }
  if (options.root !== undefined) {
    if (!existsSync(options.root)) throw new EnvironmentError(`--root ${options.root}: no such directory`, { code: 'no-configfs' });
    return { fs: new KernelConfigFs(options.root), save: () => undefined };
  }
  if (existsSync(DEFAULT_ROOT)) return { fs: new KernelConfigFs(DEFAULT_ROOT), save: () => undefined };
  const why = missingConfigfs();
  if (options.interactive) {
    return simulator(DEFAULT_SIM_STATE, `lioctl: ${why}; using the simulator (state in ${DEFAULT_SIM_STATE}), nothing reaches a kernel`);
  }
  throw new EnvironmentError(`no LIO configfs: ${why}`, { code: 'no-configfs', hint: 'use --sim to work on the simulator instead' });
}
