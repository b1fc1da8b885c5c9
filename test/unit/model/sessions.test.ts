import { describe, expect, it } from 'vitest';
import { parseDynamicSessions, parseSessionInfo } from '../../../src/model/index.js';
import { newLio } from './helpers.js';

const IQN = 'iqn.2003-01.org.example:t1';
const INIT = 'iqn.1993-08.org.debian:01:2cbeeb7173ea';

// As read from acls/<wwn>/info on Linux 6.1 with open-iscsi logged in.
const LOGGED_IN = `InitiatorName: ${INIT}
InitiatorAlias: lioctl-vm
LIO Session ID: 2   ISID: 0x00 02 3d 00 00 02  TSIH: 2  SessionType: Normal
Session State: TARG_SESS_STATE_LOGGED_IN
---------------------[iSCSI Session Values]-----------------------
  CmdSN/WR  :  CmdSN/WC  :  ExpCmdSN  :  MaxCmdSN  :     ITT    :     TTT
 0x00000040   0x00000040   0x00000013   0x00000052   0x00000013   0x00000011
----------------------[iSCSI Connections]-------------------------
CID: 0  Connection State: TARG_CONN_STATE_LOGGED_IN
   Address 127.0.0.1 TCP  StatSN: 0xc88bcd2f
CID: 1  Connection State: TARG_CONN_STATE_IN_LOGOUT
   Address ::1 TCP  StatSN: 0x00000001
`;

describe('parsing the kernel session texts', () => {
  it('reads initiator, ids, state and connections from an ACL info file', () => {
    expect(parseSessionInfo(LOGGED_IN)).toEqual({
      initiator: INIT,
      alias: 'lioctl-vm',
      sid: 2,
      isid: '00023d000002',
      tsih: 2,
      type: 'Normal',
      state: 'LOGGED_IN',
      connections: [
        { cid: 0, state: 'LOGGED_IN', address: '127.0.0.1', transport: 'TCP' },
        { cid: 1, state: 'IN_LOGOUT', address: '::1', transport: 'TCP' },
      ],
    });
  });

  it('knows when there is no session', () => {
    expect(parseSessionInfo(`No active iSCSI Session for Initiator Endpoint: ${INIT}\n`)).toBeUndefined();
  });

  it('splits dynamic_sessions: one name per line, each followed by NUL', () => {
    expect(parseDynamicSessions(`${INIT}\n\0iqn.1994-05.com.example:b\n\0`)).toEqual([INIT, 'iqn.1994-05.com.example:b']);
    expect(parseDynamicSessions('')).toEqual([]);
  });
});

describe('listing sessions', () => {
  function setup() {
    const t = newLio();
    const tpg = t.lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: { enable: true } }).tpg(1);
    tpg.createLun(t.lio.createRamdisk({ name: 'r0', size: 4096 }), { lun: 0 });
    tpg.createLun(t.lio.createRamdisk({ name: 'r1', size: 4096 }), { lun: 1 });
    const texts = new Map<string, string>();
    const read = t.fs.read.bind(t.fs);
    t.fs.read = (path: string) => texts.get(path) ?? read(path);
    return { ...t, tpg, texts };
  }

  it('lists initiators logged in through their ACL, with their mapped LUNs', () => {
    const { lio, tpg, texts } = setup();
    const acl = tpg.createNodeAcl(INIT, { tag: 'hosts', auth: { userid: 'u', password: 'secretsecret1', mutualUserid: 'm', mutualPassword: 'mutualsecret1' } });
    acl.createMappedLun(7, 1, { writeProtect: true });
    tpg.createNodeAcl('iqn.1994-05.com.example:idle');
    texts.set(`${acl.path}/info`, LOGGED_IN);
    expect(lio.sessions()).toEqual([
      {
        fabric: 'iscsi',
        target: IQN,
        tpg: 1,
        initiator: INIT,
        alias: 'lioctl-vm',
        sid: 2,
        isid: '00023d000002',
        tsih: 2,
        type: 'Normal',
        state: 'LOGGED_IN',
        dynamic: false,
        tag: 'hosts',
        mutualChap: true,
        connections: expect.any(Array),
        luns: [{ mappedLun: 7, tpgLun: 1, storageObject: 'ramdisk/r1', writeProtect: true }],
      },
    ]);
    expect(acl.session()?.sid).toBe(2);
  });

  it('lists demo-mode initiators, which have no ACL, with every LUN of the TPG', () => {
    const { lio, tpg, texts } = setup();
    tpg.setDemoMode({ generateNodeAcls: true, writeProtect: false });
    texts.set(`${tpg.path}/dynamic_sessions`, `${INIT}\n\0`);
    expect(tpg.sessions()).toEqual([
      {
        fabric: 'iscsi',
        target: IQN,
        tpg: 1,
        initiator: INIT,
        dynamic: true,
        type: 'Normal',
        state: 'LOGGED_IN',
        connections: [],
        luns: [
          { mappedLun: 0, tpgLun: 0, storageObject: 'ramdisk/r0', writeProtect: false },
          { mappedLun: 1, tpgLun: 1, storageObject: 'ramdisk/r1', writeProtect: false },
        ],
      },
    ]);
    expect(lio.sessions()).toHaveLength(1);
  });

  it('is empty when nobody is logged in', () => {
    const { lio, tpg } = setup();
    tpg.createNodeAcl(INIT);
    lio.fabric('loopback').createTarget();
    expect(lio.sessions()).toEqual([]);
  });
});
