import trees61 from '../../../fixtures/kernel/6.1/trees.json' with { type: 'json' };
import trees612 from '../../../fixtures/kernel/6.12/trees.json' with { type: 'json' };
import { UsageError } from '../../errors/index.js';
import type { FixtureEntry, TreeFixtures } from './fixture-types.js';
import type { SimKernelChoice } from './state-file.js';

/**
 * One kernel the simulator imitates: the default trees recorded on it
 * (fixtures/kernel/<series>/trees.json), indexed by kind. Re-capturing the fixtures
 * re-shapes the simulator: nothing here is typed by hand.
 */
export class SimKernel {
  private readonly byPath = new Map<string, ReadonlyMap<string, FixtureEntry>>();

  constructor(
    /** "6.12": what `--sim-kernel` and LIOCTL_SIM_KERNEL name. */
    readonly series: string,
    private readonly fixtures: TreeFixtures,
  ) {}

  /** The release the fixtures were captured on, e.g. "6.12.118+deb12-amd64". */
  get release(): string {
    return this.fixtures.kernel;
  }

  template(kind: string): readonly FixtureEntry[] {
    const found = this.fixtures.kinds[kind];
    if (!found) throw new Error(`simulator of ${this.series} has no fixture for '${kind}'`);
    return found.entries;
  }

  templateEntry(kind: string, path: string): FixtureEntry | undefined {
    let index = this.byPath.get(kind);
    if (index === undefined) {
      index = new Map((this.fixtures.kinds[kind]?.entries ?? []).map((e) => [e.path, e]));
      this.byPath.set(kind, index);
    }
    return index.get(path);
  }

  /** Content of one file of a template, or undefined. */
  templateValue(kind: string, path: string): string | undefined {
    return this.templateEntry(kind, path)?.content;
  }
}

/** The kernel series with captured fixtures, oldest first. */
export const SIM_KERNELS = ['6.1', '6.12'] as const;

// The JSON's string fields are wider than the fixture types' unions: the capture wrote them.
const FIXTURES: Readonly<Record<(typeof SIM_KERNELS)[number], TreeFixtures>> = { '6.1': trees61 as TreeFixtures, '6.12': trees612 as TreeFixtures };
const made = new Map<string, SimKernel>();

function isSimKernel(series: string): series is (typeof SIM_KERNELS)[number] {
  return (SIM_KERNELS as readonly string[]).includes(series);
}

/** "6.12.118+deb12-amd64" → "6.12". */
export function kernelSeries(release: string): string {
  return /^(\d+\.\d+)/.exec(release)?.[1] ?? release;
}

/** The simulator of one captured kernel series, or undefined if none was captured. */
export function findSimKernel(series: string): SimKernel | undefined {
  if (!isSimKernel(series)) return undefined;
  let kernel = made.get(series);
  if (kernel === undefined) {
    kernel = new SimKernel(series, FIXTURES[series]);
    made.set(series, kernel);
  }
  return kernel;
}

/** The newest captured kernel: what the simulator imitates unless told otherwise. */
export function newestSimKernel(): SimKernel {
  const newest = findSimKernel(SIM_KERNELS[SIM_KERNELS.length - 1] ?? '6.12');
  if (newest === undefined) throw new Error('no kernel fixtures');
  return newest;
}

/**
 * The kernel the simulator imitates: the one named (`--sim-kernel`, LIOCTL_SIM_KERNEL),
 * else the running kernel's series when it was captured (practise on what the host runs),
 * else the newest captured.
 */
export function chooseSimKernel(named: string | undefined, hostRelease: string): SimKernelChoice {
  if (named !== undefined && named !== '') {
    const kernel = findSimKernel(kernelSeries(named));
    if (kernel === undefined) {
      throw new UsageError(`no simulator of kernel ${named}`, { hint: `lioctl imitates ${SIM_KERNELS.join(' and ')}` });
    }
    return { kernel, explicit: true };
  }
  return { kernel: findSimKernel(kernelSeries(hostRelease)) ?? newestSimKernel(), explicit: false };
}
