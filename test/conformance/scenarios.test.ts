import { describe, expect, it } from 'vitest';
import behaviours from '../../fixtures/kernel/behaviours.json' with { type: 'json' };
import type { BehaviourFixtures } from '../../src/configfs/sim/fixture-types.js';
import { BACKEND, freshConfigFs, leftovers } from './backend.js';
import { runAll, runQuietly, runStep } from './run-step.js';
import { SCENARIOS } from './scenarios.js';

// Every scenario's outcomes on this backend must equal what the kernel did when the
// fixtures were captured: on the simulator this proves the simulator, on the kernel it
// proves the fixtures are still current.
const recorded = behaviours as BehaviourFixtures;

describe(`kernel rules (${BACKEND})`, () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => {
      const expected = recorded.scenarios.find((s) => s.name === scenario.name);
      expect(expected, 'scenario missing from fixtures/kernel/behaviours.json: re-run scripts/capture-fixtures').toBeDefined();
      const fs = freshConfigFs();
      runAll(fs, scenario.setup);
      const actual = scenario.probe.map((step) => ({ step: `${step.op} ${step.path} ${step.value ?? step.target ?? ''}`.trim(), ...runStep(fs, step) }));
      runQuietly(fs, scenario.cleanup);
      const want = scenario.probe.map((step, i) => ({ step: `${step.op} ${step.path} ${step.value ?? step.target ?? ''}`.trim(), ...expected?.outcomes[i] }));
      expect(actual).toEqual(want);
      expect(leftovers(fs)).toEqual([]);
    });
  }
});
