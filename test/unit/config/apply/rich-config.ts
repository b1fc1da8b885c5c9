import { DEFAULT_ALUA_GROUP, type LioRoot } from '../../../../src/model/index.js';
import { LOOP } from '../../model/helpers.js';

export const IQN = 'iqn.2003-01.org.example:t1';
export const CLIENT = 'iqn.1994-05.com.redhat:client1';
export const CLIENT2 = 'iqn.1994-05.com.redhat:client2';
export const LOOPBACK = 'naa.5001405a1b2c3d4e';
export const NEXUS = 'naa.5001405f0e0d0c0b';

/**
 * A configuration that uses every kind of object the executor creates: three backstore
 * kinds, an ALUA group, INQUIRY identity, an iSCSI TPG with IPv4 and IPv6 portals,
 * CHAP (one-way and mutual) ACLs with tags and write-protected mapped LUNs, discovery
 * authentication, and a loopback target with its nexus.
 */
export function buildRich(lio: LioRoot): void {
  const disk = lio.createFileio({ name: 'disk1', file: '/srv/existing.img', writeBack: true, wwn: '0b9d3c55-8e21-4f0a-a6d7-5c43b2f18e60' });
  disk.attributes.set('emulate_3pc', 0);
  disk.setIdentity({ vendorId: 'ACME', productId: 'Vault' });
  disk.createAluaGroup('fast', 7, { preferred: 1 });
  const blk = lio.createBlock({ device: LOOP, name: 'blk1', wwn: '7d2f61a4-0c3e-4b8a-9f51-2a6c1d0e9b37' });
  const rd = lio.createRamdisk({ name: 'rd0', size: 1 << 20, nullio: true, wwn: 'c3e1f0aa-41b7-4d6e-8c2f-7a90d5b4e113' });
  const iscsi = lio.fabric('iscsi');
  const tpg = iscsi.createTarget({ wwn: IQN, tpg: { enable: true } }).tpg(1);
  tpg.createLun(disk, { lun: 0, alias: 'aaaaaaaaaa', aluaGroup: 'fast' });
  tpg.createLun(blk, { lun: 1, alias: 'bbbbbbbbbb' });
  tpg.createLun(rd, { lun: 2, alias: 'cccccccccc', aluaGroup: DEFAULT_ALUA_GROUP });
  tpg.createPortal('192.0.2.10', 3260);
  tpg.createPortal('[::1]', 3261);
  tpg.parameters.set('TargetAlias', 'rich');
  const acl = tpg.createNodeAcl(CLIENT, { tag: 'dbhosts' });
  acl.setAuth({ userid: 'client1', password: 'initiatorsecret1', mutualUserid: 'target1', mutualPassword: 'targetsecret12' });
  acl.createMappedLun(0, 0, { alias: 'dddddddddd' });
  acl.createMappedLun(1, 1, { writeProtect: true, alias: 'eeeeeeeeee' });
  const acl2 = tpg.createNodeAcl(CLIENT2);
  acl2.setAuth({ userid: 'client2', password: 'initiatorsecret2' });
  acl2.createMappedLun(5, 2, { alias: 'ffffffffff' });
  iscsi.setDiscoveryAuth({ userid: 'disc', password: 'discoverysecret12', enforce: true });
  lio.fabric('loopback').createTarget({ wwn: LOOPBACK, tpg: { nexus: NEXUS } }).tpg(1).createLun(rd, { lun: 0, alias: '1111111111' });
}
