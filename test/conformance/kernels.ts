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

/** "device:fileio:enabled" → ["device", "fileio"]. */
const kindParts = (kind: string): [string, string] => {
  const [what = '', sub = ''] = kind.split(':');
  return [what, sub];
};

/**
 * Attribute and parameter names that some captured kernels have and others lack, per
 * object kind as saveconfig.json groups them (storage attributes, TPG attributes and
 * parameters, ACL attributes, target parameters): what a file saved on one kernel may
 * hold that another kernel leaves out.
 */
export function kernelOnlySettings(): ReadonlySet<string> {
  const perKernel = CAPTURED.map(({ trees }) => {
    const names = new Set<string>();
    for (const [kind, fixture] of Object.entries(trees.kinds)) {
      const [what] = kindParts(kind);
      for (const e of fixture.entries) {
        const m = /^(attrib|param)\/([^/]+)$/.exec(e.path);
        if (m !== null && e.kind === 'file') names.add(`${what} ${m[1]} ${m[2]}`);
      }
    }
    return names;
  });
  const all = new Set(perKernel.flatMap((s) => [...s]));
  return new Set([...all].filter((n) => perKernel.some((s) => !s.has(n))));
}

type Settings = Record<string, unknown> | undefined;
interface SavedDoc {
  storage_objects?: Array<{ attributes?: Settings }>;
  targets?: Array<{ parameters?: Settings; tpgs?: Array<{ attributes?: Settings; parameters?: Settings; node_acls?: Array<{ attributes?: Settings }> }> }>;
}

/** A saveconfig.json document without the settings only some captured kernels have: what must agree across kernels. */
export function withoutKernelOnlySettings(text: string): SavedDoc {
  const only = kernelOnlySettings();
  const strip = (group: Settings, prefix: string): void => {
    for (const name of Object.keys(group ?? {})) if (only.has(`${prefix} ${name}`)) delete group?.[name];
  };
  const doc = JSON.parse(text) as SavedDoc;
  for (const so of doc.storage_objects ?? []) strip(so.attributes, 'device attrib');
  for (const t of doc.targets ?? []) {
    strip(t.parameters, 'target param');
    for (const tpg of t.tpgs ?? []) {
      strip(tpg.attributes, 'tpg attrib');
      strip(tpg.parameters, 'tpg param');
      for (const acl of tpg.node_acls ?? []) strip(acl.attributes, 'acl attrib');
    }
  }
  return doc;
}
