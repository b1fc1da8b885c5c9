import { ConfigFsError } from '../../configfs/index.js';
import { ValidationError } from '../../errors/index.js';
import { readAuthenticateTarget, readChap, writeChap, type ChapChange, type ChapCredentials, type ChapUndo } from '../chap.js';
import { settingsGroup, type ConfigGroup, type SettingValue } from '../config-group.js';
import { flag, indexAfter, listIfExists, readIfExists, readText } from '../configfs-text.js';
import { notFound } from '../errors.js';
import type { Creation } from '../rollback.js';
import { applySteps, type Step } from '../steps.js';
import type { Session } from '../session/session.js';
import { tpgSessions } from '../session/collect-sessions.js';
import type { StorageObject } from '../storage/storage-object.js';
import { isWildcardAddress, parseLun, parsePortalAddress, parsePortalPort, portalDirName, normalizeWwn, toFabricWwn } from '../validate/index.js';
import { createLun, lunCreation, type CreateLunOptions } from './create-lun.js';
import { createNodeAcl, type CreateNodeAclOptions } from './create-node-acl.js';
import { createPortal, type CreatePortalOptions } from './create-portal.js';
import { hasFeature } from './fabric-specs.js';
import { Lun } from './lun.js';
import { NodeAcl } from './node-acl.js';
import { Portal } from './portal.js';
import type { Target } from './target.js';

export interface CreateTpgOptions {
  /** 1-65535 (loopback: 1-31); lowest free tag from 1 when omitted. */
  readonly tag?: number;
  /** Write enable=1 last, once everything else is set (default false, as rtslib). */
  readonly enable?: boolean;
  /** Nexus fabrics (loopback, vhost): the initiator-side WWN; generated when omitted. */
  readonly nexus?: string;
  /**
   * `attrib/` values. On iSCSI `authentication` defaults to 0 as rtslib sets it (the kernel's
   * own default is 1, which would demand CHAP before any credentials exist).
   */
  readonly attributes?: Readonly<Record<string, SettingValue>>;
  /** iSCSI `param/` values (`Key=Value` negotiation defaults), e.g. `{ TargetAlias: 'x' }`. */
  readonly parameters?: Readonly<Record<string, SettingValue>>;
  /** TPG-wide CHAP credentials (used with generate_node_acls=1). */
  readonly auth?: ChapChange;
}

/** Demo mode: initiators without an ACL get in (and see every LUN) when generate_node_acls=1. */
export interface DemoMode {
  readonly generateNodeAcls: boolean;
  readonly cacheDynamicAcls: boolean;
  /** Demo-mode initiators get read-only access. */
  readonly writeProtect: boolean;
}

export interface TpgAuth extends ChapCredentials {
  /** `attrib/authentication`: CHAP is required for normal sessions. */
  readonly required: boolean;
  /** Mutual CHAP configured at TPG level. */
  readonly authenticateTarget: boolean;
}

const DEMO_ATTRS = {
  generateNodeAcls: 'generate_node_acls',
  cacheDynamicAcls: 'cache_dynamic_acls',
  writeProtect: 'demo_mode_write_protect',
} as const;

/** A target portal group (`<target>/tpgt_<tag>`). */
export class Tpg {
  // Made on first use: a restore looks up a TPG for every LUN and mapped LUN it makes.
  private attributeGroup?: ConfigGroup;
  private parameterGroup?: ConfigGroup;

  constructor(
    readonly target: Target,
    readonly tag: number,
  ) {}

  get attributes(): ConfigGroup {
    return (this.attributeGroup ??= settingsGroup(this.lio, this.path, 'attribute', `TPG ${this.label}`, `${this.fabric.name} tpg`));
  }

  get parameters(): ConfigGroup {
    return (this.parameterGroup ??= settingsGroup(this.lio, this.path, 'parameter', `TPG ${this.label}`, `${this.fabric.name} tpg`));
  }

  get path(): string {
    return `${this.target.path}/tpgt_${this.tag}`;
  }

  /** `iscsi/<wwn>/tpg1`. */
  get label(): string {
    return `${this.target.label}/tpg${this.tag}`;
  }

  get lio() {
    return this.target.fabric.lio;
  }

  get fabric() {
    return this.target.fabric;
  }

  private get fs() {
    return this.lio.fs;
  }

  exists(): boolean {
    return this.fs.exists(this.path);
  }

  // ---- state -----------------------------------------------------------------------------

  /** Fabrics without an `enable` file (loopback, vhost) are always enabled. */
  isEnabled(): boolean {
    if (!this.fabric.spec.tpgEnable) return true;
    const text = readIfExists(this.fs, `${this.path}/enable`);
    return text === undefined || text === '1';
  }

  enable(): void {
    this.writeEnable(true);
  }

  disable(): void {
    this.writeEnable(false);
  }

  private writeEnable(on: boolean): void {
    if (!this.fabric.spec.tpgEnable) return;
    applySteps(this.fs, [this.enableStep(on)]);
  }

  private enableStep(on: boolean): Step {
    return { op: 'write', path: `${this.path}/enable`, value: flag(on), what: `Cannot ${on ? 'enable' : 'disable'} TPG ${this.label}` };
  }

  /** The nexus initiator WWN of loopback/vhost TPGs, or undefined when unset or not a nexus fabric. */
  nexus(): string | undefined {
    if (!hasFeature(this.fabric.spec, 'nexus')) return undefined;
    const text = readIfExists(this.fs, `${this.path}/nexus`);
    return text === undefined || text === '' ? undefined : text;
  }

  demoMode(): DemoMode {
    return {
      generateNodeAcls: this.attributes.get(DEMO_ATTRS.generateNodeAcls) === '1',
      cacheDynamicAcls: this.attributes.get(DEMO_ATTRS.cacheDynamicAcls) === '1',
      writeProtect: this.attributes.get(DEMO_ATTRS.writeProtect) === '1',
    };
  }

  /** Changes demo-mode settings; all applied or none. */
  setDemoMode(change: Partial<DemoMode>): void {
    const values: Record<string, boolean> = {};
    for (const key of Object.keys(DEMO_ATTRS) as Array<keyof DemoMode>) {
      const v = change[key];
      if (v !== undefined) values[DEMO_ATTRS[key]] = v;
    }
    this.attributes.setMany(values);
  }

  // ---- authentication ---------------------------------------------------------------------

  private requireAuth(): string {
    if (!hasFeature(this.fabric.spec, 'auth')) throw notFound(`The ${this.fabric.name} fabric has no CHAP authentication`);
    return `${this.path}/auth`;
  }

  auth(): TpgAuth {
    return {
      ...this.credentials(),
      required: readIfExists(this.fs, `${this.path}/attrib/authentication`) === '1',
      authenticateTarget: readAuthenticateTarget(this.fs, this.requireAuth()),
    };
  }

  /** The four CHAP credentials alone, as a save writes them. */
  credentials(): ChapCredentials {
    return readChap(this.fs, this.requireAuth());
  }

  /** Changes TPG-wide CHAP credentials ('' unsets a field); all applied or none. */
  setAuth(change: ChapChange, undo: ChapUndo = 'read'): void {
    writeChap(this.fs, this.requireAuth(), change, `TPG ${this.label}`, undo);
  }

  /** Turns `attrib/authentication` on or off. */
  setAuthenticationRequired(on: boolean): void {
    this.attributes.set('authentication', on);
  }

  // ---- LUNs -------------------------------------------------------------------------------

  lunIndexes(): number[] {
    return indexes(listIfExists(this.fs, `${this.path}/lun`), 'lun_');
  }

  luns(): Lun[] {
    return this.lunIndexes().map((i) => new Lun(this, i));
  }

  findLun(index: number): Lun | undefined {
    const lun = new Lun(this, index);
    return this.fs.exists(lun.path) ? lun : undefined;
  }

  lun(index: number | string): Lun {
    const n = parseLun(index);
    const found = this.findLun(n);
    if (!found) throw notFound(`No LUN ${n} in TPG ${this.label}`);
    return found;
  }

  /** Exports a storage object as a LUN; all or nothing (see CreateLunOptions). */
  createLun(storageObject: StorageObject, options: CreateLunOptions = {}): Lun {
    return createLun(this, storageObject, options);
  }

  /** createLun without mapping, read into its changes, none made yet. */
  lunCreation(storageObject: StorageObject, options: Omit<CreateLunOptions, 'mapInAcls' | 'mappedWriteProtect'> = {}): Creation<Lun> {
    return lunCreation(this, storageObject, options);
  }

  // ---- portals ----------------------------------------------------------------------------

  portals(): Portal[] {
    if (!hasFeature(this.fabric.spec, 'nps')) return [];
    return listIfExists(this.fs, `${this.path}/np`).map((name) => Portal.fromDirName(this, name));
  }

  findPortal(address: string, port: number | string = 3260): Portal | undefined {
    const portal = new Portal(this, { ...parsePortalAddress(address), port: parsePortalPort(port) });
    return this.fs.exists(portal.path) ? portal : undefined;
  }

  /**
   * The portal on every address at `port` when `address` is a wildcard too, whichever
   * spelling each has: 0.0.0.0 and [::0] cannot both listen on one port, and scripts
   * written for targetcli 2.1 name 0.0.0.0 where 3.0 (and lioctl) made [::0].
   */
  findWildcardPortal(address: string, port: number | string = 3260): Portal | undefined {
    if (!isWildcardAddress(parsePortalAddress(address))) return undefined;
    const wanted = parsePortalPort(port);
    return this.portals().find((p) => p.port === wanted && isWildcardAddress(p.address));
  }

  portal(address: string, port: number | string = 3260): Portal {
    const found = this.findPortal(address, port);
    if (!found) {
      const name = portalDirName({ ...parsePortalAddress(address), port: parsePortalPort(port) });
      throw notFound(`No portal ${name} in TPG ${this.label}`);
    }
    return found;
  }

  /** Adds a network portal (IPv6 addresses in or without brackets); all or nothing. */
  createPortal(address: string, port: number | string = 3260, options: CreatePortalOptions = {}): Portal {
    return createPortal(this, address, port, options);
  }

  // ---- node ACLs --------------------------------------------------------------------------

  private requireAcls(): void {
    if (!hasFeature(this.fabric.spec, 'acls')) {
      throw new ValidationError(`The ${this.fabric.name} fabric has no node ACLs`, { code: 'no-acls' });
    }
  }

  nodeAcls(): NodeAcl[] {
    if (!hasFeature(this.fabric.spec, 'acls')) return [];
    return listIfExists(this.fs, `${this.path}/acls`).map((name) => new NodeAcl(this, name));
  }

  /** The ACL directory name for an initiator WWN given in any accepted spelling. */
  aclDirName(wwn: string): string {
    this.requireAcls();
    const normalized = normalizeWwn(wwn, this.fabric.spec.wwnTypes, { rewriteLegacyNaa: false }).wwn;
    return toFabricWwn(this.fabric.name, normalized);
  }

  findNodeAcl(wwn: string): NodeAcl | undefined {
    const acl = new NodeAcl(this, this.aclDirName(wwn));
    return this.fs.exists(acl.path) ? acl : undefined;
  }

  nodeAcl(wwn: string): NodeAcl {
    const found = this.findNodeAcl(wwn);
    if (!found) throw notFound(`No node ACL for ${wwn} in TPG ${this.label}`);
    return found;
  }

  /** ACLs sharing a tag, as targetcli shows them grouped. */
  nodeAclsTagged(tag: string): NodeAcl[] {
    return this.nodeAcls().filter((a) => a.tag() === tag);
  }

  createNodeAcl(wwn: string, options: CreateNodeAclOptions = {}): NodeAcl {
    this.requireAcls();
    return createNodeAcl(this, wwn, options);
  }

  // ---- sessions and deletion ----------------------------------------------------------------

  /** Logged-in initiators: through ACLs and, in demo mode, without one. */
  sessions(): Session[] {
    return tpgSessions(this);
  }

  /**
   * Deletes the TPG: disabled first so no initiator gets in meanwhile, then ACLs with their
   * mapped LUNs, LUNs, portals, and the directory.
   */
  delete(): void {
    applySteps(this.fs, this.deletionSteps());
  }

  /** Appends the steps of delete(). */
  deletionSteps(out: Step[] = []): Step[] {
    if (this.fabric.spec.tpgEnable && readIfExists(this.fs, `${this.path}/enable`) === '1') {
      out.push(this.enableStep(false));
    }
    for (const acl of this.nodeAcls()) acl.deletionSteps(out);
    for (const lun of this.luns()) lun.deletionSteps(out, { mappedLunsRemoved: true });
    for (const portal of this.portals()) portal.deletionSteps(out);
    out.push({ op: 'rmdir', path: this.path, what: `Cannot delete TPG ${this.label}` });
    return out;
  }

  /** The value of an attribute, or undefined if this fabric has no such attribute. */
  attributeIfExists(name: string): string | undefined {
    try {
      return readText(this.fs, `${this.path}/attrib/${name}`);
    } catch (err) {
      if (err instanceof ConfigFsError) return undefined;
      throw err;
    }
  }
}

function indexes(names: string[], prefix: string): number[] {
  const out: number[] = [];
  for (const name of names) {
    const n = indexAfter(name, prefix);
    if (n !== undefined) out.push(n);
  }
  return out.sort((a, b) => a - b);
}
