import { applySteps, type LioRoot, type Step } from '../../model/index.js';
import type { PlanOperation } from '../plan/operations.js';
import { nodeAcl, storageObject, target, tpg } from './model-handles.js';

export type DeleteOperation = Extract<
  PlanOperation,
  {
    kind: 'delete-mapped-lun' | 'delete-lun' | 'delete-node-acl' | 'delete-portal' | 'delete-tpg' | 'delete-target' | 'delete-alua-group' | 'delete-storage-object';
  }
>;

const DELETE_KINDS: ReadonlySet<PlanOperation['kind']> = new Set<DeleteOperation['kind']>([
  'delete-mapped-lun',
  'delete-lun',
  'delete-node-acl',
  'delete-portal',
  'delete-tpg',
  'delete-target',
  'delete-alua-group',
  'delete-storage-object',
]);

export function isDeletion(op: PlanOperation): op is DeleteOperation {
  return DELETE_KINDS.has(op.kind);
}

/** A removal as its configfs changes, read before any is made, and what follows them. */
export interface Deletion {
  readonly steps: Step[];
  readonly after?: () => void;
}

export function deletionOf(lio: LioRoot, op: DeleteOperation): Deletion {
  switch (op.kind) {
    case 'delete-mapped-lun':
      return { steps: nodeAcl(lio, op.tpg, op.nodeWwn).mappedLun(op.index).deletionSteps() };
    case 'delete-lun':
      return { steps: tpg(lio, op.tpg).lun(op.index).deletionSteps() };
    case 'delete-node-acl':
      return { steps: nodeAcl(lio, op.tpg, op.nodeWwn).deletionSteps() };
    case 'delete-portal':
      return { steps: tpg(lio, op.tpg).portal(op.ipAddress, op.port).deletionSteps() };
    case 'delete-tpg':
      return { steps: tpg(lio, op.tpg).deletionSteps() };
    case 'delete-target':
      return { steps: target(lio, op.fabric, op.wwn).deletionSteps() };
    case 'delete-alua-group':
      return { steps: storageObject(lio, op.storage).aluaGroup(op.name).deletionSteps() };
    case 'delete-storage-object': {
      const so = storageObject(lio, op.storage);
      // The plan removes the object's LUNs first; any LUN still there is not the plan's
      // to remove, so the refusal is reported instead.
      return { steps: so.deletionSteps(so.lunsToRemove({ cascade: false })), after: () => so.removeHba() };
    }
  }
}

export function performDeletion(lio: LioRoot, op: DeleteOperation): void {
  const { steps, after } = deletionOf(lio, op);
  applySteps(lio.fs, steps);
  after?.();
}
