import type { SettingValue } from '../config-group.js';
import type { AluaSetting } from './alua-settings.js';

/** SCSI INQUIRY identity; each field is set only when given. */
export interface InquiryIdentity {
  /** Up to 8 printable ASCII characters. */
  readonly vendorId?: string;
  /** Up to 16 printable ASCII characters. */
  readonly productId?: string;
  /** Up to 4 printable ASCII characters. */
  readonly revision?: string;
}

export interface AluaGroupSpec {
  readonly name: string;
  /** tg_pt_gp_id, 1-65535. */
  readonly id: number;
  readonly settings?: Readonly<Partial<Record<AluaSetting, number>>>;
}

interface CommonSpec {
  /** Letters, digits and `: _ . [ ] -`; unique per plugin. */
  readonly name: string;
  /** Identity, attributes and ALUA groups are all set before the object can be exported. */
  readonly identity?: InquiryIdentity;
  /** `attrib/` values; `block_size` is applied first because other limits depend on it. */
  readonly attributes?: Readonly<Record<string, SettingValue>>;
  readonly aluaGroups?: readonly AluaGroupSpec[];
}

interface SerialSpec {
  /** Unit serial number (VPD page 0x80); a random UUID when omitted. */
  readonly wwn?: string;
}

/** An iblock object on a block device. */
export interface BlockSpec extends CommonSpec, SerialSpec {
  readonly plugin: 'block';
  /** Block device path (prefer /dev/disk/by-id/...). */
  readonly device: string;
  /** Default: read-only exactly when the device itself is. */
  readonly readOnly?: boolean;
  /** Default true; false needs Linux 6.17 or later. */
  readonly exclusive?: boolean;
}

/** A fileio object on a regular file or a block device. */
export interface FileioSpec extends CommonSpec, SerialSpec {
  readonly plugin: 'fileio';
  readonly file: string;
  /**
   * Bytes (or `10G`-style text). Required when the file does not exist yet; for an existing
   * file it defaults to the file's length; ignored for block devices.
   */
  readonly size?: number | string;
  /** Buffered I/O with the write cache reported to initiators (default false: O_DSYNC). */
  readonly writeBack?: boolean;
  /** Asynchronous I/O (fd_async_io), default false. */
  readonly aio?: boolean;
  /** A missing file is created, sparse unless `sparse: false` (then every block is allocated). */
  readonly sparse?: boolean;
  /** Export an existing file with a size different from its length (default: refused). */
  readonly resize?: boolean;
}

/** SCSI pass-through of a real SCSI device. */
export interface PscsiSpec extends CommonSpec {
  readonly plugin: 'pscsi';
  /** A SCSI device path, or its address `host:channel:target:lun`. */
  readonly device: string;
}

/** Memory-backed (rd_mcp), or discarding writes and reading zeros (nullio). */
export interface RamdiskSpec extends CommonSpec, SerialSpec {
  readonly plugin: 'ramdisk';
  readonly size: number | string;
  readonly nullio?: boolean;
}

/** A TCMU object served by a user-space handler (tcmu-runner). */
export interface UserSpec extends CommonSpec, SerialSpec {
  readonly plugin: 'user';
  /** Handler name, e.g. `rbd`, `file`, `glfs`. */
  readonly handler: string;
  readonly size: number | string;
  /** Handler configuration string (stored by the kernel as `<handler>/<config>`). */
  readonly config: string;
  readonly hwMaxSectors?: number;
  /** Extra control tuples, e.g. `{ max_data_area_mb: 32 }` or `'max_data_area_mb=32'`. */
  readonly control?: string | Readonly<Record<string, string | number>>;
}

export type StorageObjectSpec = BlockSpec | FileioSpec | PscsiSpec | RamdiskSpec | UserSpec;
