import { ALUA_TPG_KEYS, DEFAULT_ALUA_GROUP, storageObjectRef, type AluaTpgConfig, type AluaTpgKey, type StorageObjectConfig } from '../schema.js';
import type { PlanBuilder } from './builder.js';
import { byKey, storageId } from './ids.js';
import type { TpgId } from './operations.js';

/** A LUN that exists now and is kept, with the ALUA group the desired document puts it in. */
export interface KeptLun {
  readonly tpg: TpgId;
  readonly index: number;
  /** `/backstores/<plugin>/<name>`. */
  readonly storage: string;
  readonly aluaGroup?: string;
}

function changedSettings(want: AluaTpgConfig, have: AluaTpgConfig | undefined): Array<readonly [AluaTpgKey, number]> {
  const out: Array<readonly [AluaTpgKey, number]> = [];
  for (const key of ALUA_TPG_KEYS) {
    const value = want[key];
    if (value !== undefined && value !== have?.[key]) out.push([key, value]);
  }
  return out;
}

/**
 * ALUA groups of one desired storage object; `have` is the live object, undefined when
 * it is created (or created again). The kernel will not change a group's id once set, so
 * a new id means a new group; the kernel moves its LUNs to the default group when it is
 * removed, so kept LUNs are put back afterwards.
 */
export function planAluaGroups(b: PlanBuilder, so: StorageObjectConfig, have: StorageObjectConfig | undefined, keptLuns: readonly KeptLun[]): void {
  const id = storageId(so);
  const live = byKey(have?.alua_tpgs ?? [], (g) => g.name);
  const wanted = new Set(so.alua_tpgs.map((g) => g.name));
  for (const g of have?.alua_tpgs ?? []) {
    if (g.name !== DEFAULT_ALUA_GROUP && !wanted.has(g.name)) b.add({ kind: 'delete-alua-group', storage: id, name: g.name });
  }
  for (const group of so.alua_tpgs) {
    const current = live.get(group.name);
    if (group.name === DEFAULT_ALUA_GROUP) {
      const settings = changedSettings(group, current);
      if (settings.length > 0) b.add({ kind: 'set-alua-group', storage: id, name: group.name, settings });
      continue;
    }
    if (current !== undefined && current.tg_pt_gp_id === group.tg_pt_gp_id) {
      const settings = changedSettings(group, current);
      if (settings.length > 0) b.add({ kind: 'set-alua-group', storage: id, name: group.name, settings });
      continue;
    }
    if (current !== undefined) {
      const reason = `id changes from ${current.tg_pt_gp_id} to ${group.tg_pt_gp_id}`;
      b.add({ kind: 'delete-alua-group', storage: id, name: group.name, reason });
    }
    b.add({ kind: 'create-alua-group', storage: id, group });
    if (current === undefined) continue;
    const ref = storageObjectRef(so);
    for (const lun of keptLuns) {
      if (lun.storage === ref && lun.aluaGroup === group.name) {
        b.add({ kind: 'set-lun-alua-group', tpg: lun.tpg, index: lun.index, aluaGroup: group.name });
      }
    }
  }
}
