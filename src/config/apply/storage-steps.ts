import { asLioctlError, NotFoundError, type LioctlError } from '../../errors/index.js';
import { isAluaSetting, type AluaGroup, type AluaSetting, type InquiryIdentity, type LioRoot } from '../../model/index.js';
import type { PlanOperation, StorageId } from '../plan/operations.js';
import { ALUA_TPG_KEYS, type AluaTpgConfig, type StorageObjectExtras } from '../schema.js';
import { backingProblem } from './backing-devices.js';
import { firstOfKind } from './first-of-kind.js';
import { storageObject } from './model-handles.js';
import { storageSpecFromConfig } from './storage-spec-from-config.js';
import { throwRefusals, writeSettings } from './write-settings.js';

type StorageOperation = Extract<
  PlanOperation,
  {
    kind:
      | 'create-storage-object'
      | 'set-storage-identity'
      | 'set-storage-attributes'
      | 'create-alua-group'
      | 'set-alua-group';
  }
>;

function createStorageObject(lio: LioRoot, op: Extract<PlanOperation, { kind: 'create-storage-object' }>): void {
  const problem = backingProblem(lio.host, op.config);
  if (problem !== undefined) throw new NotFoundError(problem);
  // A block object's write_back is not used: rtslib's constructor ignores it too, and its
  // dump derives it from emulate_write_cache, which the attribute operation sets.
  lio.createStorageObject(storageSpecFromConfig(op.config));
}

const IDENTITY_FIELDS: ReadonlyArray<readonly [keyof StorageObjectExtras, keyof InquiryIdentity]> = [
  ['vendor_id', 'vendorId'],
  ['product_id', 'productId'],
  ['revision', 'revision'],
];

function setIdentity(lio: LioRoot, op: Extract<PlanOperation, { kind: 'set-storage-identity' }>): void {
  const so = storageObject(lio, op.storage);
  const live = so.identity();
  const change: { -readonly [K in keyof InquiryIdentity]?: string } = {};
  for (const [file, field] of IDENTITY_FIELDS) {
    const want = op.identity[file];
    if (want !== undefined && want !== live[field]) change[field] = want;
  }
  if (Object.keys(change).length > 0) so.setIdentity(change);
}

type AluaSettings = ReadonlyArray<readonly [AluaSetting, number]>;

function aluaSettingsOf(group: AluaTpgConfig): AluaSettings {
  const out: Array<readonly [AluaSetting, number]> = [];
  for (const key of ALUA_TPG_KEYS) {
    const value = group[key];
    if (value !== undefined && isAluaSetting(key)) out.push([key, value]);
  }
  return out;
}

/**
 * The kernel starts every ALUA group, a storage object's default one included, with the
 * same settings; the first new group read in a run stands for the others. Reading them
 * once per object was an eighth of a restore's calls into configfs. Blind writes are no
 * way out here: writing `alua_access_state` performs a transition even to the same state.
 */
function liveAluaSettings(lio: LioRoot, group: AluaGroup, isNew: boolean): Readonly<Record<AluaSetting, number>> {
  return isNew ? firstOfKind(lio, 'alua group', () => group.settings()) : group.settings();
}

/** Writes the ALUA settings that differ, one by one, keeping every refusal. `isNew`: made in this run. */
function writeAluaSettings(lio: LioRoot, storage: StorageId, name: string, settings: AluaSettings, isNew: boolean): void {
  const group = storageObject(lio, storage).aluaGroup(name);
  const live = liveAluaSettings(lio, group, isNew);
  const refused: LioctlError[] = [];
  for (const [key, value] of settings) {
    if (live[key] === value) continue;
    try {
      group.set({ [key]: value });
    } catch (err) {
      refused.push(asLioctlError(err));
    }
  }
  throwRefusals(refused);
}

/** Storage objects, their identity, attributes and ALUA groups. */
export function performStorageOperation(lio: LioRoot, op: StorageOperation, fresh: boolean): void {
  switch (op.kind) {
    case 'create-storage-object':
      return createStorageObject(lio, op);
    case 'set-storage-identity':
      return setIdentity(lio, op);
    case 'set-storage-attributes':
      return writeSettings(storageObject(lio, op.storage).attributes, op.attributes, fresh);
    case 'create-alua-group':
      // Created with its id alone: a setting the kernel refuses must not cost the group
      // (and with it the LUNs placed in it).
      storageObject(lio, op.storage).createAluaGroup(op.group.name, op.group.tg_pt_gp_id);
      return writeAluaSettings(lio, op.storage, op.group.name, aluaSettingsOf(op.group), true);
    case 'set-alua-group':
      return writeAluaSettings(lio, op.storage, op.name, op.settings.filter((s): s is readonly [AluaSetting, number] => isAluaSetting(s[0])), fresh);
  }
}
