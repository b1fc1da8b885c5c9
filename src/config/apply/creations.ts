import type { Creation, LioRoot } from '../../model/index.js';
import type { PlanOperation } from '../plan/operations.js';
import { nodeAcl, storageObject, tpg } from './model-handles.js';

/**
 * Creates the executor hands to configfs side by side when several come in a row: each
 * waits in the kernel (about 16 ms for a LUN under emulation, most of a restore's time)
 * rather than on the CPU, and is a few changes that need nothing but what came before.
 */
export type SideBySideCreate = Extract<PlanOperation, { kind: 'create-lun' | 'create-mapped-lun' }>;

export function isSideBySideCreate(op: PlanOperation): op is SideBySideCreate {
  return op.kind === 'create-lun' || op.kind === 'create-mapped-lun';
}

export function creationOf(lio: LioRoot, op: SideBySideCreate): Creation<unknown> {
  switch (op.kind) {
    case 'create-lun':
      return tpg(lio, op.tpg).lunCreation(storageObject(lio, op.storage), lunOptions(op));
    case 'create-mapped-lun':
      return nodeAcl(lio, op.tpg, op.nodeWwn).mappedLunCreation(op.index, op.tpgLun, mappedLunOptions(op));
  }
}

/** The model's options for a create-lun: the saved alias and group; no duplicate check. */
export function lunOptions(op: Extract<PlanOperation, { kind: 'create-lun' }>) {
  return {
    lun: op.index,
    ...(op.alias === undefined ? {} : { alias: op.alias }),
    ...(op.aluaGroup === undefined ? {} : { aluaGroup: op.aluaGroup }),
    // targetcli's one-LUN-per-object-and-TPG rule is for interactive creates; a file may
    // hold what the kernel allows, and a restore reproduces it.
    checkDuplicate: false,
  };
}

export function mappedLunOptions(op: Extract<PlanOperation, { kind: 'create-mapped-lun' }>) {
  return { writeProtect: op.writeProtect, ...(op.alias === undefined ? {} : { alias: op.alias }) };
}
