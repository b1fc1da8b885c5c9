import { FABRICS, hasFeature, isFabricName, type FabricSpec } from '../../model/fabric/fabric-specs.js';
import type { SaveConfig, TargetConfig } from '../schema.js';
import type { PlanBuilder } from './builder.js';
import { byKey, nexusOf, tpgId } from './ids.js';
import type { KeptLun } from './plan-alua.js';
import { createTpg, removeTpg, updateTpg, type TpgPlanContext } from './plan-tpg.js';
import { changedParameters } from './setting-rules.js';

const targetKey = (t: Pick<TargetConfig, 'fabric' | 'wwn'>): string => `${t.fabric}/${t.wwn}`;

function specOf(fabric: string): FabricSpec | undefined {
  return isFabricName(fabric) ? FABRICS[fabric] : undefined;
}

/**
 * Targets and everything under them. Returns the live LUNs that survive, which the
 * storage planner needs (their objects stay exported).
 */
export function planTargets(b: PlanBuilder, current: SaveConfig, desired: SaveConfig, replacedStorage: ReadonlyMap<string, string>): KeptLun[] {
  const keptLuns: KeptLun[] = [];
  const wanted = byKey(desired.targets, targetKey);
  const live = byKey(current.targets, targetKey);

  for (const target of current.targets) {
    const spec = specOf(target.fabric);
    if (spec === undefined || wanted.has(targetKey(target))) continue;
    const ctx: TpgPlanContext = { b, spec, replacedStorage, keptLuns };
    for (const tpg of target.tpgs) removeTpg(ctx, tpgId(target.fabric, target.wwn, tpg), tpg);
    b.add({ kind: 'delete-target', fabric: target.fabric, wwn: target.wwn });
  }

  for (const target of desired.targets) {
    const spec = specOf(target.fabric);
    if (spec === undefined) continue;
    const ctx: TpgPlanContext = { b, spec, replacedStorage, keptLuns };
    const have = live.get(targetKey(target));
    if (have === undefined) b.add({ kind: 'create-target', fabric: target.fabric, wwn: target.wwn });
    const parameters = changedParameters(target.parameters, have === undefined ? undefined : (have.parameters ?? {}), b.lacking('parameter', `${target.fabric} target`));
    if (parameters.length > 0) b.add({ kind: 'set-target-parameters', fabric: target.fabric, wwn: target.wwn, parameters });

    const liveTpgs = byKey(have?.tpgs ?? [], (t) => String(t.tag));
    const wantedTags = new Set(target.tpgs.map((t) => t.tag));
    for (const tpg of have?.tpgs ?? []) {
      if (!wantedTags.has(tpg.tag)) removeTpg(ctx, tpgId(target.fabric, target.wwn, tpg), tpg);
    }
    for (const tpg of target.tpgs) {
      const id = tpgId(target.fabric, target.wwn, tpg);
      const nexus = hasFeature(spec, 'nexus') ? nexusOf(desired, id) : undefined;
      const haveTpg = liveTpgs.get(String(tpg.tag));
      const liveNexus = nexusOf(current, id);
      if (haveTpg === undefined) {
        createTpg(ctx, id, tpg, nexus);
      } else if (nexus !== undefined && nexus !== liveNexus) {
        // The kernel drops a nexus only while the TPG exports nothing: rebuild the TPG.
        const reason = liveNexus === undefined ? `it gets the nexus ${nexus}` : `its nexus changes from ${liveNexus} to ${nexus}`;
        removeTpg(ctx, id, haveTpg, reason);
        createTpg(ctx, id, tpg, nexus);
      } else {
        updateTpg(ctx, id, haveTpg, tpg);
      }
    }
  }
  return keptLuns;
}
