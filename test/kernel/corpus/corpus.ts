/**
 * targetcli command lines as its documentation and widely read guides write them. Each
 * script runs verbatim in targetcli-fb and in lioctl on the same kernel; the resulting
 * configfs trees must be equal (see tree-dump.ts for what is normalised).
 *
 * `{FILE}` / `{LOOP}` are replaced by a scratch file directory and a loop device.
 */
export interface CorpusScript {
  readonly name: string;
  readonly lines: readonly string[];
}

const T = 'iqn.2003-01.org.linux-iscsi.corpus.x8664:sn.0123456789ab';
const I1 = 'iqn.1994-05.com.redhat:client1';
const I2 = 'iqn.1994-05.com.redhat:client2';

export const CORPUS: readonly CorpusScript[] = [
  {
    name: 'backstores of every kind',
    lines: [
      '/backstores/fileio create disk1 {FILE}/disk1.img 10M',
      '/backstores/fileio create name=disk2 file_or_dev={FILE}/disk2.img size=20M write_back=false',
      '/backstores/fileio create disk3 {FILE}/disk3.img 4M sparse=false',
      '/backstores/block create name=blk1 dev={LOOP}',
      '/backstores/ramdisk create rd1 16M',
      '/backstores/ramdisk create name=rd2 size=8M nullio=true',
      '/backstores/fileio/disk1 set attribute emulate_tpu=1',
      '/backstores/ramdisk delete rd2',
    ],
  },
  {
    name: 'an iSCSI target with CHAP ACLs, mapped LUNs and portals',
    lines: [
      '/backstores/fileio create disk1 {FILE}/disk1.img 10M',
      '/backstores/ramdisk create rd1 16M',
      `/iscsi create ${T}`,
      `/iscsi/${T}/tpg1/luns create /backstores/fileio/disk1`,
      `/iscsi/${T}/tpg1/luns create /backstores/ramdisk/rd1 lun=3`,
      `/iscsi/${T}/tpg1/acls create ${I1}`,
      `/iscsi/${T}/tpg1/acls create ${I2} add_mapped_luns=false`,
      `/iscsi/${T}/tpg1/acls/${I2} create mapped_lun=5 tpg_lun_or_backstore=3 write_protect=1`,
      `/iscsi/${T}/tpg1/acls/${I1} set auth userid=client1 password=secret123456`,
      `/iscsi/${T}/tpg1/acls/${I2} set auth userid=client2 password=secret654321 mutual_userid=target mutual_password=mutual123456`,
      `/iscsi/${T}/tpg1 set attribute authentication=1`,
      `/iscsi/${T}/tpg1 set parameter MaxConnections=2`,
      `/iscsi/${T}/tpg1/portals create 127.0.0.2 3261`,
      `/iscsi/${T}/tpg1/luns delete lun0`,
    ],
  },
  {
    name: 'demo mode, TPG auth, a second TPG and discovery auth',
    lines: [
      '/backstores/ramdisk create rd1 16M',
      `/iscsi create ${T}`,
      `/iscsi/${T}/tpg1 set attribute generate_node_acls=1 demo_mode_write_protect=0 cache_dynamic_acls=1`,
      `/iscsi/${T}/tpg1 set auth userid=tpguser password=tpgsecret1234`,
      `/iscsi/${T}/tpg1/luns create /backstores/ramdisk/rd1`,
      `/iscsi/${T} create 2`,
      `/iscsi/${T}/tpg2 disable`,
      '/iscsi set discovery_auth enable=1 userid=disc password=discpass12345',
      `/iscsi/${T}/tpg1 disable`,
      `/iscsi/${T}/tpg1 enable`,
    ],
  },
  {
    name: 'loopback and deletes',
    lines: [
      '/backstores/ramdisk create rd1 16M',
      '/backstores/fileio create disk1 {FILE}/disk1.img 10M',
      '/loopback create naa.5001405aaaaaaaaa',
      '/loopback/naa.5001405aaaaaaaaa/luns create /backstores/ramdisk/rd1',
      '/loopback/naa.5001405aaaaaaaaa/luns create /backstores/fileio/disk1',
      `/iscsi create ${T}`,
      `/iscsi/${T}/tpg1/luns create /backstores/fileio/disk1`,
      '/backstores/fileio delete disk1',
      `/iscsi delete ${T}`,
    ],
  },
];
