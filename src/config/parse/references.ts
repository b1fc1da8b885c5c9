import { childPath } from '../json-path.js';
import { DEFAULT_ALUA_GROUP, storageObjectRef, type SaveConfig, type StorageObjectConfig } from '../schema.js';
import type { ParseContext } from './context.js';

/**
 * Checks what LUNs point at: the storage object, and the ALUA group on it. Only for whole
 * documents; a restore limited to targets resolves LUNs against the live objects instead.
 */
export function checkReferences(ctx: ParseContext, doc: Omit<SaveConfig, 'lioctl'>): void {
  const objects = new Map<string, StorageObjectConfig>(doc.storage_objects.map((so) => [storageObjectRef(so), so]));
  doc.targets.forEach((target, ti) => {
    target.tpgs.forEach((tpg, pi) => {
      tpg.luns.forEach((lun, li) => {
        const lunPath = `targets[${ti}].tpgs[${pi}].luns[${li}]`;
        const so = objects.get(lun.storage_object);
        if (so === undefined) {
          ctx.error(childPath(lunPath, 'storage_object'), `no storage object ${lun.storage_object} in storage_objects`);
          return;
        }
        const group = lun.alua_tg_pt_gp_name;
        if (group === undefined || group === null || group === DEFAULT_ALUA_GROUP) return;
        if (!so.alua_tpgs.some((g) => g.name === group)) {
          ctx.error(childPath(lunPath, 'alua_tg_pt_gp_name'), `${lun.storage_object} has no ALUA group '${group}'`);
        }
      });
    });
  });
}
