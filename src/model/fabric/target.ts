import { ValidationError } from '../../errors/index.js';
import { settingsGroup, type ConfigGroup } from '../config-group.js';
import { indexAfter, listIfExists } from '../configfs-text.js';
import { notFound } from '../errors.js';
import { applySteps, type Step } from '../steps.js';
import { normalizeWwn, parseTpgTag } from '../validate/index.js';
import type { FabricModule } from './fabric-module.js';
import { createTpg } from './create-tpg.js';
import { Tpg, type CreateTpgOptions } from './tpg.js';

/** A target (`<fabric>/<wwn>`): a handle, reading the kernel only when asked. */
export class Target {
  constructor(
    readonly fabric: FabricModule,
    /** The configfs directory name (fabric form, e.g. `21:00:00:24:ff:67:44:0c` for qla2xxx). */
    readonly dirName: string,
  ) {}

  get path(): string {
    return `${this.fabric.path}/${this.dirName}`;
  }

  /** The normalised WWN (`naa.21000024ff67440c`). */
  get wwn(): string {
    return this.fabric.fromDirName(this.dirName);
  }

  /** `iscsi/iqn.2003-01...`, as messages show it. */
  get label(): string {
    return `${this.fabric.name}/${this.wwn}`;
  }

  get lio() {
    return this.fabric.lio;
  }

  private parameterGroup?: ConfigGroup;

  /** `param/`: rtslib saves and restores it for every node that has one. */
  get parameters(): ConfigGroup {
    return (this.parameterGroup ??= settingsGroup(this.lio, this.path, 'parameter', `target ${this.label}`, `${this.fabric.name} target`));
  }

  exists(): boolean {
    return this.lio.fs.exists(this.path);
  }

  /** False for directories made by other tools whose names are not WWNs of the fabric. */
  hasValidWwn(): boolean {
    try {
      normalizeWwn(this.wwn, this.fabric.spec.wwnTypes, { rewriteLegacyNaa: false });
      return true;
    } catch {
      return false;
    }
  }

  tpgTags(): number[] {
    const tags: number[] = [];
    for (const name of listIfExists(this.lio.fs, this.path)) {
      const tag = indexAfter(name, 'tpgt_');
      if (tag !== undefined) tags.push(tag);
    }
    return tags.sort((a, b) => a - b);
  }

  tpgs(): Tpg[] {
    return this.tpgTags().map((tag) => new Tpg(this, tag));
  }

  findTpg(tag: number): Tpg | undefined {
    const tpg = new Tpg(this, tag);
    return this.lio.fs.exists(tpg.path) ? tpg : undefined;
  }

  tpg(tag: number | string): Tpg {
    const n = parseTpgTag(tag);
    const found = this.findTpg(n);
    if (!found) throw notFound(`No TPG ${n} in ${this.label}`);
    return found;
  }

  /** Checks TPG options against this fabric without touching configfs. */
  checkTpgOptions(options: CreateTpgOptions): void {
    if (options.tag !== undefined) {
      const tag = parseTpgTag(options.tag);
      const max = this.fabric.spec.maxTpgTag;
      if (tag > max) throw new ValidationError(`TPG tag ${tag} is out of range for ${this.fabric.name}; use 1 to ${max}`, { code: 'bad-tag' });
    }
  }

  /** Creates a TPG (lowest free tag from 1 when none is given); all or nothing. */
  createTpg(options: CreateTpgOptions = {}): Tpg {
    this.checkTpgOptions(options);
    return createTpg(this, options);
  }

  /** Deletes every TPG (with everything in them), then the target. */
  delete(): void {
    applySteps(this.lio.fs, this.deletionSteps());
  }

  /** Appends the steps of delete(). */
  deletionSteps(out: Step[] = []): Step[] {
    for (const tpg of this.tpgs()) tpg.deletionSteps(out);
    out.push({ op: 'rmdir', path: this.path, what: `Cannot delete target ${this.label}` });
    return out;
  }
}
