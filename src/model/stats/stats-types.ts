import type { FabricName } from '../fabric/fabric-specs.js';

/** Where a TPG-level object lives; the same fields in every row so tables and JSON agree. */
export interface TpgPlace {
  readonly fabric: FabricName;
  /** Target WWN (normalised). */
  readonly target: string;
  readonly tpg: number;
}

/** One TPG LUN's counters (`lun/lun_L/statistics/scsi_tgt_port`). */
export interface LunCounters extends TpgPlace {
  /** Identity across samples: a LUN re-created on another storage object is another LUN. */
  readonly key: string;
  readonly lun: number;
  /** `plugin/name` of the storage object behind it; undefined when the link is broken. */
  readonly storageObject: string | undefined;
  /** SCSI commands received (`in_cmds`). */
  readonly commands: number | undefined;
  /** MiB sent to initiators (`read_mbytes`, a u32 that wraps). */
  readonly readMiB: number | undefined;
  /** MiB received from initiators (`write_mbytes`, a u32 that wraps). */
  readonly writeMiB: number | undefined;
}

/** One initiator's counters on one of its mapped LUNs (`acls/<i>/lun_M/statistics/scsi_auth_intr`). */
export interface MappedLunCounters {
  readonly mappedLun: number;
  readonly tpgLun: number | undefined;
  readonly commands: number | undefined;
  readonly readMiB: number | undefined;
  readonly writeMiB: number | undefined;
}

/** iSCSI per-session counters of an ACL (`acls/<i>/fabric_statistics/iscsi_sess_stats`). */
export interface SessionCounters {
  readonly cmdPdus: number | undefined;
  readonly rspPdus: number | undefined;
  /** Data bytes sent to the initiator (reads). */
  readonly txBytes: number | undefined;
  /** Data bytes received from the initiator (writes). */
  readonly rxBytes: number | undefined;
}

/** One logged-in initiator with what the kernel counts for it. */
export interface InitiatorCounters extends TpgPlace {
  /** Identity across samples: fabric, target, TPG, initiator and session id. */
  readonly key: string;
  readonly initiator: string;
  readonly alias?: string;
  readonly sid?: number;
  /** Demo-mode session: no ACL, so the kernel keeps no per-initiator counters in configfs. */
  readonly dynamic: boolean;
  /** Session state without its prefix, e.g. `LOGGED_IN`. */
  readonly state: string;
  /** Address the initiator connected from (first connection), if the fabric says. */
  readonly address?: string;
  readonly connections: number;
  /** Per mapped LUN; empty for demo-mode sessions. */
  readonly luns: readonly MappedLunCounters[];
  /** Undefined for demo-mode sessions and fabrics without iSCSI session statistics. */
  readonly session?: SessionCounters;
}

export type HealthKind =
  | 'tpg-disabled'
  | 'lun-link-broken'
  | 'acl-chap-missing'
  | 'tpg-chap-missing'
  | 'backstore-disabled'
  | 'backstore-deactivated';

/** Something an admin should look at; found while sampling, never fixed by it. */
export interface HealthWarning {
  readonly kind: HealthKind;
  /** The object, as messages name it (`iscsi/<wwn>/tpg1`, `fileio/disk1`). */
  readonly object: string;
  readonly message: string;
}

/** Everything read in one pass; rates come from two of these. */
export interface StatsSample {
  /** Monotonic milliseconds at the middle of the pass (reading takes time on big setups). */
  readonly takenAtMs: number;
  readonly luns: readonly LunCounters[];
  readonly initiators: readonly InitiatorCounters[];
  readonly warnings: readonly HealthWarning[];
}
