import { expect } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import { describeOperation } from '../../../src/config/plan/describe.js';
import { PHASE, type Plan } from '../../../src/config/plan/operations.js';
import { planConfig } from '../../../src/config/plan/plan-config.js';
import { EXPORT_LOCKED } from '../../../src/config/plan/setting-rules.js';
import type { SaveConfig } from '../../../src/config/schema.js';
import { mismatches } from './plan-check.js';
import { apply, stateOf } from './plan-interpreter.js';

export const EMPTY: SaveConfig = { fabric_modules: [], storage_objects: [], targets: [] };

export function doc(value: unknown): SaveConfig {
  return parseConfig(value).config;
}

export function lines(plan: Plan): string[] {
  return plan.operations.map(describeOperation);
}

/**
 * Plans current → desired, runs the plan through the kernel-rule interpreter and checks
 * the result matches desired; returns the plan and the export-locked writes it made.
 */
export function planAndRun(current: SaveConfig, desired: SaveConfig): { plan: Plan; locked: string[] } {
  const plan = planConfig(current, desired);
  const phases = plan.operations.map((op) => PHASE[op.kind]);
  expect(phases).toEqual([...phases].sort((a, b) => a - b));
  const state = stateOf(current);
  const locked: string[] = [];
  for (const op of plan.operations) apply(state, op, locked);
  expect(mismatches(state, desired)).toEqual([]);
  // The plan warns exactly when it writes a setting the kernel refuses on an exported object.
  expect(plan.warnings.length > 0).toBe(locked.some((name) => EXPORT_LOCKED.has(name)));
  return { plan, locked };
}
