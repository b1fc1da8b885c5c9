import { existsSync } from 'node:fs';
import { homedir, release } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_ROOT, KernelConfigFs, type ConfigFs } from '../configfs/index.js';
import type { DefaultPathChoice } from '../config/index.js';
import { EnvironmentError } from '../errors/index.js';
import { simTcmuHandlers, type TcmuHandlerSource } from '../tcmu/index.js';
import type { GlobalOptions } from './global-options.js';

export interface BackendOptions {
  /** `--sim` (true: the default state file) or `--sim-state FILE` / `--sim=FILE`. */
  readonly sim?: string | boolean;
  /** `--sim-kernel VERSION` or LIOCTL_SIM_KERNEL: the kernel the simulator imitates. */
  readonly simKernel?: string;
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
  /** The simulator's own default saveconfig file: practice never overwrites /etc/target's. */
  readonly defaultSavefile?: () => DefaultPathChoice;
  /** The simulator's tcmu-runner, unless LIOCTL_TCMU_BUS names a bus to ask instead. */
  readonly tcmu?: TcmuHandlerSource;
}

/** What the global options and the environment ask of the backend. */
export function backendOptions(global: GlobalOptions, interactive: boolean): BackendOptions {
  const simKernel = global.simKernel ?? process.env.LIOCTL_SIM_KERNEL;
  return {
    // --sim-kernel asks for the simulator; LIOCTL_SIM_KERNEL only says which one, when it is used.
    ...(global.sim === undefined ? (global.simKernel === undefined ? {} : { sim: true }) : { sim: global.sim }),
    ...(simKernel === undefined ? {} : { simKernel }),
    ...(global.root === undefined ? {} : { root: global.root }),
    interactive,
  };
}

export const DEFAULT_SIM_STATE = join(homedir(), '.lioctl', 'sim-state.json');

/** The simulator (memfs and the kernel fixtures) is loaded only when asked for: start-up matters. */
async function simulator(file: string, simKernel: string | undefined, notice?: string): Promise<OpenedBackend> {
  const { chooseSimKernel, loadSimState, saveSimState } = await import('../configfs/sim/index.js');
  const bus = process.env.LIOCTL_TCMU_BUS;
  const sim = loadSimState(file, chooseSimKernel(simKernel, release()));
  const savefile = join(dirname(file), 'sim-saveconfig.json');
  return {
    fs: sim,
    ...(notice === undefined ? {} : { notice }),
    save: () => saveSimState(file, sim),
    ...(bus === undefined || bus === '' ? { tcmu: simTcmuHandlers } : {}),
    defaultSavefile: () => ({ path: savefile, reason: 'upstream-default', message: `using ${savefile} (the simulator's file)` }),
  };
}

/** Why the kernel's configfs is not there, in the words an admin needs. */
function missingConfigfs(): string {
  if (!existsSync('/sys/kernel/config')) return 'configfs is not mounted at /sys/kernel/config (mount -t configfs none /sys/kernel/config)';
  return `${DEFAULT_ROOT} does not exist: the LIO target module is not loaded (modprobe target_core_mod)`;
}

export async function openBackend(options: BackendOptions): Promise<OpenedBackend> {
  if (options.sim !== undefined && options.sim !== false) {
    return simulator(typeof options.sim === 'string' ? options.sim : DEFAULT_SIM_STATE, options.simKernel);
  }
  if (options.root !== undefined) {
    if (!existsSync(options.root)) throw new EnvironmentError(`--root ${options.root}: no such directory`, { code: 'no-configfs' });
    return { fs: new KernelConfigFs(options.root), save: () => undefined };
  }
  if (existsSync(DEFAULT_ROOT)) return { fs: new KernelConfigFs(DEFAULT_ROOT), save: () => undefined };
  const why = missingConfigfs();
  if (options.interactive) {
    return simulator(DEFAULT_SIM_STATE, options.simKernel, `lioctl: ${why}; using the simulator (state in ${DEFAULT_SIM_STATE}), nothing reaches a kernel`);
  }
  throw new EnvironmentError(`no LIO configfs: ${why}`, { code: 'no-configfs', hint: 'use --sim to work on the simulator instead' });
}
