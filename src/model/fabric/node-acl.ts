import { ValidationError } from '../../errors/index.js';
import { readAuthenticateTarget, readChap, readChapState, writeChap, type ChapChange, type ChapCredentials, type ChapUndo } from '../chap.js';
import { settingsGroup, type ConfigGroup } from '../config-group.js';
import { indexAfter, listIfExists, readIfExists, readText } from '../configfs-text.js';
import { notFound } from '../errors.js';
import { create, inStep, type Creation } from '../rollback.js';
import { applySteps, type Step } from '../steps.js';
import type { Session } from '../session/session.js';
import { aclSession } from '../session/collect-sessions.js';
import { parseBool, parseLun, parseMappedLun, validateTagName } from '../validate/index.js';
import { mappedLunChanges } from './create-lun.js';
import { hasFeature } from './fabric-specs.js';
import type { Lun } from './lun.js';
import { MappedLun } from './mapped-lun.js';
import type { Tpg } from './tpg.js';

export interface CreateMappedLunOptions {
  /** Read-only mapping; accepts booleans and true/false, 1/0, yes/no, on/off. Default false. */
  readonly writeProtect?: boolean | string | number;
  /** Link name; 10 random hex characters when omitted. */
  readonly alias?: string;
}

export interface NodeAclAuth extends ChapCredentials {
  readonly authenticateTarget: boolean;
}

/** A node ACL: one initiator's access to a TPG (`tpgt_N/acls/<initiator>`). */
export class NodeAcl {
  // Made on first use: a restore looks up an ACL for every mapped LUN it makes.
  private attributeGroup?: ConfigGroup;
  private parameterGroup?: ConfigGroup;

  constructor(
    readonly tpg: Tpg,
    /** Directory name (fabric form). */
    readonly dirName: string,
  ) {}

  get attributes(): ConfigGroup {
    return (this.attributeGroup ??= settingsGroup(this.tpg.lio, this.path, 'attribute', `node ACL ${this.label}`, `${this.tpg.fabric.name} acl`));
  }

  /** Read-only: the values negotiated by the live session, if any. */
  get parameters(): ConfigGroup {
    return (this.parameterGroup ??= settingsGroup(this.tpg.lio, this.path, 'parameter', `node ACL ${this.label}`, `${this.tpg.fabric.name} acl`));
  }

  get path(): string {
    return `${this.tpg.path}/acls/${this.dirName}`;
  }

  /** The initiator's normalised WWN. */
  get wwn(): string {
    return this.tpg.fabric.fromDirName(this.dirName);
  }

  get label(): string {
    return `${this.tpg.label}/acls/${this.wwn}`;
  }

  private get fs() {
    return this.tpg.lio.fs;
  }

  exists(): boolean {
    return this.fs.exists(this.path);
  }

  /** The ACL's tag (targetcli groups ACLs by it), or undefined. */
  tag(): string | undefined {
    const text = readIfExists(this.fs, `${this.path}/tag`);
    return text === undefined || text === '' || text.startsWith('NULL') ? undefined : text;
  }

  /** Sets the tag, or clears it with undefined. */
  setTag(tag: string | undefined): void {
    const text = tag === undefined ? 'NULL' : validateTagName(tag);
    inStep(`Cannot set the tag of ${this.label}`, () => this.fs.write(`${this.path}/tag`, text));
  }

  /** Commands the initiator may queue (`cmdsn_depth`). */
  cmdsnDepth(): number | undefined {
    const text = readIfExists(this.fs, `${this.path}/cmdsn_depth`);
    return text === undefined ? undefined : Number(text);
  }

  setCmdsnDepth(depth: number): void {
    if (!Number.isSafeInteger(depth) || depth < 1) {
      throw new ValidationError(`cmdsn_depth ${depth} is not valid; use a whole number >= 1`, { code: 'bad-value' });
    }
    inStep(`Cannot set cmdsn_depth of ${this.label}`, () => this.fs.write(`${this.path}/cmdsn_depth`, String(depth)));
  }

  // ---- CHAP ---------------------------------------------------------------------------------

  private requireAuth(): string {
    if (!hasFeature(this.tpg.fabric.spec, 'auth')) throw notFound(`The ${this.tpg.fabric.name} fabric has no CHAP authentication`);
    return `${this.path}/auth`;
  }

  /** CHAP as an `ls` summary shows it (fewer reads than auth()). */
  authState(): { readonly oneWay: boolean; readonly mutual: boolean } {
    return readChapState(this.fs, this.requireAuth());
  }

  auth(): NodeAclAuth {
    return { ...this.credentials(), authenticateTarget: readAuthenticateTarget(this.fs, this.requireAuth()) };
  }

  /** The four CHAP credentials alone, as a save writes them (four reads, not five). */
  credentials(): ChapCredentials {
    return readChap(this.fs, this.requireAuth());
  }

  /** Changes this initiator's CHAP credentials ('' unsets a field); all applied or none. */
  setAuth(change: ChapChange, undo: ChapUndo = 'read'): void {
    writeChap(this.fs, this.requireAuth(), change, `node ACL ${this.label}`, undo);
  }

  // ---- mapped LUNs --------------------------------------------------------------------------

  mappedLunIndexes(): number[] {
    const out: number[] = [];
    for (const name of listIfExists(this.fs, this.path)) {
      const n = indexAfter(name, 'lun_');
      if (n !== undefined) out.push(n);
    }
    return out.sort((a, b) => a - b);
  }

  mappedLuns(): MappedLun[] {
    return this.mappedLunIndexes().map((i) => new MappedLun(this, i));
  }

  findMappedLun(index: number): MappedLun | undefined {
    const m = new MappedLun(this, index);
    return this.fs.exists(m.path) ? m : undefined;
  }

  mappedLun(index: number | string): MappedLun {
    const n = parseMappedLun(index);
    const found = this.findMappedLun(n);
    if (!found) throw notFound(`No mapped LUN ${n} in ${this.label}`);
    return found;
  }

  /** Maps TPG LUN `tpgLun` (a Lun or its number) as this initiator's LUN `index`; all or nothing. */
  createMappedLun(index: number | string, tpgLun: Lun | number | string, options: CreateMappedLunOptions = {}): MappedLun {
    return create(this.fs, this.mappedLunCreation(index, tpgLun, options));
  }

  /** createMappedLun read into its changes, none made yet. */
  mappedLunCreation(index: number | string, tpgLun: Lun | number | string, options: CreateMappedLunOptions = {}): Creation<MappedLun> {
    const n = parseMappedLun(index);
    const lun = typeof tpgLun === 'object' ? tpgLun : this.tpg.lun(parseLun(tpgLun));
    if (lun.tpg.path !== this.tpg.path) {
      throw new ValidationError(`LUN ${lun.label} is not in TPG ${this.tpg.label}; a mapped LUN can only point into its own TPG`, { code: 'bad-lun' });
    }
    const writeProtect = options.writeProtect === undefined ? false : parseBool(options.writeProtect, 'write_protect');
    return {
      what: `Cannot map LUN ${lun.index} as mapped LUN ${n} of ${this.label}`,
      changes: mappedLunChanges(this, n, lun, writeProtect, options.alias),
      hints: { EEXIST: `mapped LUN ${n} already exists in ${this.label}`, ENOENT: `LUN ${lun.index} does not exist in TPG ${this.tpg.label}` },
      made: new MappedLun(this, n),
    };
  }

  // ---- session and deletion -----------------------------------------------------------------

  /** The initiator's live session through this ACL, if logged in (iSCSI). */
  session(): Session | undefined {
    return aclSession(this);
  }

  /** Raw `info` text of the ACL (iSCSI), or undefined on fabrics without it. */
  infoText(): string | undefined {
    try {
      return readText(this.fs, `${this.path}/info`);
    } catch {
      return undefined;
    }
  }

  /** Deletes the mapped LUNs, then the ACL (logging the initiator out). */
  delete(): void {
    applySteps(this.fs, this.deletionSteps());
  }

  /** Appends the steps of delete(): every mapped LUN, then the ACL. */
  deletionSteps(out: Step[] = []): Step[] {
    for (const m of this.mappedLuns()) m.deletionSteps(out);
    out.push({ op: 'rmdir', path: this.path, what: `Cannot delete node ACL ${this.label}` });
    return out;
  }
}
