import type { LioRoot } from '../../model/index.js';
import type { PlanOperation } from '../plan/operations.js';
import { performStorageOperation } from './storage-steps.js';
import { performTargetOperation } from './target-steps.js';
import { performTpgMemberOperation } from './tpg-member-steps.js';

/**
 * Performs one plan operation through the model. Throws a LioctlError when the kernel or
 * the model refuses; a PartialFailureError when several settings of one operation were
 * refused (the others are written).
 */
export function performOperation(lio: LioRoot, op: PlanOperation): void {
  switch (op.kind) {
    case 'create-storage-object':
    case 'set-storage-identity':
    case 'set-storage-attributes':
    case 'create-alua-group':
    case 'set-alua-group':
    case 'delete-alua-group':
    case 'delete-storage-object':
      return performStorageOperation(lio, op);
    case 'create-target':
    case 'set-target-parameters':
    case 'create-tpg':
    case 'set-tpg-attributes':
    case 'set-tpg-parameters':
    case 'set-tpg-auth':
    case 'set-tpg-enable':
    case 'delete-tpg':
    case 'delete-target':
      return performTargetOperation(lio, op);
    case 'set-discovery-auth':
      return lio.fabric(op.fabric).setDiscoveryAuth({ ...op.credentials, enforce: op.enforce });
    default:
      return performTpgMemberOperation(lio, op);
  }
}
