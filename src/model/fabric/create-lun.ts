import { flag, indexAfter, listIfExists } from '../configfs-text.js';
import { ConfigFsError, type ConfigFsChange } from '../../configfs/index.js';
import { conflict, notFound } from '../errors.js';
import { create, type Creation, type Rollback } from '../rollback.js';
import { DEFAULT_ALUA_GROUP } from '../storage/alua-group.js';
import type { StorageObject } from '../storage/storage-object.js';
import { parseLun, validateName } from '../validate/index.js';
import { Lun, LUN_FILES } from './lun.js';
import { MAPPED_LUN_FILES, MappedLun } from './mapped-lun.js';
import type { NodeAcl } from './node-acl.js';
import { checkAlias, randomAlias } from './random-alias.js';
import type { Tpg } from './tpg.js';

export interface CreateLunOptions {
  /** 0-65535; the lowest free number when omitted. */
  readonly lun?: number;
  /** Name of the link to the storage object; 10 random hex characters when omitted. */
  readonly alias?: string;
  /** ALUA group of the storage object to put the LUN in (default: default_tg_pt_gp). */
  readonly aluaGroup?: string;
  /**
   * Also map the LUN in every ACL of the TPG (targetcli's add_mapped_luns): under the same
   * number when the ACL has it free, else under the ACL's lowest free number.
   */
  readonly mapInAcls?: boolean;
  /** write_protect of the mapped LUNs made by `mapInAcls`. */
  readonly mappedWriteProtect?: boolean;
  /**
   * targetcli refuses to export one storage object twice in a TPG; so does this (default
   * true). Restores of trusted files may skip the check to save reads.
   */
  readonly checkDuplicate?: boolean;
}

function lowestFree(used: readonly number[], preferred = 0): number {
  const set = new Set(used);
  if (!set.has(preferred)) return preferred;
  let n = 0;
  while (set.has(n)) n++;
  return n;
}

/** The changes that make mapped LUN `index` → `lun` (shared by LUN, ACL and mapped LUN creates). */
export function mappedLunChanges(acl: NodeAcl, index: number, lun: Lun, writeProtect: boolean, alias?: string): ConfigFsChange[] {
  const mapped = new MappedLun(acl, index);
  const name = alias === undefined ? randomAlias(acl.tpg.lio.random) : checkAlias(alias, MAPPED_LUN_FILES);
  return [
    { op: 'mkdir', path: mapped.path },
    { op: 'symlink', target: lun.path, path: `${mapped.path}/${name}` },
    // Always written: the kernel's default follows the TPG's prod_mode_write_protect.
    { op: 'write', path: `${mapped.path}/write_protect`, value: flag(writeProtect) },
  ];
}

/** Creates mapped LUN `index` → `lun` inside the rollback `rb`. */
export function addMappedLun(rb: Rollback, acl: NodeAcl, index: number, lun: Lun, writeProtect: boolean, alias?: string): void {
  for (const change of mappedLunChanges(acl, index, lun, writeProtect, alias)) rb.apply(change);
}

/** A LUN's creation without mapping it anywhere: mkdir, the link (absolute target) to the object, its ALUA group. */
export function lunCreation(tpg: Tpg, so: StorageObject, options: Omit<CreateLunOptions, 'mapInAcls' | 'mappedWriteProtect'>): Creation<Lun> {
  const index = options.lun === undefined ? lowestFree(tpg.lunIndexes()) : parseLun(options.lun);
  const alias = options.alias === undefined ? randomAlias(tpg.lio.random) : checkAlias(options.alias, LUN_FILES);
  if (options.aluaGroup !== undefined) validateName(options.aluaGroup, 'ALUA group');
  if (options.checkDuplicate !== false) checkNotExported(so, tpg);
  const lun = new Lun(tpg, index);
  const changes: ConfigFsChange[] = [
    { op: 'mkdir', path: lun.path },
    { op: 'symlink', target: so.path, path: `${lun.path}/${alias}` },
  ];
  if (options.aluaGroup !== undefined && options.aluaGroup !== DEFAULT_ALUA_GROUP) {
    changes.push({ op: 'write', path: `${lun.path}/alua_tg_pt_gp`, value: options.aluaGroup });
  }
  return {
    what: `Cannot create LUN ${index} in TPG ${tpg.label} for ${so.label}`,
    changes,
    hints: {
      EEXIST: `LUN ${index} already exists in TPG ${tpg.label}; choose another number`,
      ENOENT: `storage object ${so.label} does not exist`,
      ENODEV: `${so.label} is not enabled, or the ALUA group '${options.aluaGroup ?? ''}' does not exist`,
    },
    made: lun,
  };
}

/** Exports a storage object (lunCreation), then maps it into ACLs if asked. All or nothing. */
export function createLun(tpg: Tpg, so: StorageObject, options: CreateLunOptions): Lun {
  const fs = tpg.lio.fs;
  const creation = lunCreation(tpg, so, options);
  if (options.mapInAcls !== true) return create(fs, creation);
  const lun = creation.made;
  return create(fs, creation, (rb) => {
    for (const acl of tpg.nodeAcls()) {
      const used = listIfExists(fs, acl.path)
        .map((n) => indexAfter(n, 'lun_'))
        .filter((n): n is number => n !== undefined);
      addMappedLun(rb, acl, lowestFree(used, lun.index), lun, options.mappedWriteProtect === true);
    }
  });
}

/** targetcli's rule: one storage object, one LUN per TPG. Costs one read when unexported. */
function checkNotExported(so: StorageObject, tpg: Tpg): void {
  let count: number;
  try {
    count = so.exportCount();
  } catch (err) {
    if (err instanceof ConfigFsError && err.errno === 'ENOENT') throw notFound(`No storage object ${so.label}`);
    throw err;
  }
  if (count === 0) return;
  const twin = so.attachedLuns().find((l) => l.tpg.path === tpg.path);
  if (twin) throw conflict(`${so.label} is already exported by TPG ${tpg.label} as LUN ${twin.index}`, 'a storage object can be exported once per TPG');
}
