import { ConfigFsError } from '../../configfs/index.js';
import { readIfExists } from '../configfs-text.js';
import { inStep } from '../rollback.js';
import { applySteps, type Step } from '../steps.js';
import { linkedDirDeletion } from './link-in.js';
import { DEFAULT_ALUA_GROUP } from '../storage/alua-group.js';
import { parseHbaDir, type StoragePlugin } from '../storage/plugins.js';
import { StorageObject } from '../storage/storage-object.js';
import { validateName } from '../validate/index.js';
import type { MappedLun } from './mapped-lun.js';
import type { Tpg } from './tpg.js';

/** Files the kernel puts in a LUN directory; the one other entry is the link to the storage object. */
export const LUN_FILES: ReadonlySet<string> = new Set(['alua_tg_pt_gp', 'alua_tg_pt_offline', 'alua_tg_pt_status', 'alua_tg_pt_write_md', 'statistics']);

export interface LunInfo {
  readonly index: number;
  /** Name of the link to the storage object (random unless chosen). */
  readonly alias: string | undefined;
  /** configfs path of the storage object; undefined for a LUN without (or with a broken) link. */
  readonly storageObjectPath: string | undefined;
  /** Which storage object it exports (plain data; get the handle with Lun.storageObject()). */
  readonly storageObject: { readonly plugin: StoragePlugin; readonly name: string } | undefined;
  readonly aluaGroup: string | undefined;
}

export interface LunDeleteOptions {
  /** Internal: the caller already removed every mapped LUN (TPG delete). */
  readonly mappedLunsRemoved?: boolean;
}

/** A LUN of a TPG (`tpgt_N/lun/lun_L`). */
export class Lun {
  constructor(
    readonly tpg: Tpg,
    readonly index: number,
  ) {}

  get path(): string {
    return `${this.tpg.path}/lun/lun_${this.index}`;
  }

  /** `iscsi/<wwn>/tpg1/lun0`. */
  get label(): string {
    return `${this.tpg.label}/lun${this.index}`;
  }

  private get fs() {
    return this.tpg.lio.fs;
  }

  exists(): boolean {
    return this.fs.exists(this.path);
  }

  /** The link: [alias, storage object path], or undefined when there is none. */
  link(): { alias: string; target: string } | undefined {
    for (const name of this.fs.list(this.path)) {
      if (LUN_FILES.has(name)) continue;
      try {
        return { alias: name, target: this.fs.readlink(`${this.path}/${name}`) };
      } catch (err) {
        if (err instanceof ConfigFsError) continue; // a file of a newer kernel, not the link
        throw err;
      }
    }
    return undefined;
  }

  alias(): string | undefined {
    return this.link()?.alias;
  }

  storageObject(): StorageObject | undefined {
    return storageObjectAt(this.tpg.lio, this.link()?.target);
  }

  /** The ALUA target port group this LUN belongs to, from `alua_tg_pt_gp`. */
  aluaGroup(): string | undefined {
    const text = readIfExists(this.fs, `${this.path}/alua_tg_pt_gp`);
    const m = text === undefined ? null : /TG Port Alias: (.*)/.exec(text);
    return m?.[1]?.trim() || undefined;
  }

  /** Moves the LUN to another ALUA group of its storage object. */
  setAluaGroup(name: string): void {
    validateName(name, 'ALUA group');
    inStep(`Cannot put LUN ${this.label} in ALUA group ${name}`, () => this.fs.write(`${this.path}/alua_tg_pt_gp`, name), {
      ENODEV: `the storage object has no ALUA group '${name}'; create it first`,
    });
  }

  describe(): LunInfo {
    const link = this.link();
    return {
      index: this.index,
      alias: link?.alias,
      storageObjectPath: link?.target,
      storageObject: storageRef(storageObjectAt(this.tpg.lio, link?.target)),
      aluaGroup: link === undefined ? undefined : (this.aluaGroup() ?? DEFAULT_ALUA_GROUP),
    };
  }

  /** Mapped LUNs of any ACL of the TPG that point at this LUN. */
  mappedLuns(): MappedLun[] {
    const out: MappedLun[] = [];
    for (const acl of this.tpg.nodeAcls()) {
      for (const m of acl.mappedLuns()) if (m.tpgLunIndex() === this.index) out.push(m);
    }
    return out;
  }

  /** Deletes the mapped LUNs that point here, the link, and the LUN. */
  delete(options: LunDeleteOptions = {}): void {
    applySteps(this.fs, this.deletionSteps([], options));
  }

  /** Appends the steps of delete(). */
  deletionSteps(out: Step[] = [], options: LunDeleteOptions = {}): Step[] {
    if (options.mappedLunsRemoved !== true) for (const m of this.mappedLuns()) m.deletionSteps(out);
    return linkedDirDeletion(this.fs, this.path, LUN_FILES, `Cannot delete LUN ${this.label}`, out);
  }
}

/** The storage object a LUN link points at (`core/fileio_3/disk1`), if it is one. */
export function storageObjectAt(lio: Tpg['lio'], target: string | undefined): StorageObject | undefined {
  if (target === undefined) return undefined;
  const parts = target.split('/');
  const hba = parts[1];
  const name = parts[2];
  if (parts.length !== 3 || parts[0] !== 'core' || hba === undefined || name === undefined || !parseHbaDir(hba)) return undefined;
  return new StorageObject(lio, hba, name);
}

function storageRef(so: StorageObject | undefined): LunInfo['storageObject'] {
  return so === undefined ? undefined : { plugin: so.plugin, name: so.name };
}
