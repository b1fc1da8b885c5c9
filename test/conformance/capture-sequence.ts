import type { ConfigFs } from '../../src/configfs/index.js';
import type { FixtureEntry, Step } from '../../src/configfs/sim/fixture-types.js';
import { P, enabledFileio, mkdir, ramdiskEnabled, rmdir, symlink, unlink, userEnabled, write } from './objects.js';
import { runAll, runQuietly } from './run-step.js';
import { snapshot } from './snapshot.js';

/**
 * Creates one object of every kind, snapshotting each right after its creation step.
 * The fixture capture records these snapshots; the conformance suite replays the same
 * sequence on a backend and compares.
 */
export function captureTrees(fs: ConfigFs, loopDev: string, take: (kind: string, path: string, entries: FixtureEntry[]) => void): void {
  const step = (kind: string, path: string, steps: readonly Step[]): void => {
    runAll(fs, steps);
    take(kind, path, snapshot(fs, path));
  };
  take('root', '', snapshot(fs, ''));
  for (const [plugin, hba, dev] of [
    ['fileio', P.fileioHba, P.fileioDev],
    ['iblock', P.iblockHba, P.iblockDev],
    ['pscsi', P.pscsiHba, P.pscsiDev],
    ['rd_mcp', P.ramdiskHba, P.ramdiskDev],
    ['user', P.userHba, P.userDev],
  ] as const) {
    step(`hba:${plugin}`, hba, [mkdir(hba)]);
    step(`device:${plugin}`, dev, [mkdir(dev)]);
  }
  step('device:fileio:enabled', P.fileioDev, enabledFileio.slice(2));
  step('device:iblock:enabled', P.iblockDev, [
    write(`${P.iblockDev}/udev_path`, loopDev),
    write(`${P.iblockDev}/control`, `udev_path=${loopDev}`),
    write(`${P.iblockDev}/control`, 'readonly=0'),
    write(`${P.iblockDev}/enable`, '1'),
  ]);
  step('device:rd_mcp:enabled', P.ramdiskDev, ramdiskEnabled.slice(2));
  step('device:user:enabled', P.userDev, userEnabled.slice(2));
  step('alua-group', P.aluaGroup, [mkdir(P.aluaGroup)]);

  step('fabric:iscsi', P.iscsi, [mkdir(P.iscsi)]);
  step('target:iscsi', P.iscsiTarget, [mkdir(P.iscsiTarget)]);
  step('tpg:iscsi', P.iscsiTpg, [mkdir(P.iscsiTpg)]);
  step('lun:iscsi', P.iscsiLun, [mkdir(P.iscsiLun)]);
  step('lun:iscsi:linked', P.iscsiLun, [symlink(P.fileioDev, `${P.iscsiLun}/lnk0`)]);
  take('device:fileio:exported', P.fileioDev, snapshot(fs, P.fileioDev));
  step('portal:iscsi', P.iscsiPortal, [mkdir(P.iscsiPortal)]);
  step('acl:iscsi', P.iscsiAcl, [mkdir(P.iscsiAcl)]);
  step('mapped-lun:iscsi', P.iscsiMappedLun, [mkdir(P.iscsiMappedLun)]);
  step('mapped-lun:iscsi:linked', P.iscsiMappedLun, [symlink(P.iscsiLun, `${P.iscsiMappedLun}/mlnk0`)]);
  step('tpg:iscsi:enabled', P.iscsiTpg, [write(`${P.iscsiTpg}/enable`, '1')]);

  step('fabric:loopback', P.loopback, [mkdir(P.loopback)]);
  step('target:loopback', P.loopTarget, [mkdir(P.loopTarget)]);
  step('tpg:loopback', P.loopTpg, [mkdir(P.loopTpg)]);
  step('tpg:loopback:nexus', P.loopTpg, [write(`${P.loopTpg}/nexus`, 'naa.5001405bbbbbbbbb')]);

  step('fabric:vhost', P.vhost, [mkdir(P.vhost)]);
  step('target:vhost', P.vhostTarget, [mkdir(P.vhostTarget)]);
  step('tpg:vhost', P.vhostTpg, [mkdir(P.vhostTpg)]);
  step('acl:vhost', P.vhostAcl, [mkdir(P.vhostAcl)]);
}

/** Removes everything captureTrees made, deepest first. */
export function removeCaptured(fs: ConfigFs): void {
  runQuietly(fs, [
    rmdir(P.vhostAcl),
    rmdir(P.vhostTpg),
    rmdir(P.vhostTarget),
    rmdir(P.vhost),
    rmdir(P.loopTpg),
    rmdir(P.loopTarget),
    rmdir(P.loopback),
    write(`${P.iscsiTpg}/enable`, '0'),
    unlink(`${P.iscsiMappedLun}/mlnk0`),
    rmdir(P.iscsiMappedLun),
    rmdir(P.iscsiAcl),
    rmdir(P.iscsiPortal),
    unlink(`${P.iscsiLun}/lnk0`),
    rmdir(P.iscsiLun),
    rmdir(P.iscsiTpg),
    rmdir(P.iscsiTarget),
    rmdir(P.iscsi),
    rmdir(P.aluaGroup),
    ...[P.fileioDev, P.fileioHba, P.iblockDev, P.iblockHba, P.pscsiDev, P.pscsiHba, P.ramdiskDev, P.ramdiskHba, P.userDev, P.userHba].map(rmdir),
  ]);
}
