import type { NodeAcl } from '../fabric/node-acl.js';
import type { Tpg } from '../fabric/tpg.js';
import type { Session } from '../session/session.js';
import { tpgPlace } from './lun-counters.js';
import { readCounter, whileItExists } from './read-counter.js';
import type { InitiatorCounters, MappedLunCounters, SessionCounters } from './stats-types.js';

export type InitiatorIdentity = Omit<InitiatorCounters, 'luns' | 'session'>;

/** A session found and identified, its counters not read yet. */
export interface LocatedInitiator {
  readonly identity: InitiatorIdentity;
  /** The initiator's ACL; undefined for demo-mode sessions, which have none in configfs. */
  readonly acl: NodeAcl | undefined;
  readonly luns: ReadonlyArray<{ readonly mappedLun: number; readonly tpgLun: number | undefined }>;
}

function findAcl(tpg: Tpg, initiator: string): NodeAcl | undefined {
  try {
    return tpg.findNodeAcl(initiator);
  } catch {
    // A name the model cannot normalise has no ACL we could read counters from.
    return undefined;
  }
}

/** Identifies one session of `tpg` (as `Tpg.sessions()` lists it) and where its counters are. */
export function locateInitiator(tpg: Tpg, s: Session): LocatedInitiator {
  const address = s.connections[0]?.address;
  return {
    identity: {
      key: `${tpg.path}|${s.initiator}|${s.sid ?? ''}`,
      ...tpgPlace(tpg),
      initiator: s.initiator,
      ...(s.alias === undefined ? {} : { alias: s.alias }),
      ...(s.sid === undefined ? {} : { sid: s.sid }),
      dynamic: s.dynamic,
      state: s.state,
      ...(address === undefined ? {} : { address }),
      connections: s.connections.length,
    },
    acl: s.dynamic ? undefined : findAcl(tpg, s.initiator),
    luns: s.luns.map((l) => ({ mappedLun: l.mappedLun, tpgLun: l.tpgLun })),
  };
}

/** Every logged-in initiator of a TPG, demo-mode sessions included; [] when the TPG vanished. */
export function locateInitiators(tpg: Tpg): LocatedInitiator[] {
  const sessions = whileItExists(() => tpg.sessions()) ?? [];
  const out: LocatedInitiator[] = [];
  for (const s of sessions) {
    const located = whileItExists(() => locateInitiator(tpg, s));
    if (located !== undefined) out.push(located);
  }
  return out;
}

function readMappedLun(acl: NodeAcl, mappedLun: number, tpgLun: number | undefined): MappedLunCounters {
  const fs = acl.tpg.lio.fs;
  const dir = `${acl.path}/lun_${mappedLun}/statistics/scsi_auth_intr`;
  return {
    mappedLun,
    tpgLun,
    commands: readCounter(fs, `${dir}/num_cmds`),
    readMiB: readCounter(fs, `${dir}/read_mbytes`),
    writeMiB: readCounter(fs, `${dir}/write_mbytes`),
  };
}

/** iSCSI session counters of an ACL; undefined on other fabrics or without a live session. */
function readSessionCounters(acl: NodeAcl): SessionCounters | undefined {
  if (acl.tpg.fabric.name !== 'iscsi') return undefined;
  const fs = acl.tpg.lio.fs;
  const dir = `${acl.path}/fabric_statistics/iscsi_sess_stats`;
  const counters: SessionCounters = {
    cmdPdus: readCounter(fs, `${dir}/cmd_pdus`),
    rspPdus: readCounter(fs, `${dir}/rsp_pdus`),
    txBytes: readCounter(fs, `${dir}/txdata_octs`),
    rxBytes: readCounter(fs, `${dir}/rxdata_octs`),
  };
  return Object.values(counters).every((v) => v === undefined) ? undefined : counters;
}

/**
 * The counters of a located session: per mapped LUN (`scsi_auth_intr`) and per iSCSI
 * session. Demo-mode sessions get none: the kernel keeps theirs in ACLs configfs does not show.
 */
export function readLocatedInitiator(i: LocatedInitiator): InitiatorCounters {
  const { acl } = i;
  const session = acl === undefined ? undefined : readSessionCounters(acl);
  return {
    ...i.identity,
    luns: acl === undefined ? [] : i.luns.map((l) => readMappedLun(acl, l.mappedLun, l.tpgLun)),
    ...(session === undefined ? {} : { session }),
  };
}

/** The counters of one session of `tpg` (as `Tpg.sessions()` lists it). */
export function initiatorCounters(tpg: Tpg, s: Session): InitiatorCounters {
  return readLocatedInitiator(locateInitiator(tpg, s));
}

/** Every logged-in initiator of a TPG with its counters. */
export function readInitiators(tpg: Tpg): InitiatorCounters[] {
  return locateInitiators(tpg).map(readLocatedInitiator);
}
