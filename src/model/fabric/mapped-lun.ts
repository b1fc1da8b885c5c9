import { ConfigFsError } from '../../configfs/index.js';
import { flag, indexAfter, readText } from '../configfs-text.js';
import { inStep } from '../rollback.js';
import { parseBool } from '../validate/index.js';
import { Lun } from './lun.js';
import { applySteps, type Step } from '../steps.js';
import { linkedDirDeletion } from './link-in.js';
import type { NodeAcl } from './node-acl.js';

/** Files the kernel puts in a mapped LUN directory; the other entry is the link. */
export const MAPPED_LUN_FILES: ReadonlySet<string> = new Set(['statistics', 'write_protect']);

export interface MappedLunInfo {
  readonly index: number;
  readonly alias: string | undefined;
  /** The TPG LUN number it points at; undefined when the link is missing. */
  readonly tpgLun: number | undefined;
  readonly writeProtect: boolean;
}

/** A LUN as one initiator sees it (`acls/<wwn>/lun_M` → `lun/lun_L`). */
export class MappedLun {
  constructor(
    readonly acl: NodeAcl,
    readonly index: number,
  ) {}

  get path(): string {
    return `${this.acl.path}/lun_${this.index}`;
  }

  get label(): string {
    return `${this.acl.label}/mapped_lun${this.index}`;
  }

  private get fs() {
    return this.acl.tpg.lio.fs;
  }

  link(): { alias: string; target: string } | undefined {
    for (const name of this.fs.list(this.path)) {
      if (MAPPED_LUN_FILES.has(name)) continue;
      try {
        return { alias: name, target: this.fs.readlink(`${this.path}/${name}`) };
      } catch (err) {
        if (err instanceof ConfigFsError) continue;
        throw err;
      }
    }
    return undefined;
  }

  tpgLunIndex(): number | undefined {
    const target = this.link()?.target;
    return target === undefined ? undefined : indexAfter(target.slice(target.lastIndexOf('/') + 1), 'lun_');
  }

  tpgLun(): Lun | undefined {
    const index = this.tpgLunIndex();
    return index === undefined ? undefined : new Lun(this.acl.tpg, index);
  }

  writeProtect(): boolean {
    return readText(this.fs, `${this.path}/write_protect`) === '1';
  }

  /** Read-only (true) or read-write; accepts true/false, 1/0, yes/no, on/off. */
  setWriteProtect(value: boolean | string | number): void {
    const on = parseBool(value, 'write_protect');
    inStep(`Cannot set write_protect of ${this.label}`, () => this.fs.write(`${this.path}/write_protect`, flag(on)));
  }

  describe(): MappedLunInfo {
    const link = this.link();
    const target = link?.target;
    return {
      index: this.index,
      alias: link?.alias,
      tpgLun: target === undefined ? undefined : indexAfter(target.slice(target.lastIndexOf('/') + 1), 'lun_'),
      writeProtect: this.writeProtect(),
    };
  }

  /** Appends the steps that delete this mapped LUN: its link, then its directory. */
  deletionSteps(out: Step[] = []): Step[] {
    return linkedDirDeletion(this.fs, this.path, MAPPED_LUN_FILES, `Cannot delete mapped LUN ${this.label}`, out);
  }

  delete(): void {
    applySteps(this.fs, this.deletionSteps());
  }
}
