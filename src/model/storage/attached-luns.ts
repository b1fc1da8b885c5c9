import { indexAfter } from '../configfs-text.js';
import { fabricByKernelName } from '../fabric/fabric-specs.js';
import { Lun } from '../fabric/lun.js';
import { Target } from '../fabric/target.js';
import { Tpg } from '../fabric/tpg.js';
import type { StorageObject } from './storage-object.js';

/** `iSCSI/<wwn>/tpgt_1/lun_0` → the LUN handle, or undefined for an unknown fabric. */
function lunOfMember(so: StorageObject, member: string): Lun | undefined {
  const parts = member.split('/');
  if (parts.length < 4) return undefined;
  const spec = fabricByKernelName(parts[0] ?? '');
  const tag = indexAfter(parts[parts.length - 2] ?? '', 'tpgt_');
  const index = indexAfter(parts[parts.length - 1] ?? '', 'lun_');
  if (!spec || tag === undefined || index === undefined) return undefined;
  const target = new Target(so.lio.fabric(spec.name), parts.slice(1, -2).join('/'));
  return new Lun(new Tpg(target, tag), index);
}

/** Every LUN of every fabric linking to `so`: the slow way, for when the kernel's lists fall short. */
function scanForLuns(so: StorageObject): Lun[] {
  const out: Lun[] = [];
  for (const fabric of so.lio.fabrics()) {
    for (const target of fabric.targets()) {
      for (const tpg of target.tpgs()) {
        for (const lun of tpg.luns()) if (lun.link()?.target === so.path) out.push(lun);
      }
    }
  }
  return out;
}

/**
 * The LUNs exporting `so`. The kernel keeps the reverse index we need: every LUN is a
 * member of one ALUA group of its device, so a few reads under the device replace a scan
 * of every fabric (what rtslib does). A group's `members` page holds about 40 lines; when
 * the count disagrees with the export count, fall back to the full scan.
 */
export function findAttachedLuns(so: StorageObject): Lun[] {
  const count = so.exportCount();
  if (count === 0) return [];
  const found: Lun[] = [];
  for (const group of so.aluaGroups()) {
    for (const member of group.members()) {
      const lun = lunOfMember(so, member);
      if (lun) found.push(lun);
    }
  }
  return found.length === count ? found : scanForLuns(so);
}
