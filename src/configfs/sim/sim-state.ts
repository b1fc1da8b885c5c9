/** Kinds of configfs directories the kernel creates on user mkdir. */
export type ObjectKind =
  | 'root'
  | 'hba'
  | 'device'
  | 'alua-group'
  | 'fabric'
  | 'target'
  | 'tpg'
  | 'lun'
  | 'portal'
  | 'acl'
  | 'mapped-lun';

/** What the simulator knows about one path besides what memfs stores. */
export interface EntryMeta {
  /** The object directory this entry belongs to (itself for object dirs). */
  readonly owner: string;
  /** Set on object directories (made by a user mkdir). */
  readonly kind?: ObjectKind;
  /** Permission bits as the kernel reports them. */
  readonly mode: number;
  /** Created by the kernel with its parent: refuses rmdir/unlink with EPERM. */
  readonly isDefault: boolean;
}

export interface DeviceState {
  readonly plugin: string;
  /** Last value of every key written to `control`. */
  control: Record<string, string>;
  enabled: boolean;
}

/** A refusal injected by a test: the next matching call fails with `errno`. */
export interface InjectedFailure {
  readonly op: string;
  readonly path: string | RegExp;
  readonly errno: string;
  /** How many calls to refuse; default 1. */
  remaining: number;
}

export const PLUGINS = ['fileio', 'iblock', 'pscsi', 'rd_mcp', 'user'] as const;

/** Fabric directories the simulated kernel can register, with their kernel name for ALUA members. */
export const SIM_FABRICS: Readonly<Record<string, string>> = {
  iscsi: 'iSCSI',
  loopback: 'loopback',
  vhost: 'vhost',
};
