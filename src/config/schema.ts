/**
 * The saveconfig.json format exactly as targetcli-fb / rtslib-fb write it (`RTSRoot.dump()`),
 * plus lioctl's own section for what targetcli does not keep.
 *
 * Property names are the file's keys, snake_case on purpose: the file is the contract users
 * and tools diff, so the types mirror it instead of renaming. A property is optional where
 * rtslib omits the key (empty `attributes`, unset CHAP, `nullio` when false) or where files
 * written by older rtslib versions lack it (`aio`, `exclusive`, LUN `alias`, ...).
 * parse-config fills the defaults rtslib's own restore would use (TPG `enable` true,
 * portal `iser`/`offload` false, `write_protect` false, missing lists empty), so
 * the required properties below are always present in a parsed document.
 */

/** `attrib/` values: integer text becomes a number, anything else stays text (tcmu `dev_config`). */
export type AttributeValue = number | string;
export type Attributes = Readonly<Record<string, AttributeValue>>;
/** `param/` values are always text, even when numeric (`"MaxConnections": "1"`). */
export type Parameters = Readonly<Record<string, string>>;

export const STORAGE_PLUGIN_NAMES = ['block', 'fileio', 'pscsi', 'ramdisk', 'user'] as const;
export type StoragePluginName = (typeof STORAGE_PLUGIN_NAMES)[number];

/** The ALUA target port group settings rtslib dumps, besides `name` and `tg_pt_gp_id`. */
export const ALUA_TPG_KEYS = [
  'alua_access_state',
  'alua_access_status',
  'alua_access_type',
  'alua_support_active_nonoptimized',
  'alua_support_active_optimized',
  'alua_support_offline',
  'alua_support_standby',
  'alua_support_transitioning',
  'alua_support_unavailable',
  'alua_write_metadata',
  'implicit_trans_secs',
  'nonop_delay_msecs',
  'preferred',
  'trans_delay_msecs',
] as const;
export type AluaTpgKey = (typeof ALUA_TPG_KEYS)[number];

/** The group every storage object has; restore never creates or deletes it. */
export const DEFAULT_ALUA_GROUP = 'default_tg_pt_gp';

export type AluaTpgConfig = {
  readonly name: string;
  /** 0 for `default_tg_pt_gp`, 1-65535 otherwise. */
  readonly tg_pt_gp_id: number;
} & { readonly [K in AluaTpgKey]?: number };

interface StorageObjectCommon {
  readonly name: string;
  readonly attributes?: Attributes;
  /** Includes `default_tg_pt_gp`; empty for pscsi (no ALUA). */
  readonly alua_tpgs: readonly AluaTpgConfig[];
}

export interface BlockStorageObjectConfig extends StorageObjectCommon {
  readonly plugin: 'block';
  readonly dev: string;
  /** Unit serial (VPD page 0x80); rtslib generates a UUID when a file lacks it. */
  readonly wwn?: string;
  readonly readonly?: boolean;
  readonly write_back?: boolean;
  /** Added in later rtslib-fb versions. */
  readonly exclusive?: boolean;
}

export interface FileioStorageObjectConfig extends StorageObjectCommon {
  readonly plugin: 'fileio';
  readonly dev: string;
  readonly wwn?: string;
  /** Bytes; rtslib always writes it, a hand-written file may leave it to the file's length. */
  readonly size?: number;
  readonly write_back?: boolean;
  readonly aio?: boolean;
}

export interface PscsiStorageObjectConfig extends StorageObjectCommon {
  readonly plugin: 'pscsi';
  /** A SCSI device path or `host:channel:target:lun`. */
  readonly dev: string;
}

export interface RamdiskStorageObjectConfig extends StorageObjectCommon {
  readonly plugin: 'ramdisk';
  readonly wwn?: string;
  readonly size: number;
  /** Written only when true. */
  readonly nullio?: boolean;
}

export interface UserStorageObjectConfig extends StorageObjectCommon {
  readonly plugin: 'user';
  readonly wwn?: string;
  readonly size: number;
  /** `<handler>/<handler config>`, e.g. `rbd/pool/image`. */
  readonly config: string;
  readonly hw_max_sectors?: number;
  /** Extra control tuples, `key=value,...`. */
  readonly control?: string;
}

export type StorageObjectConfig =
  | BlockStorageObjectConfig
  | FileioStorageObjectConfig
  | PscsiStorageObjectConfig
  | RamdiskStorageObjectConfig
  | UserStorageObjectConfig;

export interface LunConfig {
  /** 0-65535. */
  readonly index: number;
  /** `/backstores/<plugin>/<name>`. */
  readonly storage_object: string;
  /** The symlink's name; rtslib keeps it across restores so boots need no entropy. */
  readonly alias?: string;
  /** null when the backstore has no ALUA (pscsi); absent in files from older rtslib. */
  readonly alua_tg_pt_gp_name?: string | null;
}

export interface PortalConfig {
  /** IPv4 dotted quad or bracketed IPv6 (`[::0]`). */
  readonly ip_address: string;
  readonly port: number;
  readonly iser: boolean;
  readonly offload: boolean;
}

export interface MappedLunConfig {
  readonly index: number;
  readonly tpg_lun: number;
  readonly write_protect: boolean;
  readonly alias?: string;
}

/** CHAP keys as rtslib writes them on TPGs and ACLs (not the man page's `userid` ...). */
export interface ChapKeys {
  readonly chap_userid?: string;
  readonly chap_password?: string;
  readonly chap_mutual_userid?: string;
  readonly chap_mutual_password?: string;
}
export const CHAP_KEYS = ['chap_userid', 'chap_password', 'chap_mutual_userid', 'chap_mutual_password'] as const;

export interface NodeAclConfig extends ChapKeys {
  readonly node_wwn: string;
  readonly attributes?: Attributes;
  readonly mapped_luns: readonly MappedLunConfig[];
  /** The ACL group tag, when set. */
  readonly tag?: string;
}

export interface TpgConfig extends ChapKeys {
  readonly tag: number;
  readonly enable: boolean;
  readonly attributes?: Attributes;
  readonly parameters?: Parameters;
  readonly luns: readonly LunConfig[];
  readonly portals: readonly PortalConfig[];
  readonly node_acls: readonly NodeAclConfig[];
}

export interface TargetConfig {
  readonly wwn: string;
  readonly fabric: string;
  readonly tpgs: readonly TpgConfig[];
  /**
   * rtslib dumps `param/` of every CFSNode, so on kernels with
   * `<target>/param/cmd_completion_affinity` the target carries it; its restore ignores it.
   */
  readonly parameters?: Parameters;
}

export interface DiscoveryKeys {
  readonly discovery_userid?: string;
  readonly discovery_password?: string;
  readonly discovery_mutual_userid?: string;
  readonly discovery_mutual_password?: string;
}
export const DISCOVERY_KEYS = ['discovery_userid', 'discovery_password', 'discovery_mutual_userid', 'discovery_mutual_password'] as const;

/** rtslib lists a fabric here only while discovery authentication is enforced. */
export interface FabricModuleConfig extends DiscoveryKeys {
  readonly name: string;
  readonly discovery_enable_auth: boolean;
}

/**
 * lioctl's section: what targetcli-fb cannot persist, kept under one top-level key.
 *
 * Why a top-level key: rtslib's `RTSRoot.restore` reads only `storage_objects`,
 * `fabric_modules` and `targets`, so any other top-level key is ignored by targetcli's
 * restore, and targetcli's partial save (which loads the file, edits those three lists
 * and writes the whole dict back) keeps it. Inside the standard objects nothing extra is
 * safe: storage-object keys become constructor arguments (an unknown one is a
 * TypeError, the object is skipped), leftover TPG/ACL keys are applied with `setattr`
 * (`nexus` would hit rtslib's real property and fail with "already set", others are
 * silently dropped), and fabric-module keys are applied with `setattr` as well.
 * A plain `targetcli saveconfig` drops this section; lioctl then simply has no extras.
 *
 * Objects are referred to by keys that cannot collide and match what the rest of the
 * file says: storage objects by their LUN reference (`/backstores/fileio/disk1`), TPGs by
 * `<fabric>/<wwn>/tpgt_<tag>` (the configfs spelling), fabrics by name. An entry for an
 * object the file does not contain is ignored with a warning (targetcli's partial save can
 * leave one behind).
 */
export const LIOCTL_SECTION = 'lioctl';
export const LIOCTL_SECTION_VERSION = 1;

export interface StorageObjectExtras {
  /** SCSI INQUIRY identity (`wwn/vendor_id`, `product_id`, `revision`). */
  readonly vendor_id?: string;
  readonly product_id?: string;
  readonly revision?: string;
}

export interface TpgExtras {
  /** loopback/vhost/xen: the initiator-side WWN, regenerated by targetcli on every boot. */
  readonly nexus?: string;
}

/** Discovery credentials that are set but not enforced (rtslib drops them). */
export type FabricExtras = DiscoveryKeys;

export interface LioctlSection {
  readonly version: number;
  readonly storage_objects?: Readonly<Record<string, StorageObjectExtras>>;
  readonly tpgs?: Readonly<Record<string, TpgExtras>>;
  readonly fabric_modules?: Readonly<Record<string, FabricExtras>>;
}

export interface SaveConfig {
  readonly fabric_modules: readonly FabricModuleConfig[];
  readonly storage_objects: readonly StorageObjectConfig[];
  readonly targets: readonly TargetConfig[];
  readonly lioctl?: LioctlSection;
}

/** `/backstores/<plugin>/<name>`: how LUNs (and lioctl's section) name a storage object. */
export function storageObjectRef(so: { readonly plugin: StoragePluginName; readonly name: string }): string {
  return `/backstores/${so.plugin}/${so.name}`;
}

/** `<fabric>/<wwn>/tpgt_<tag>`: how lioctl's section names a TPG. */
export function tpgRef(fabric: string, wwn: string, tag: number): string {
  return `${fabric}/${wwn}/tpgt_${tag}`;
}

/** Portals are one per address and port in a TPG; IPv6 text compares without regard to case. */
export function portalKey(portal: Pick<PortalConfig, 'ip_address' | 'port'>): string {
  return `${portal.ip_address.toLowerCase()}:${portal.port}`;
}
