import { ConfigFsError } from '../../configfs/index.js';
import { EnvironmentError, ValidationError } from '../../errors/index.js';
import { checkChapChange, readAuthenticateTarget, readChap, writeChap, type ChapChange, type ChapCredentials } from '../chap.js';
import { flag, readIfExists, readText } from '../configfs-text.js';
import { notFound } from '../errors.js';
import type { LioRoot } from '../lio-root.js';
import { atomically, inStep, type Rollback } from '../rollback.js';
import { fromFabricWwn, generateWwn, normalizeWwn, toFabricWwn } from '../validate/index.js';
import { hasFeature, type FabricName, type FabricSpec } from './fabric-specs.js';
import { Target } from './target.js';
import type { CreateTpgOptions } from './tpg.js';

export interface DiscoveryAuth extends ChapCredentials {
  /** `enforce_discovery_auth`: discovery sessions must authenticate. */
  readonly enforced: boolean;
  /** Mutual CHAP is configured (both mutual fields set). */
  readonly authenticateTarget: boolean;
}

export interface DiscoveryAuthChange extends ChapChange {
  readonly enforce?: boolean;
}

export interface CreateTargetOptions {
  /** Any accepted spelling; generated for software fabrics when omitted. */
  readonly wwn?: string;
  /**
   * A first TPG to create with the target, all or nothing. Single-TPG fabrics (loopback
   * and the hardware fabrics) always get TPG 1, with these options if given.
   */
  readonly tpg?: CreateTpgOptions;
}

/** Entries the kernel puts in fabric directories next to the targets. */
const FABRIC_FILES: ReadonlySet<string> = new Set(['discovery_auth', 'lio_version', 'version', 'cpus_allowed_list']);

/** One fabric module (`iscsi`, `loopback`, ...), whether or not its kernel module is loaded. */
export class FabricModule {
  constructor(
    readonly lio: LioRoot,
    readonly spec: FabricSpec,
  ) {}

  get name(): FabricName {
    return this.spec.name;
  }

  /** The fabric directory, relative to the configfs root. */
  get path(): string {
    return this.spec.dir;
  }

  private get fs() {
    return this.lio.fs;
  }

  /** Whether the fabric is registered in configfs (its directory exists). Never loads it. */
  isLoaded(): boolean {
    return this.fs.exists(this.path);
  }

  /** Hardware port names for hardware fabrics; undefined for software fabrics. */
  hardwareWwns(): string[] | undefined {
    return this.spec.hardwareWwns?.(this.lio.host);
  }

  /**
   * Software fabrics always show; hardware fabrics when their ports exist, or when targets
   * remain configured on them (a removed HBA must not hide targets that still need deleting).
   */
  isVisible(): boolean {
    const hw = this.hardwareWwns();
    return hw === undefined || hw.length > 0 || this.targets().length > 0;
  }

  /** Whether the fabric supports several TPGs per target (iSCSI, vhost). */
  get multiTpg(): boolean {
    return hasFeature(this.spec, 'tpgts');
  }

  /**
   * Registers the fabric: mkdir of its directory makes the kernel load the module; when
   * that is not enough (vhost), the module is loaded and mkdir retried. Returns true when
   * this call created the directory.
   */
  load(rb?: Rollback): boolean {
    if (this.isLoaded()) return false;
    const mkdir = (): void => (rb ? rb.mkdir(this.path) : this.fs.mkdir(this.path));
    try {
      mkdir();
      return true;
    } catch (err) {
      if (err instanceof ConfigFsError && err.errno === 'EEXIST') return false;
      if (!this.lio.host.loadModule(this.spec.kernelModule)) {
        throw new EnvironmentError(`Cannot load the ${this.name} fabric: kernel module ${this.spec.kernelModule} is not available`, {
          code: 'fabric-unavailable',
          hint: `modprobe ${this.spec.kernelModule}`,
          cause: err,
        });
      }
      if (this.isLoaded()) return false;
      inStep(`Cannot register the ${this.name} fabric`, mkdir);
      return true;
    }
  }

  /**
   * Targets of this fabric: directories whose names are WWNs of the fabric's types. Other
   * entries (cpus_allowed_list, discovery_auth, version files of newer kernels) are never
   * taken for targets. With `includeInvalid`, directories another tool made under names
   * that are not WWNs are listed too (flagged by `Target.hasValidWwn()`), so they can be
   * shown as targetcli's "INVALID WWN" and deleted.
   */
  targets(options: { readonly includeInvalid?: boolean } = {}): Target[] {
    if (!this.isLoaded()) return [];
    const free = this.spec.wwnTypes.includes('free');
    const out: Target[] = [];
    for (const name of this.fs.list(this.path)) {
      if (FABRIC_FILES.has(name)) continue;
      const target = new Target(this, name);
      const valid = target.hasValidWwn();
      if (!valid && options.includeInvalid !== true) continue;
      // A name that is a WWN is a directory; anything else (and any name on free-form fabrics) is checked.
      if ((valid && !free) || this.fs.stat(`${this.path}/${name}`).kind === 'dir') out.push(target);
    }
    return out;
  }

  /** The target with this WWN (any accepted spelling), or undefined. */
  findTarget(wwn: string): Target | undefined {
    const dir = this.targetDirName(wwn);
    const target = new Target(this, dir);
    return this.fs.exists(target.path) ? target : undefined;
  }

  target(wwn: string): Target {
    const found = this.findTarget(wwn);
    if (!found) throw notFound(`No ${this.name} target ${wwn}`, `list targets with: ls /${this.name}`);
    return found;
  }

  /** The fabric-form directory name of a WWN given in any accepted spelling. */
  targetDirName(wwn: string): string {
    return toFabricWwn(this.name, normalizeWwn(wwn, this.spec.wwnTypes).wwn);
  }

  /** Creates a target (and its first TPG, see CreateTargetOptions); all or nothing. */
  createTarget(options: CreateTargetOptions = {}): Target {
    const wwn = options.wwn === undefined ? this.generateWwn() : normalizeWwn(options.wwn, this.spec.wwnTypes).wwn;
    const target = new Target(this, toFabricWwn(this.name, wwn));
    const wantTpg = !this.multiTpg || options.tpg !== undefined;
    const tpgOptions: CreateTpgOptions = this.multiTpg ? (options.tpg ?? {}) : { ...options.tpg, tag: 1 };
    if (wantTpg) target.checkTpgOptions(tpgOptions);
    return atomically(
      this.fs,
      `Cannot create ${this.name} target ${wwn}`,
      (rb) => {
        this.load(rb);
        rb.mkdir(target.path);
        if (wantTpg) target.createTpg(tpgOptions);
        return target;
      },
      { EEXIST: 'a target with this WWN already exists', EINVAL: 'the kernel refused the name; check the WWN' },
    );
  }

  private generateWwn(): string {
    if (this.hardwareWwns() !== undefined) {
      throw new ValidationError(`The ${this.name} fabric cannot generate a WWN: give the WWN of one of its ports`, {
        code: 'wwn-required',
        hint: `ports: ${this.hardwareWwns()?.join(', ') || 'none found'}`,
      });
    }
    const type = this.spec.wwnTypes[0] ?? 'naa';
    const random = this.lio.random;
    return generateWwn(type, random === undefined ? {} : { random });
  }

  // ---- discovery authentication (iSCSI) -----------------------------------------------------

  private requireDiscoveryAuth(): string {
    if (!hasFeature(this.spec, 'discovery_auth')) {
      throw notFound(`The ${this.name} fabric has no discovery authentication`);
    }
    return `${this.path}/discovery_auth`;
  }

  discoveryAuth(): DiscoveryAuth {
    const dir = this.requireDiscoveryAuth();
    if (!this.isLoaded()) return { enforced: false, authenticateTarget: false };
    return {
      ...readChap(this.fs, dir),
      enforced: readText(this.fs, `${dir}/enforce_discovery_auth`) === '1',
      authenticateTarget: readAuthenticateTarget(this.fs, dir),
    };
  }

  /**
   * Changes discovery credentials and enforcement. Credentials are written before
   * enforcement is switched on, and enforcement is switched off before they are cleared.
   */
  setDiscoveryAuth(change: DiscoveryAuthChange): void {
    const dir = this.requireDiscoveryAuth();
    checkChapChange(change);
    this.load();
    const { enforce, ...credentials } = change;
    const before = this.discoveryAuth();
    try {
      if (enforce === false) this.writeEnforce(dir, false);
      writeChap(this.fs, dir, credentials, `the ${this.name} discovery authentication`);
      if (enforce === true) this.writeEnforce(dir, true);
    } catch (err) {
      this.restoreDiscoveryAuth(dir, before, Object.keys(credentials) as Array<keyof ChapChange>);
      throw err;
    }
  }

  /** Best effort: puts back what a failed change had already altered. */
  private restoreDiscoveryAuth(dir: string, before: DiscoveryAuth, touched: ReadonlyArray<keyof ChapChange>): void {
    try {
      const undo: { -readonly [K in keyof ChapChange]?: string } = {};
      for (const key of touched) undo[key] = before[key] ?? '';
      writeChap(this.fs, dir, undo, 'discovery authentication');
      this.fs.write(`${dir}/enforce_discovery_auth`, flag(before.enforced));
    } catch {
      // the original refusal is what the caller must see
    }
  }

  private writeEnforce(dir: string, on: boolean): void {
    inStep(`Cannot ${on ? 'enforce' : 'stop enforcing'} ${this.name} discovery authentication`, () =>
      this.fs.write(`${dir}/enforce_discovery_auth`, flag(on)),
    );
  }

  /** iSCSI: CPUs the target's threads may run on (`cpus_allowed_list`), if the kernel has it. */
  cpusAllowedList(): string | undefined {
    if (!hasFeature(this.spec, 'cpus_allowed_list') || !this.isLoaded()) return undefined;
    return readIfExists(this.fs, `${this.path}/cpus_allowed_list`);
  }

  setCpusAllowedList(list: string): void {
    if (!hasFeature(this.spec, 'cpus_allowed_list')) throw notFound(`The ${this.name} fabric has no cpus_allowed_list`);
    if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(list.trim())) {
      throw new ValidationError(`cpus_allowed_list '${list}' is not a CPU list such as 0-3,6`, { code: 'bad-value' });
    }
    this.load();
    inStep(`Cannot set cpus_allowed_list of ${this.name}`, () => this.fs.write(`${this.path}/cpus_allowed_list`, list.trim()));
  }

  /** The fabric module's version text (`lio_version` or `version`), if loaded. */
  version(): string | undefined {
    if (!this.isLoaded()) return undefined;
    return readIfExists(this.fs, `${this.path}/lio_version`) ?? readIfExists(this.fs, `${this.path}/version`);
  }

  /** Converts a configfs directory name of this fabric back to a normalised WWN. */
  fromDirName(dir: string): string {
    return fromFabricWwn(this.name, dir);
  }
}
