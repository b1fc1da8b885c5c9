import { flag, indexAfter, listIfExists } from '../configfs-text.js';
import { ConfigFsError } from '../../configfs/index.js';
import { conflict, notFound } from '../errors.js';
import { atomically, type Rollback } from '../rollback.js';
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

/** Creates mapped LUN `index` → `lun` inside the rollback `rb` (shared by LUN and ACL creates). */
export function addMappedLun(rb: Rollback, acl: NodeAcl, index: number, lun: Lun, writeProtect: boolean, alias?: string): MappedLun {
  const fs = acl.tpg.lio.fs;
  const mapped = new MappedLun(acl, index);
  const name = alias === undefined ? randomAlias(acl.tpg.lio.random) : checkAlias(alias, MAPPED_LUN_FILES);
  rb.mkdir(mapped.path);
  rb.symlink(lun.path, `${mapped.path}/${name}`);
  // Always written: the kernel's default follows the TPG's prod_mode_write_protect.
  fs.write(`${mapped.path}/write_protect`, flag(writeProtect));
  return mapped;
}

/**
 * Exports a storage object: mkdir the LUN, link it (absolute target, through the port) to
 * the object, choose the ALUA group, then map it into ACLs if asked. All or nothing.
 */
export function createLun(tpg: Tpg, so: StorageObject, options: CreateLunOptions): Lun {
  const fs = tpg.lio.fs;
  const index = options.lun === undefined ? lowestFree(tpg.lunIndexes()) : parseLun(options.lun);
  const alias = options.alias === undefined ? randomAlias(tpg.lio.random) : checkAlias(options.alias, LUN_FILES);
  if (options.aluaGroup !== undefined) validateName(options.aluaGroup, 'ALUA group');
  if (options.checkDuplicate !== false) checkNotExported(so, tpg);
  const lun = new Lun(tpg, index);
  return atomically(
    fs,
    `Cannot create LUN ${index} in TPG ${tpg.label} for ${so.label}`,
    (rb) => {
      rb.mkdir(lun.path);
      rb.symlink(so.path, `${lun.path}/${alias}`);
      if (options.aluaGroup !== undefined && options.aluaGroup !== DEFAULT_ALUA_GROUP) {
        fs.write(`${lun.path}/alua_tg_pt_gp`, options.aluaGroup);
      }
      if (options.mapInAcls === true) {
        for (const acl of tpg.nodeAcls()) {
          const used = listIfExists(fs, acl.path)
            .map((n) => indexAfter(n, 'lun_'))
            .filter((n): n is number => n !== undefined);
          addMappedLun(rb, acl, lowestFree(used, index), lun, options.mappedWriteProtect === true);
        }
      }
      return lun;
    },
    {
      EEXIST: `LUN ${index} already exists in TPG ${tpg.label}; choose another number`,
      ENOENT: `storage object ${so.label} does not exist`,
      ENODEV: `${so.label} is not enabled, or the ALUA group '${options.aluaGroup ?? ''}' does not exist`,
    },
  );
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
