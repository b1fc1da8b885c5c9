import { ValidationError } from '../../errors/index.js';
import { settingsGroup, type ConfigGroup } from '../config-group.js';
import { listIfExists, readIfExists, readText } from '../configfs-text.js';
import { conflict, notFound } from '../errors.js';
import type { Lun } from '../fabric/lun.js';
import type { LioRoot } from '../lio-root.js';
import { atomically, inStep } from '../rollback.js';
import { applySteps, type Step } from '../steps.js';
import { parseAluaGroupId, validateInquiryField, validateName, type InquiryField } from '../validate/index.js';
import { AluaGroup, checkAluaSettings } from './alua-group.js';
import type { AluaSetting } from './alua-settings.js';
import { findAttachedLuns } from './attached-luns.js';
import { parseDeviceInfo } from './device-info.js';
import { parseHbaDir, type StoragePlugin } from './plugins.js';
import type { InquiryIdentity } from './storage-spec.js';

/** A storage object as read back from the kernel. */
export interface StorageObjectInfo {
  readonly plugin: StoragePlugin;
  readonly name: string;
  /** HBA directory, e.g. `fileio_3`. */
  readonly hba: string;
  /** configfs path relative to the root. */
  readonly path: string;
  /** `enable` is 1: configured and usable by LUNs. */
  readonly enabled: boolean;
  /** `activated` while exported through at least one LUN. */
  readonly status: 'activated' | 'deactivated';
  readonly udevPath?: string;
  readonly size?: number;
  /** Unit serial (VPD 0x80). */
  readonly wwn?: string;
  /** fileio: buffered I/O with write cache; block: the write cache as the kernel reports it. */
  readonly writeBack?: boolean;
  readonly readOnly?: boolean;
  readonly aio?: boolean;
  readonly nullio?: boolean;
  /** user: `<handler>/<config>`. */
  readonly config?: string;
  readonly hwMaxSectors?: number;
  /** user: control tuples as rtslib reports them (`max_data_area_mb=...,hw_block_size=...`). */
  readonly control?: string;
  /** pscsi: `host:channel:target:lun`. */
  readonly hctl?: string;
  readonly blockSize?: number;
}

export interface StorageObjectDeleteOptions {
  /**
   * true (default, as targetcli): LUNs exporting the object are deleted first, with the
   * mapped LUNs that point at them. false: refuse with a ConflictError naming those LUNs.
   */
  readonly cascade?: boolean;
}

export interface StorageObjectDeleteResult {
  /** The LUNs that were removed with the object (`iscsi/<wwn>/tpg1/lun0`). */
  readonly removedLuns: readonly string[];
}

const VPD_SERIAL_PREFIX = 'T10 VPD Unit Serial Number:';
const IDENTITY_FILES: ReadonlyArray<readonly [keyof InquiryIdentity, InquiryField]> = [
  ['vendorId', 'vendor_id'],
  ['productId', 'product_id'],
  ['revision', 'revision'],
];

/**
 * A storage object (`core/<hba>/<name>`). A handle: it holds no state besides its
 * identity and reads the kernel only when asked.
 */
export class StorageObject {
  readonly plugin: StoragePlugin;
  // Made on first use: LUN and ALUA lookups need the object, not its attributes.
  private attributeGroup?: ConfigGroup;

  constructor(
    readonly lio: LioRoot,
    /** HBA directory, e.g. `fileio_3`. */
    readonly hba: string,
    readonly name: string,
  ) {
    const parsed = parseHbaDir(hba);
    if (!parsed) throw new ValidationError(`'${hba}' is not a storage HBA directory`, { code: 'bad-name' });
    this.plugin = parsed.plugin;
  }

  get attributes(): ConfigGroup {
    return (this.attributeGroup ??= settingsGroup(this.lio, this.path, 'attribute', `storage object ${this.label}`, this.plugin));
  }

  get path(): string {
    return `core/${this.hba}/${this.name}`;
  }

  /** `fileio/disk1`, as messages and LUN summaries show it. */
  get label(): string {
    return `${this.plugin}/${this.name}`;
  }

  /** The targetcli UI path, as saveconfig.json refers to it. */
  get uiPath(): string {
    return `/backstores/${this.plugin}/${this.name}`;
  }

  private get fs() {
    return this.lio.fs;
  }

  exists(): boolean {
    return this.fs.exists(this.path);
  }

  isEnabled(): boolean {
    return readText(this.fs, `${this.path}/enable`) === '1';
  }

  status(): 'activated' | 'deactivated' {
    return this.exportCount() > 0 ? 'activated' : 'deactivated';
  }

  /** How many LUNs export this object (the kernel's export count). */
  exportCount(): number {
    const ports = readIfExists(this.fs, `${this.path}/statistics/scsi_dev/ports`);
    if (ports !== undefined && /^\d+$/.test(ports)) return Number(ports);
    return parseDeviceInfo(this.plugin, this.fs.read(`${this.path}/info`)).activated ? 1 : 0;
  }

  /** The unit serial number, or undefined when unset (pscsi reports the device's own). */
  wwn(): string | undefined {
    const text = readText(this.fs, `${this.path}/wwn/vpd_unit_serial`);
    const serial = (text.startsWith(VPD_SERIAL_PREFIX) ? text.slice(VPD_SERIAL_PREFIX.length) : text).trim();
    return serial === '' ? undefined : serial;
  }

  udevPath(): string | undefined {
    const path = readText(this.fs, `${this.path}/udev_path`);
    return path === '' ? undefined : path;
  }

  /** Reads everything `ls`, `info` and saveconfig need, each file once. */
  describe(): StorageObjectInfo {
    const infoText = this.fs.read(`${this.path}/info`);
    const info = parseDeviceInfo(this.plugin, infoText);
    const udevPath = this.udevPath();
    const wwn = this.wwn();
    const out: { -readonly [K in keyof StorageObjectInfo]: StorageObjectInfo[K] } = {
      plugin: this.plugin,
      name: this.name,
      hba: this.hba,
      path: this.path,
      enabled: this.isEnabled(),
      status: info.activated ? 'activated' : 'deactivated',
    };
    if (udevPath !== undefined) out.udevPath = udevPath;
    if (wwn !== undefined && this.plugin !== 'pscsi') out.wwn = wwn;
    if (info.blockSize !== undefined && info.blockSize > 0) out.blockSize = info.blockSize;
    switch (this.plugin) {
      case 'fileio': {
        // On a block device the kernel sizes from the device and shows Size: 0.
        const dev = info.size === 0 && udevPath !== undefined ? this.lio.host.blockDevice(udevPath) : undefined;
        const size = dev?.size ?? info.size;
        if (size !== undefined && out.enabled) out.size = size;
        out.writeBack = info.bufferedWce === true;
        out.aio = info.aio === true;
        break;
      }
      case 'block': {
        const dev = udevPath === undefined ? undefined : this.lio.host.blockDevice(udevPath);
        if (dev) out.size = dev.size;
        out.readOnly = info.readOnly === true;
        out.writeBack = readIfExists(this.fs, `${this.path}/attrib/emulate_write_cache`) === '1';
        break;
      }
      case 'ramdisk':
        if (info.size !== undefined && out.enabled) out.size = info.size;
        out.nullio = info.nullio === true;
        break;
      case 'user': {
        if (info.size !== undefined) out.size = info.size;
        if (info.config !== undefined) out.config = info.config;
        if (info.hwMaxSectors !== undefined) out.hwMaxSectors = info.hwMaxSectors;
        const area = /MaxDataAreaMB: (\d+)/.exec(infoText)?.[1];
        const hwBlock = readIfExists(this.fs, `${this.path}/attrib/hw_block_size`);
        // Kernels that report it (6.1 on): rtslib lists it third.
        const pages = /DataPagesPerBlk: (\d+)/.exec(infoText)?.[1];
        out.control = [
          area === undefined ? '' : `max_data_area_mb=${area}`,
          hwBlock === undefined ? '' : `hw_block_size=${hwBlock}`,
          pages === undefined ? '' : `data_pages_per_blk=${pages}`,
        ]
          .filter((t) => t !== '')
          .join(',');
        break;
      }
      case 'pscsi': {
        if (info.hctl !== undefined) out.hctl = info.hctl;
        const dev = udevPath === undefined ? undefined : this.lio.host.blockDevice(udevPath);
        if (dev) out.size = dev.size;
        break;
      }
    }
    return out;
  }

  identity(): Required<InquiryIdentity> {
    return {
      vendorId: readText(this.fs, `${this.path}/wwn/vendor_id`),
      productId: readText(this.fs, `${this.path}/wwn/product_id`),
      revision: readText(this.fs, `${this.path}/wwn/revision`),
    };
  }

  /** Sets INQUIRY identity fields; the kernel accepts this only while the object is not exported. */
  setIdentity(identity: InquiryIdentity): void {
    const writes = checkIdentity(identity);
    const done: Array<readonly [string, string]> = [];
    try {
      for (const [file, value] of writes) {
        const before = readText(this.fs, `${this.path}/wwn/${file}`);
        inStep(`Cannot set ${file} of ${this.label}`, () => this.fs.write(`${this.path}/wwn/${file}`, value), {
          EINVAL: 'the INQUIRY identity can only change while the object is not exported through any LUN',
        });
        done.push([file, before]);
      }
    } catch (err) {
      for (const [file, before] of done.reverse()) {
        try {
          this.fs.write(`${this.path}/wwn/${file}`, before);
        } catch {
          // the refusal itself is what the caller must see
        }
      }
      throw err;
    }
  }

  // ---- ALUA ------------------------------------------------------------------------------

  /** pscsi and user objects have ALUA only when their backend says so. */
  supportsAlua(): boolean {
    if (this.plugin !== 'pscsi' && this.plugin !== 'user') return true;
    return readIfExists(this.fs, `${this.path}/attrib/alua_support`) === '1';
  }

  aluaGroups(): AluaGroup[] {
    return listIfExists(this.fs, `${this.path}/alua`).map((n) => new AluaGroup(this, n));
  }

  aluaGroup(name: string): AluaGroup {
    const group = new AluaGroup(this, name);
    if (!this.fs.exists(group.path)) {
      throw notFound(`No ALUA group '${name}' on ${this.label}`);
    }
    return group;
  }

  /** Creates an ALUA target port group with id 1-65535; all or nothing. */
  createAluaGroup(name: string, id: number, settings: Readonly<Partial<Record<AluaSetting, number>>> = {}): AluaGroup {
    validateName(name, 'ALUA group');
    const groupId = parseAluaGroupId(id);
    checkAluaSettings(settings);
    if (!this.supportsAlua()) {
      throw new ValidationError(`${this.label} does not support ALUA (its backend reports alua_support=0)`, { code: 'alua-unsupported' });
    }
    const group = new AluaGroup(this, name);
    return atomically(
      this.fs,
      `Cannot create ALUA group ${name} on ${this.label}`,
      (rb) => {
        rb.mkdir(group.path);
        this.fs.write(`${group.path}/tg_pt_gp_id`, String(groupId));
        group.set(settings);
        return group;
      },
      { EEXIST: `choose another name, or delete the existing group`, EINVAL: `the id ${groupId} may already be used by another group of ${this.label}` },
    );
  }

  // ---- LUNs and deletion -------------------------------------------------------------------

  /** The LUNs exporting this object, found through the kernel's ALUA membership lists. */
  attachedLuns(): Lun[] {
    return findAttachedLuns(this);
  }

  /** Deletes the object (see StorageObjectDeleteOptions for what happens to its LUNs). */
  delete(options: StorageObjectDeleteOptions = {}): StorageObjectDeleteResult {
    const luns = this.lunsToRemove(options);
    applySteps(this.fs, this.deletionSteps(luns));
    this.removeHba();
    return { removedLuns: luns.map((l) => l.label) };
  }

  /** After the object's directory is gone: its HBA too, unless another tool keeps more objects in it. */
  removeHba(): void {
    let hbaRemoved = false;
    try {
      this.fs.rmdir(`core/${this.hba}`);
      hbaRemoved = true;
    } catch {
      hbaRemoved = false;
    }
    this.lio.storageRegistry.removed(this.plugin, this.name, this.hba, hbaRemoved);
  }

  /** The LUNs a delete removes with the object; refused when there are some and cascade is false. */
  lunsToRemove(options: StorageObjectDeleteOptions = {}): Lun[] {
    const luns = this.attachedLuns();
    if (luns.length > 0 && options.cascade === false) {
      throw conflict(
        `Storage object ${this.label} is in use by ${luns.length} LUN(s): ${luns.map((l) => l.label).join(', ')}`,
        'delete those LUNs first, or delete with cascade',
      );
    }
    return luns;
  }

  /** Appends the steps that delete the object after `luns` (with their mapped LUNs) and its own ALUA groups; not its HBA. */
  deletionSteps(luns: readonly Lun[], out: Step[] = []): Step[] {
    for (const lun of luns) lun.deletionSteps(out);
    for (const group of this.aluaGroups()) if (!group.isDefault) group.deletionSteps(out);
    out.push({ op: 'rmdir', path: this.path, what: `Cannot delete storage object ${this.label}` });
    return out;
  }
}

/** Validates identity fields and lists the writes, in vendor, product, revision order. */
export function checkIdentity(identity: InquiryIdentity): Array<readonly [InquiryField, string]> {
  const out: Array<readonly [InquiryField, string]> = [];
  for (const [key, file] of IDENTITY_FILES) {
    const value = identity[key];
    if (value !== undefined) out.push([file, validateInquiryField(file, value)]);
  }
  return out;
}
