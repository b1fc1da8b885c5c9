import type { LsNode } from '../../../src/shell/render/ls-tree.js';

const node = (name: string, text: string, healthy: boolean | null, children: LsNode[] = []): LsNode => ({
  name,
  summary: { text, healthy },
  children,
});

/**
 * The reference §1.3 example: one block disk exported over iSCSI to one initiator.
 * Children are listed out of order on purpose: the renderer sorts them.
 */
export const exampleTree: LsNode = node('/', '', null, [
  node('xen-pvscsi', 'Targets: 0', null),
  node('iscsi', 'Targets: 1', null, [
    node('iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa', 'TPGs: 1', null, [
      node('tpg1', 'no-gen-acls, no-auth', null, [
        node('portals', 'Portals: 1', null, [node('[::0]:3260', '', true)]),
        node('luns', 'LUNs: 1', null, [node('lun0', 'block/disk1 (/dev/sdb) (default_tg_pt_gp)', true)]),
        node('acls', 'ACLs: 1', null, [
          node('iqn.1994-05.com.redhat:client1', 'Mapped LUNs: 1', null, [
            node('mapped_lun0', 'lun0 block/disk1 (rw)', true),
          ]),
        ]),
      ]),
    ]),
  ]),
  node('backstores', '', null, [
    node('ramdisk', 'Storage Objects: 0', null),
    node('pscsi', 'Storage Objects: 0', null),
    node('fileio', 'Storage Objects: 0', null),
    node('block', 'Storage Objects: 1', null, [
      node('disk1', '/dev/sdb (10.0GiB) write-thru activated', true, [
        node('alua', 'ALUA Groups: 1', null, [node('default_tg_pt_gp', 'ALUA state: Active/optimized', true)]),
      ]),
    ]),
  ]),
  node('vhost', 'Targets: 0', null),
  node('loopback', 'Targets: 0', null),
]);
