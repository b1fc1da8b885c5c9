import { release } from 'node:os';
import behaviours61 from '../../fixtures/kernel/6.1/behaviours.json' with { type: 'json' };
import trees61 from '../../fixtures/kernel/6.1/trees.json' with { type: 'json' };
import behaviours612 from '../../fixtures/kernel/6.12/behaviours.json' with { type: 'json' };
import trees612 from '../../fixtures/kernel/6.12/trees.json' with { type: 'json' };
import type { BehaviourFixtures, TreeFixtures } from '../../src/configfs/sim/fixture-types.js';
import { kernelSeries } from '../../src/configfs/sim/index.js';
import { BACKEND } from './backend.js';

/** One captured kernel: what the conformance suite expects of it. */
export interface CapturedKernel {
  readonly series: string;
  readonly trees: TreeFixtures;
  readonly behaviours: BehaviourFixtures;
}

export const CAPTURED: readonly CapturedKernel[] = [
  { series: '6.1', trees: trees61 as TreeFixtures, behaviours: behaviours61 as BehaviourFixtures },
  { series: '6.12', trees: trees612 as TreeFixtures, behaviours: behaviours612 as BehaviourFixtures },
];

/**
 * The kernels this run checks: on the simulator every captured one (each simulator against
 * its own kernel's record); in the VM the running kernel, whose record must be current.
 */
export function kernelsUnderTest(): readonly CapturedKernel[] {
  if (BACKEND === 'simulator') return CAPTURED;
  const running = kernelSeries(release());
  const found = CAPTURED.find((k) => k.series === running);
  if (found === undefined) throw new Error(`no fixtures for the running kernel ${release()}: run scripts/capture-fixtures ${running}`);
  return [found];
}
