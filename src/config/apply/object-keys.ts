import type { PlanOperation, StorageId, TpgId } from '../plan/operations.js';

/**
 * Names of the live objects operations create, change or remove, written the way a
 * user reads them, so a key doubles as the object's name in "skipped" messages. The
 * executor uses them to skip the operations that depend on an object that failed.
 */
export type ObjectKey = string;

const tpgName = (t: TpgId): string => `${t.fabric}/${t.wwn}/tpg${t.tag}`;

export const storageKey = (s: StorageId): ObjectKey => `storage object ${s.plugin}/${s.name}`;
export const aluaGroupKey = (s: StorageId, name: string): ObjectKey => `ALUA group ${name} of ${s.plugin}/${s.name}`;
export const targetKey = (fabric: string, wwn: string): ObjectKey => `target ${fabric}/${wwn}`;
export const tpgKey = (t: TpgId): ObjectKey => `TPG ${tpgName(t)}`;
export const lunKey = (t: TpgId, index: number): ObjectKey => `LUN ${index} of ${tpgName(t)}`;
export const portalKey = (t: TpgId, ip: string, port: number): ObjectKey => `portal ${ip}:${port} of ${tpgName(t)}`;
export const aclKey = (t: TpgId, wwn: string): ObjectKey => `ACL ${wwn} of ${tpgName(t)}`;
export const mappedLunKey = (t: TpgId, wwn: string, index: number): ObjectKey => `mapped LUN ${index} of ACL ${wwn} in ${tpgName(t)}`;

/** The object a creating operation brings into being. */
export function createdBy(op: PlanOperation): ObjectKey | undefined {
  switch (op.kind) {
    case 'create-storage-object':
      return storageKey(op.config);
    case 'create-alua-group':
      return aluaGroupKey(op.storage, op.group.name);
    case 'create-target':
      return targetKey(op.fabric, op.wwn);
    case 'create-tpg':
      return tpgKey(op.tpg);
    case 'create-lun':
      return lunKey(op.tpg, op.index);
    case 'create-portal':
      return portalKey(op.tpg, op.ipAddress, op.port);
    case 'create-node-acl':
      return aclKey(op.tpg, op.nodeWwn);
    case 'create-mapped-lun':
      return mappedLunKey(op.tpg, op.nodeWwn, op.index);
    default:
      return undefined;
  }
}

/**
 * The object whose settings an operation writes, where a new object's settings are the
 * kernel's defaults (the executor writes those without reading them first).
 */
export function settingsOf(op: PlanOperation): ObjectKey | undefined {
  switch (op.kind) {
    case 'set-storage-attributes':
    case 'set-alua-group': // a new storage object's ALUA groups are new too
      return storageKey(op.storage);
    case 'set-target-parameters':
      return targetKey(op.fabric, op.wwn);
    case 'set-tpg-attributes':
    case 'set-tpg-parameters':
    case 'set-tpg-auth':
      return tpgKey(op.tpg);
    case 'set-node-acl-attributes':
    case 'set-node-acl-auth':
      return aclKey(op.tpg, op.nodeWwn);
    default:
      return undefined;
  }
}

/** The object a removing operation takes away. */
export function removedBy(op: PlanOperation): ObjectKey | undefined {
  switch (op.kind) {
    case 'delete-mapped-lun':
      return mappedLunKey(op.tpg, op.nodeWwn, op.index);
    case 'delete-lun':
      return lunKey(op.tpg, op.index);
    case 'delete-node-acl':
      return aclKey(op.tpg, op.nodeWwn);
    case 'delete-portal':
      return portalKey(op.tpg, op.ipAddress, op.port);
    case 'delete-tpg':
      return tpgKey(op.tpg);
    case 'delete-target':
      return targetKey(op.fabric, op.wwn);
    case 'delete-alua-group':
      return aluaGroupKey(op.storage, op.name);
    case 'delete-storage-object':
      return storageKey(op.storage);
    default:
      return undefined;
  }
}

/**
 * Objects that must exist for the operation to succeed. A create-lun's ALUA group is
 * left out on purpose: the executor exports the LUN in the default group instead of
 * leaving the initiators without it.
 */
export function neededBy(op: PlanOperation): ObjectKey[] {
  switch (op.kind) {
    case 'set-storage-identity':
    case 'set-storage-attributes':
    case 'create-alua-group':
      return [storageKey(op.storage)];
    case 'set-alua-group':
      return [storageKey(op.storage), aluaGroupKey(op.storage, op.name)];
    case 'set-target-parameters':
      return [targetKey(op.fabric, op.wwn)];
    case 'create-tpg':
      return [targetKey(op.tpg.fabric, op.tpg.wwn)];
    case 'set-tpg-attributes':
    case 'set-tpg-parameters':
    case 'create-portal':
    case 'create-node-acl':
    case 'set-tpg-auth':
    case 'set-tpg-enable':
      return [tpgKey(op.tpg)];
    case 'create-lun':
      return [tpgKey(op.tpg), storageKey(op.storage)];
    case 'set-lun-alua-group':
      return [lunKey(op.tpg, op.index)];
    case 'set-portal':
      return [portalKey(op.tpg, op.ipAddress, op.port)];
    case 'set-node-acl-attributes':
    case 'set-node-acl-tag':
    case 'set-node-acl-auth':
      return [aclKey(op.tpg, op.nodeWwn)];
    case 'create-mapped-lun':
      return [aclKey(op.tpg, op.nodeWwn), lunKey(op.tpg, op.tpgLun)];
    case 'set-mapped-lun-write-protect':
      return [mappedLunKey(op.tpg, op.nodeWwn, op.index)];
    default:
      return [];
  }
}

/**
 * Objects whose removal cannot succeed while this one stays: its parents, and for a LUN
 * the storage object it exports. When a removal fails these are not attempted.
 */
export function holdersOf(op: PlanOperation): ObjectKey[] {
  switch (op.kind) {
    case 'delete-mapped-lun':
      return [aclKey(op.tpg, op.nodeWwn), ...tpgAndTarget(op.tpg)];
    case 'delete-lun':
      // The LUN's storage object is not named by the operation; a stuck LUN makes the
      // object's removal fail on its own, with the kernel's reason.
      return tpgAndTarget(op.tpg);
    case 'delete-node-acl':
    case 'delete-portal':
      return tpgAndTarget(op.tpg);
    case 'delete-tpg':
      return [targetKey(op.tpg.fabric, op.tpg.wwn)];
    case 'delete-alua-group':
      return [storageKey(op.storage)];
    default:
      return [];
  }
}

function tpgAndTarget(t: TpgId): ObjectKey[] {
  return [tpgKey(t), targetKey(t.fabric, t.wwn)];
}
