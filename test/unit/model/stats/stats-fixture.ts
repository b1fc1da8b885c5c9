import type { NodeAcl, Tpg } from '../../../../src/model/index.js';
import { newLio, type TestLio } from '../helpers.js';

export const TARGET = 'iqn.2003-01.org.example:stats';
export const INITIATOR = 'iqn.1993-08.org.debian:01:2cbeeb7173ea';

/** The ACL `info` text of a logged-in open-iscsi session (as read on Linux 6.1). */
export function loggedIn(initiator: string, sid: number, address = '192.0.2.7'): string {
  return `InitiatorName: ${initiator}
InitiatorAlias: host-${sid}
LIO Session ID: ${sid}   ISID: 0x00 02 3d 00 00 02  TSIH: ${sid}  SessionType: Normal
Session State: TARG_SESS_STATE_LOGGED_IN
----------------------[iSCSI Connections]-------------------------
CID: 0  Connection State: TARG_CONN_STATE_LOGGED_IN
   Address ${address} TCP  StatSN: 0xc88bcd2f
`;
}

export interface StatsSetup extends TestLio {
  readonly tpg: Tpg;
  readonly acl: NodeAcl;
  /** Makes the kernel files at `dir` read as the given values (counters the simulator keeps at 0). */
  counters(dir: string, values: Readonly<Record<string, number | string>>): void;
  lunDir(lun: number): string;
  mappedLunDir(mappedLun: number): string;
  sessionDir(): string;
  login(sid?: number): void;
}

/**
 * A simulated target with an enabled TPG, two ramdisk LUNs and an ACL for INITIATOR with
 * both LUNs mapped; counter files are fabricated through a read overlay on the port.
 */
export function statsSetup(): StatsSetup {
  const t = newLio();
  const tpg = t.lio.fabric('iscsi').createTarget({ wwn: TARGET, tpg: { enable: true } }).tpg(1);
  tpg.createLun(t.lio.createRamdisk({ name: 'r0', size: 4096 }), { lun: 0 });
  tpg.createLun(t.lio.createRamdisk({ name: 'r1', size: 4096 }), { lun: 1 });
  const acl = tpg.createNodeAcl(INITIATOR, { mapAllLuns: true });
  const texts = new Map<string, string>();
  const read = t.fs.read.bind(t.fs);
  t.fs.read = (path: string) => texts.get(path) ?? read(path);
  return {
    ...t,
    tpg,
    acl,
    counters: (dir, values) => {
      for (const [name, value] of Object.entries(values)) texts.set(`${dir}/${name}`, `${value}\n`);
    },
    lunDir: (lun) => `${tpg.path}/lun/lun_${lun}/statistics/scsi_tgt_port`,
    mappedLunDir: (m) => `${acl.path}/lun_${m}/statistics/scsi_auth_intr`,
    sessionDir: () => `${acl.path}/fabric_statistics/iscsi_sess_stats`,
    login: (sid = 3) => texts.set(`${acl.path}/info`, loggedIn(INITIATOR, sid)),
  };
}

/** A clock that returns the given instants in order. */
export function clock(...ms: number[]): () => number {
  let i = 0;
  return () => ms[Math.min(i++, ms.length - 1)] ?? 0;
}
