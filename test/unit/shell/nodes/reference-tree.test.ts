import { expect, it } from 'vitest';
import { CLIENT, fabricShell, IQN, ls, row } from './fabric-shell.js';

it("draws targetcli's reference tree (one block disk exported over iSCSI to one initiator) line for line", () => {
  const s = fabricShell();
  const tpg = `/iscsi/${IQN}/tpg1`;
  s.run('/backstores/block create disk1 /dev/sdb', `/iscsi create ${IQN}`, `${tpg}/luns create /backstores/block/disk1`, `${tpg}/acls create ${CLIENT}`);
  expect(ls(s, '/')).toEqual([
    row('o- ', '/', '...'),
    row('  o- ', 'backstores', '...'),
    row('  | o- ', 'block', 'Storage Objects: 1'),
    row('  | | o- ', 'disk1', '/dev/sdb (32.0MiB) write-thru activated'),
    row('  | |   o- ', 'alua', 'ALUA Groups: 1'),
    row('  | |     o- ', 'default_tg_pt_gp', 'ALUA state: Active/optimized'),
    row('  | o- ', 'fileio', 'Storage Objects: 0'),
    row('  | o- ', 'pscsi', 'Storage Objects: 0'),
    row('  | o- ', 'ramdisk', 'Storage Objects: 0'),
    row('  o- ', 'iscsi', 'Targets: 1'),
    row('  | o- ', IQN, 'TPGs: 1'),
    row('  |   o- ', 'tpg1', 'no-gen-acls, no-auth'),
    row('  |     o- ', 'acls', 'ACLs: 1'),
    row('  |     | o- ', CLIENT, 'Mapped LUNs: 1'),
    row('  |     |   o- ', 'mapped_lun0', 'lun0 block/disk1 (rw)'),
    row('  |     o- ', 'luns', 'LUNs: 1'),
    row('  |     | o- ', 'lun0', 'block/disk1 (/dev/sdb) (default_tg_pt_gp)'),
    row('  |     o- ', 'portals', 'Portals: 1'),
    row('  |       o- ', '[::0]:3260', 'OK'),
    row('  o- ', 'loopback', 'Targets: 0'),
    row('  o- ', 'vhost', 'Targets: 0'),
    row('  o- ', 'xen-pvscsi', 'Targets: 0'),
  ]);
});
