import { ConfigFsError } from '../../configfs/index.js';
import type { LioRoot } from '../../model/index.js';
import { inContext } from '../../model/errors.js';
import type { PlanOperation } from '../plan/operations.js';
import { target, tpg } from './model-handles.js';
import { writeSettings, writeSettingsOfKind } from './write-settings.js';

type TargetOperation = Extract<
  PlanOperation,
  {
    kind:
      | 'create-target'
      | 'set-target-parameters'
      | 'create-tpg'
      | 'set-tpg-attributes'
      | 'set-tpg-parameters'
      | 'set-tpg-auth'
      | 'set-tpg-enable';
  }
>;

/**
 * The model creates single-TPG fabrics' targets (loopback, hardware) together with TPG 1,
 * but a restore creates the TPG as its own operation, with the nexus the file keeps:
 * so the target directory alone is made here, as rtslib's Target() does.
 */
function createTarget(lio: LioRoot, fabricName: string, wwn: string): void {
  const fabric = lio.fabric(fabricName);
  if (fabric.multiTpg) {
    fabric.createTarget({ wwn });
    return;
  }
  fabric.load();
  const dir = `${fabric.path}/${fabric.targetDirName(wwn)}`;
  try {
    lio.fs.mkdir(dir);
  } catch (err) {
    throw err instanceof ConfigFsError ? inContext(`Cannot create ${fabricName} target ${wwn}`, err) : err;
  }
}

function setEnable(lio: LioRoot, op: Extract<PlanOperation, { kind: 'set-tpg-enable' }>): void {
  const handle = tpg(lio, op.tpg);
  if (handle.isEnabled() === op.enable) return;
  if (op.enable) handle.enable();
  else handle.disable();
}

/** Targets and TPGs, with their settings. */
export function performTargetOperation(lio: LioRoot, op: TargetOperation, fresh: boolean): void {
  switch (op.kind) {
    case 'create-target':
      return createTarget(lio, op.fabric, op.wwn);
    case 'set-target-parameters': {
      const t = target(lio, op.fabric, op.wwn);
      return writeSettings(t.parameters, op.parameters, fresh);
    }
    case 'create-tpg':
      target(lio, op.tpg.fabric, op.tpg.wwn).createTpg({ tag: op.tpg.tag, ...(op.nexus === undefined ? {} : { nexus: op.nexus }) });
      return;
    case 'set-tpg-attributes':
      return writeSettingsOfKind(lio, `${op.tpg.fabric} tpg attrib`, tpg(lio, op.tpg).attributes, op.attributes, fresh);
    case 'set-tpg-parameters':
      return writeSettingsOfKind(lio, `${op.tpg.fabric} tpg param`, tpg(lio, op.tpg).parameters, op.parameters, fresh);
    case 'set-tpg-auth':
      return tpg(lio, op.tpg).setAuth(op.credentials, fresh ? 'unset' : 'read');
    case 'set-tpg-enable':
      return setEnable(lio, op);
  }
}
