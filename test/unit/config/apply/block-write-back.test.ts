import { describe, expect, it } from 'vitest';
import { executePlan } from '../../../../src/config/apply/index.js';
import { dumpConfig } from '../../../../src/config/dump/index.js';
import { parseConfig, planConfig, planRestore, type SaveConfig } from '../../../../src/config/index.js';
import { LOOP, newLio } from '../../model/helpers.js';

/** A block object as a hand-written file may have it: write_back without the attribute behind it. */
function withBlock(writeBack: boolean): SaveConfig {
  return parseConfig({
    fabric_modules: [],
    storage_objects: [{ name: 'b1', plugin: 'block', dev: LOOP, write_back: writeBack, alua_tpgs: [] }],
    targets: [],
  }).config;
}

describe("a block object's write_back", () => {
  it('does not make apply delete and recreate the object: like rtslib, only emulate_write_cache counts', () => {
    const t = newLio();
    expect(executePlan(t.lio, planRestore(withBlock(true)).operations).failed).toEqual([]);
    expect(planConfig(dumpConfig(t.lio), withBlock(true)).operations).toEqual([]);
    expect(planConfig(dumpConfig(t.lio), withBlock(false)).operations).toEqual([]);
  });
});
