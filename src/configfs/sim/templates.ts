import trees from '../../../fixtures/kernel/trees.json' with { type: 'json' };
import type { FixtureEntry, TreeFixtures } from './fixture-types.js';

/**
 * Default trees recorded from the kernel (fixtures/kernel/trees.json), indexed by kind.
 * Re-capturing the fixtures re-shapes the simulator: nothing here is typed by hand.
 */
const fixtures = trees as TreeFixtures;

export type TemplateKind = keyof typeof trees.kinds;

export function template(kind: string): readonly FixtureEntry[] {
  const found = fixtures.kinds[kind];
  if (!found) throw new Error(`simulator has no fixture for '${kind}'`);
  return found.entries;
}

export function hasTemplate(kind: string): boolean {
  return kind in fixtures.kinds;
}

export function templateEntry(kind: string, path: string): FixtureEntry | undefined {
  return fixtures.kinds[kind]?.entries.find((e) => e.path === path);
}

/** Content of one file of a template, or undefined. */
export function templateValue(kind: string, path: string): string | undefined {
  return fixtures.kinds[kind]?.entries.find((e) => e.path === path)?.content;
}

export const fixtureKernel: string = fixtures.kernel;
