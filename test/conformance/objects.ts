import type { Step } from '../../src/configfs/sim/fixture-types.js';

/**
 * Names and creation steps of one instance of every LIO object kind, shared by the fixture
 * capture (run on the kernel) and the conformance scenarios (run on both backends).
 */
export const FILEIO_FILE = '/tmp/lioctl-conformance.img';
export const FILEIO_SIZE = 16 * 1024 * 1024;

export const P = {
  fileioHba: 'core/fileio_0',
  fileioDev: 'core/fileio_0/fdev',
  iblockHba: 'core/iblock_1',
  iblockDev: 'core/iblock_1/bdev',
  pscsiHba: 'core/pscsi_2',
  pscsiDev: 'core/pscsi_2/pdev',
  ramdiskHba: 'core/rd_mcp_3',
  ramdiskDev: 'core/rd_mcp_3/rdev',
  userHba: 'core/user_4',
  userDev: 'core/user_4/udev',
  aluaGroup: 'core/fileio_0/fdev/alua/grp1',
  iscsi: 'iscsi',
  iscsiTarget: 'iscsi/iqn.2003-01.org.example.conformance:t1',
  iscsiTpg: 'iscsi/iqn.2003-01.org.example.conformance:t1/tpgt_1',
  iscsiLun: 'iscsi/iqn.2003-01.org.example.conformance:t1/tpgt_1/lun/lun_0',
  iscsiPortal: 'iscsi/iqn.2003-01.org.example.conformance:t1/tpgt_1/np/127.0.0.1:3260',
  iscsiPortal6: 'iscsi/iqn.2003-01.org.example.conformance:t1/tpgt_1/np/[::1]:3261',
  iscsiAcl: 'iscsi/iqn.2003-01.org.example.conformance:t1/tpgt_1/acls/iqn.1994-05.org.example:init1',
  iscsiMappedLun: 'iscsi/iqn.2003-01.org.example.conformance:t1/tpgt_1/acls/iqn.1994-05.org.example:init1/lun_0',
  loopback: 'loopback',
  loopTarget: 'loopback/naa.5001405aaaaaaaaa',
  loopTpg: 'loopback/naa.5001405aaaaaaaaa/tpgt_1',
  loopLun: 'loopback/naa.5001405aaaaaaaaa/tpgt_1/lun/lun_0',
  vhost: 'vhost',
  vhostTarget: 'vhost/naa.5001405ccccccccc',
  vhostTpg: 'vhost/naa.5001405ccccccccc/tpgt_1',
  vhostAcl: 'vhost/naa.5001405ccccccccc/tpgt_1/acls/naa.5001405ddddddddd',
} as const;

export const mkdir = (path: string): Step => ({ op: 'mkdir', path });
export const rmdir = (path: string): Step => ({ op: 'rmdir', path });
export const write = (path: string, value: string): Step => ({ op: 'write', path, value });
export const read = (path: string): Step => ({ op: 'read', path });
export const symlink = (target: string, path: string): Step => ({ op: 'symlink', path, target });
export const unlink = (path: string): Step => ({ op: 'unlink', path });
export const readlink = (path: string): Step => ({ op: 'readlink', path });
export const list = (path: string): Step => ({ op: 'list', path });
export const exists = (path: string): Step => ({ op: 'exists', path });

/** A fileio device configured and enabled, as rtslib creates it (before any LUN link). */
export const enabledFileio: readonly Step[] = [
  mkdir(P.fileioHba),
  mkdir(P.fileioDev),
  write(`${P.fileioDev}/control`, `fd_dev_name=${FILEIO_FILE},fd_dev_size=${FILEIO_SIZE}`),
  write(`${P.fileioDev}/udev_path`, FILEIO_FILE),
  write(`${P.fileioDev}/enable`, '1'),
  write(`${P.fileioDev}/wwn/vpd_unit_serial`, '2a3b4c5d-0000-4000-8000-000000000001'),
];

export const ramdiskEnabled: readonly Step[] = [
  mkdir(P.ramdiskHba),
  mkdir(P.ramdiskDev),
  write(`${P.ramdiskDev}/control`, 'rd_pages=4096'),
  write(`${P.ramdiskDev}/enable`, '1'),
];

/** A user (TCMU) device configured and enabled as rtslib does it; the kernel needs no tcmu-runner for that. */
export const USER_CONFIG = 'qcow//tmp/lioctl-conformance.qcow2';
export const userEnabled: readonly Step[] = [
  mkdir(P.userHba),
  mkdir(P.userDev),
  write(`${P.userDev}/control`, `dev_config=${USER_CONFIG}`),
  write(`${P.userDev}/control`, `dev_size=${FILEIO_SIZE}`),
  write(`${P.userDev}/enable`, '1'),
];

export const iscsiTpg: readonly Step[] = [mkdir(P.iscsi), mkdir(P.iscsiTarget), mkdir(P.iscsiTpg)];

export const fileioLun: readonly Step[] = [...enabledFileio, ...iscsiTpg, mkdir(P.iscsiLun), symlink(P.fileioDev, `${P.iscsiLun}/lnk0`)];

export const removeFileioLun: readonly Step[] = [unlink(`${P.iscsiLun}/lnk0`), rmdir(P.iscsiLun)];
export const removeIscsi: readonly Step[] = [rmdir(P.iscsiTpg), rmdir(P.iscsiTarget), rmdir(P.iscsi)];
export const removeFileio: readonly Step[] = [rmdir(P.fileioDev), rmdir(P.fileioHba)];
