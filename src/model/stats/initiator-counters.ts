import type { NodeAcl } from '../fabric/node-acl.js';
import type { Tpg } from '../fabric/tpg.js';
import type { Session } from '../session/session.js';
import { tpgPlace } from './lun-counters.js';
import { readCounter, whileItExists } from './read-counter.js';
import type { InitiatorCounters, MappedLunCounters, SessionCounters } from './stats-types.js';

function findAcl(tpg: Tpg, initiator: string): NodeAcl | undefined {
  try {
    return tpg.findNodeAcl(initiator);
  } catch {
    // A name the model cannot normalise has no ACL we could read counters from.
    return undefined;
  }
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

/** The counters of one session of `tpg` (as `Tpg.sessions()` lists it). */
export function initiatorCounters(tpg: Tpg, s: Session): InitiatorCounters {
  const acl = s.dynamic ? undefined : findAcl(tpg, s.initiator);
  const session = acl === undefined ? undefined : readSessionCounters(acl);
  const address = s.connections[0]?.address;
  return {
    key: `${tpg.path}|${s.initiator}|${s.sid ?? ''}`,
    ...tpgPlace(tpg),
    initiator: s.initiator,
    ...(s.alias === undefined ? {} : { alias: s.alias }),
    ...(s.sid === undefined ? {} : { sid: s.sid }),
    dynamic: s.dynamic,
    state: s.state,
    ...(address === undefined ? {} : { address }),
    connections: s.connections.length,
    luns: acl === undefined ? [] : s.luns.map((l) => readMappedLun(acl, l.mappedLun, l.tpgLun)),
    ...(session === undefined ? {} : { session }),
  };
}

/**
 * Every logged-in initiator of a TPG with its counters. Demo-mode sessions are listed too,
 * without counters: the kernel keeps theirs in ACLs that configfs does not show.
 */
export function readInitiators(tpg: Tpg): InitiatorCounters[] {
  const sessions = whileItExists(() => tpg.sessions()) ?? [];
  const out: InitiatorCounters[] = [];
  for (const s of sessions) {
    const counters = whileItExists(() => initiatorCounters(tpg, s));
    if (counters !== undefined) out.push(counters);
  }
  return out;
}
