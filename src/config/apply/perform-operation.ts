import type { LioRoot } from '../../model/index.js';
import type { PlanOperation } from '../plan/operations.js';
import { isDeletion, performDeletion } from './deletions.js';
import { performStorageOperation } from './storage-steps.js';
import { performTargetOperation } from './target-steps.js';
import { performTpgMemberOperation } from './tpg-member-steps.js';

/**
 * Performs one plan operation through the model. Throws a LioctlError when the kernel or
 * the model refuses; a PartialFailureError when several settings of one operation were
 * refused (the others are written). `fresh`: the object whose settings the operation
 * writes was created earlier in this run, so it holds the kernel's defaults.
 */
export function performOperation(lio: LioRoot, op: PlanOperation, fresh = false): void {
  if (isDeletion(op)) return performDeletion(lio, op);
  switch (op.kind) {
    case 'create-storage-object':
    case 'set-storage-identity':
    case 'set-storage-attributes':
    case 'create-alua-group':
    case 'set-alua-group':
      return performStorageOperation(lio, op, fresh);
    case 'create-target':
    case 'set-target-parameters':
    case 'create-tpg':
    case 'set-tpg-attributes':
    case 'set-tpg-parameters':
    case 'set-tpg-auth':
    case 'set-tpg-enable':
      return performTargetOperation(lio, op, fresh);
    case 'set-discovery-auth':
      return lio.fabric(op.fabric).setDiscoveryAuth({ ...op.credentials, enforce: op.enforce });
    default:
      return performTpgMemberOperation(lio, op, fresh);
  }
}
