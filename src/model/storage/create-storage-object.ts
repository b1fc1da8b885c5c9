import { EnvironmentError, ValidationError } from '../../errors/index.js';
import { settingText, type SettingValue } from '../config-group.js';
import { flag } from '../configfs-text.js';
import { conflict } from '../errors.js';
import type { LioRoot } from '../lio-root.js';
import { atomically, type Rollback } from '../rollback.js';
import { generateSerial, parseAluaGroupId, validateName } from '../validate/index.js';
import { checkAluaSettings } from './alua-group.js';
import type { StorageObjectSpec } from './storage-spec.js';
import { checkIdentity, StorageObject } from './storage-object.js';
import { planBackend, type BackendPlan } from './plan-backend.js';

const SERIAL_MAX = 254;

function checkSerial(wwn: string): string {
  const text = wwn.trim();
  if (text === '' || text.length > SERIAL_MAX || !/^[!-~]+$/.test(text)) {
    throw new ValidationError(`Unit serial '${wwn}' is not valid; use 1 to ${SERIAL_MAX} printable ASCII characters without spaces (a UUID is usual)`, {
      code: 'bad-wwn',
    });
  }
  return text;
}

/** block_size first: the kernel checks other limits (optimal_sectors, ...) against it. */
function attributeOrder(attributes: Readonly<Record<string, SettingValue>>): Array<[string, SettingValue]> {
  const entries = Object.entries(attributes);
  return [...entries.filter(([n]) => n === 'block_size'), ...entries.filter(([n]) => n !== 'block_size')];
}

function checkAluaSpecs(spec: StorageObjectSpec): void {
  const names = new Set<string>();
  for (const g of spec.aluaGroups ?? []) {
    validateName(g.name, 'ALUA group');
    parseAluaGroupId(g.id);
    if (names.has(g.name)) throw new ValidationError(`ALUA group ${g.name} is listed twice`, { code: 'bad-name' });
    names.add(g.name);
    checkAluaSettings(g.settings ?? {});
  }
}

const REFUSALS = {
  EINVAL: 'the kernel refused a value; check the device or file, size and attribute values',
  EBUSY: 'the device is in use (mounted, or claimed by another storage object)',
  ENOENT: 'the device or file does not exist, or the kernel lacks this backend',
};

/** A user object's enable is answered by tcmu-runner's handler, which opens its cfgstring then. */
function userRefusals(handler: string): Record<string, string> {
  const why = `tcmu-runner's ${handler} handler could not open the device; check the cfgstring (tcmu-runner's log says why)`;
  return { ...REFUSALS, EINVAL: why, ENOENT: why, EIO: why };
}

/**
 * Creates a storage object in the kernel's order: HBA and object directories, control
 * strings, udev_path, enable, unit serial, identity, attributes and ALUA groups, so that
 * everything the kernel freezes on export is set before any LUN can link to it. Every
 * input is checked before the first configfs write; a refusal at any step removes what
 * was made (including a backing file this call created).
 */
export function createStorageObject(lio: LioRoot, spec: StorageObjectSpec): StorageObject {
  validateName(spec.name);
  const identity = checkIdentity(spec.identity ?? {});
  const attributes = attributeOrder(spec.attributes ?? {});
  for (const [name, value] of attributes) settingText('attribute', name, value);
  checkAluaSpecs(spec);
  const serial = spec.plugin === 'pscsi' ? undefined : checkSerial(spec.wwn ?? generateSerial(lio.random));
  const plan: BackendPlan = planBackend(lio.host, spec, spec.plugin === 'block' && spec.exclusive === false ? lio.kernelRelease() : undefined);
  if (lio.storageRegistry.locate(spec.plugin, spec.name, false) !== undefined) {
    throw conflict(`Storage object ${spec.plugin}/${spec.name} already exists`, 'choose another name, or delete the existing object');
  }
  const fs = lio.fs;
  const label = `${spec.plugin}/${spec.name}`;
  const so = atomically(
    fs,
    `Cannot create storage object ${label}`,
    (rb: Rollback) => {
      if (plan.createFile) {
        const { path, size, sparse } = plan.createFile;
        try {
          lio.host.createFile(path, size, sparse);
        } catch (err) {
          throw new EnvironmentError(`Cannot create backing file ${path}: ${err instanceof Error ? err.message : String(err)}`, {
            code: 'backing-file',
            cause: err,
          });
        }
        rb.onUndo(path, () => lio.host.removeFile(path));
      }
      const hba = lio.storageRegistry.allocateHba(spec.plugin, (p) => rb.mkdir(p));
      const created = new StorageObject(lio, hba, spec.name);
      const at = created.path;
      rb.mkdir(at);
      for (const step of plan.steps) fs.write(`${at}/${step.file}`, step.value);
      fs.write(`${at}/enable`, flag(true));
      if (serial !== undefined) fs.write(`${at}/wwn/vpd_unit_serial`, serial);
      for (const [file, value] of identity) fs.write(`${at}/wwn/${file}`, value);
      for (const [name, value] of attributes) created.attributes.set(name, value);
      for (const g of spec.aluaGroups ?? []) {
        rb.mkdir(`${at}/alua/${g.name}`);
        fs.write(`${at}/alua/${g.name}/tg_pt_gp_id`, String(g.id));
        for (const [key, value] of Object.entries(g.settings ?? {})) fs.write(`${at}/alua/${g.name}/${key}`, String(value));
      }
      return created;
    },
    spec.plugin === 'user' ? userRefusals(spec.handler) : REFUSALS,
  );
  lio.storageRegistry.added(spec.plugin, spec.name, so.hba);
  return so;
}
