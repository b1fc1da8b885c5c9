import type { LioRoot } from '../../model/index.js';
import type { PlanOperation } from '../plan/operations.js';
import { lunOptions, mappedLunOptions } from './creations.js';
import { nodeAcl, storageObject, tpg } from './model-handles.js';
import { writeSettingsOfKind } from './write-settings.js';

type TpgMemberOperation = Extract<
  PlanOperation,
  {
    kind:
      | 'create-lun'
      | 'set-lun-alua-group'
      | 'create-portal'
      | 'set-portal'
      | 'create-node-acl'
      | 'set-node-acl-attributes'
      | 'set-node-acl-tag'
      | 'set-node-acl-auth'
      | 'create-mapped-lun'
      | 'set-mapped-lun-write-protect';
  }
>;

function setPortal(lio: LioRoot, op: Extract<PlanOperation, { kind: 'set-portal' }>): void {
  const portal = tpg(lio, op.tpg).portal(op.ipAddress, op.port);
  if (op.iser !== undefined && portal.iser() !== op.iser) portal.setIser(op.iser);
  if (op.offload !== undefined && portal.offload() !== op.offload) portal.setOffload(op.offload);
}

function setTag(lio: LioRoot, op: Extract<PlanOperation, { kind: 'set-node-acl-tag' }>): void {
  const acl = nodeAcl(lio, op.tpg, op.nodeWwn);
  const want = op.tag ?? undefined;
  if (acl.tag() !== want) acl.setTag(want);
}

function setWriteProtect(lio: LioRoot, op: Extract<PlanOperation, { kind: 'set-mapped-lun-write-protect' }>): void {
  const mapped = nodeAcl(lio, op.tpg, op.nodeWwn).mappedLun(op.index);
  if (mapped.writeProtect() !== op.writeProtect) mapped.setWriteProtect(op.writeProtect);
}

/** What lives inside a TPG: LUNs, portals, node ACLs and their mapped LUNs. */
export function performTpgMemberOperation(lio: LioRoot, op: TpgMemberOperation, fresh: boolean): void {
  switch (op.kind) {
    case 'create-lun':
      tpg(lio, op.tpg).createLun(storageObject(lio, op.storage), lunOptions(op));
      return;
    case 'set-lun-alua-group': {
      const lun = tpg(lio, op.tpg).lun(op.index);
      if (lun.aluaGroup() !== op.aluaGroup) lun.setAluaGroup(op.aluaGroup);
      return;
    }
    case 'create-portal':
      tpg(lio, op.tpg).createPortal(op.ipAddress, op.port);
      return;
    case 'set-portal':
      return setPortal(lio, op);
    case 'create-node-acl':
      tpg(lio, op.tpg).createNodeAcl(op.nodeWwn);
      return;
    case 'set-node-acl-attributes':
      return writeSettingsOfKind(lio, `${op.tpg.fabric} acl attrib`, nodeAcl(lio, op.tpg, op.nodeWwn).attributes, op.attributes, fresh);
    case 'set-node-acl-tag':
      return setTag(lio, op);
    case 'set-node-acl-auth':
      return nodeAcl(lio, op.tpg, op.nodeWwn).setAuth(op.credentials, fresh ? 'unset' : 'read');
    case 'create-mapped-lun':
      nodeAcl(lio, op.tpg, op.nodeWwn).createMappedLun(op.index, op.tpgLun, mappedLunOptions(op));
      return;
    case 'set-mapped-lun-write-protect':
      return setWriteProtect(lio, op);
  }
}
