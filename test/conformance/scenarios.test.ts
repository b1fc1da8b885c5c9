import { describe, expect, it } from 'vitest';
import { BACKEND, freshConfigFs, leftovers } from './backend.js';
import { runAll, runQuietly, runStep } from './run-step.js';
import { SCENARIOS } from './scenarios.js';
import { kernelsUnderTest } from './kernels.js';

// Every scenario's outcomes on this backend must equal what the kernel did when the
// fixtures were captured: on the simulator of each kernel this proves that simulator, on
// the kernel it proves the fixtures are still current.
for (const { series, behaviours: recorded } of kernelsUnderTest()) {
  describe(`kernel rules of ${series} (${BACKEND})`, () => {
    for (const scenario of SCENARIOS) {
      it(scenario.name, () => {
        const expected = recorded.scenarios.find((s) => s.name === scenario.name);
        expect(expected, `scenario missing from fixtures/kernel/${series}/behaviours.json: re-run scripts/capture-fixtures ${series}`).toBeDefined();
        const fs = freshConfigFs(series);
        runAll(fs, scenario.setup);
        const actual = scenario.probe.map((step) => ({ step: `${step.op} ${step.path} ${step.value ?? step.target ?? ''}`.trim(), ...runStep(fs, step) }));
        runQuietly(fs, scenario.cleanup);
        const want = scenario.probe.map((step, i) => ({ step: `${step.op} ${step.path} ${step.value ?? step.target ?? ''}`.trim(), ...expected?.outcomes[i] }));
        expect(actual).toEqual(want);
        expect(leftovers(fs)).toEqual([]);
      });
    }
  });
}
