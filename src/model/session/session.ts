import type { FabricName } from '../fabric/fabric-specs.js';

export interface SessionConnection {
  readonly cid: number;
  /** Kernel state without its prefix, e.g. `LOGGED_IN`. */
  readonly state: string;
  readonly address: string;
  /** `TCP` or `SCTP`. */
  readonly transport: string;
}

export interface SessionLun {
  /** The LUN number the initiator sees. */
  readonly mappedLun: number;
  readonly tpgLun: number | undefined;
  /** `plugin/name` of the storage object behind it. */
  readonly storageObject: string | undefined;
  readonly writeProtect: boolean;
}

/** One logged-in initiator. */
export interface Session {
  readonly fabric: FabricName;
  /** Target WWN (normalised). */
  readonly target: string;
  readonly tpg: number;
  readonly initiator: string;
  /** True for demo-mode sessions: the initiator has no ACL of its own (generate_node_acls=1). */
  readonly dynamic: boolean;
  readonly alias?: string;
  /** The kernel's session id (`LIO Session ID`). */
  readonly sid?: number;
  readonly isid?: string;
  readonly tsih?: number;
  /** `Normal` or `Discovery`. */
  readonly type: string;
  /** Session state without its prefix, e.g. `LOGGED_IN`. */
  readonly state: string;
  /** Tag of the initiator's ACL, if any. */
  readonly tag?: string;
  /** Whether the ACL configures mutual CHAP (what targetcli labels "authenticated"). */
  readonly mutualChap?: boolean;
  readonly connections: readonly SessionConnection[];
  readonly luns: readonly SessionLun[];
}
