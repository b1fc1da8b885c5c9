/**
 * Records, on a real kernel, the tree that mkdir produces for every LIO object kind and
 * the outcome of every conformance scenario. Run inside the VM by scripts/capture-fixtures;
 * the simulator is built from what this writes to fixtures/kernel/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import type { FixtureKind, Step, TreeFixtures, BehaviourFixtures } from '../../../src/configfs/sim/fixture-types.js';
import { FILEIO_FILE, P, mkdir, symlink, write, enabledFileio, ramdiskEnabled } from '../../conformance/objects.js';
import { runAll, runQuietly, runStep } from '../../conformance/run-step.js';
import { SCENARIOS } from '../../conformance/scenarios.js';
import { snapshot } from './snapshot.js';

const outDir = process.argv[2] ?? 'fixtures/kernel';
const fs = new KernelConfigFs();
const kinds: Record<string, FixtureKind> = {};

function take(kind: string, path: string): void {
  kinds[kind] = { path, entries: snapshot(fs, path) };
  process.stdout.write(`captured ${kind} (${kinds[kind]?.entries.length} entries)\n`);
}

function step(kind: string, path: string, steps: readonly Step[]): void {
  runAll(fs, steps);
  take(kind, path);
}

writeFileSync(FILEIO_FILE, Buffer.alloc(0));
execFileSync('truncate', ['-s', '16M', '/tmp/lioctl-loop.img']);
const loopDev = execFileSync('losetup', ['-f', '--show', '/tmp/lioctl-loop.img'], { encoding: 'utf8' }).trim();
execFileSync('modprobe', ['-a', 'vhost_scsi']);

take('root', '');
// Backstores: each plugin's HBA, a fresh device, and the device once configured and enabled.
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
step('alua-group', P.aluaGroup, [mkdir(P.aluaGroup)]);

step('fabric:iscsi', P.iscsi, [mkdir(P.iscsi)]);
step('target:iscsi', P.iscsiTarget, [mkdir(P.iscsiTarget)]);
step('tpg:iscsi', P.iscsiTpg, [mkdir(P.iscsiTpg)]);
step('lun:iscsi', P.iscsiLun, [mkdir(P.iscsiLun)]);
step('lun:iscsi:linked', P.iscsiLun, [symlink(P.fileioDev, `${P.iscsiLun}/lnk0`)]);
take('device:fileio:exported', P.fileioDev);
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

// Tear everything down again, deepest first.
runQuietly(fs, [
  { op: 'rmdir', path: P.vhostAcl },
  { op: 'rmdir', path: P.vhostTpg },
  { op: 'rmdir', path: P.vhostTarget },
  { op: 'rmdir', path: P.loopTpg },
  { op: 'rmdir', path: P.loopTarget },
  { op: 'write', path: `${P.iscsiTpg}/enable`, value: '0' },
  { op: 'unlink', path: `${P.iscsiMappedLun}/mlnk0` },
  { op: 'rmdir', path: P.iscsiMappedLun },
  { op: 'rmdir', path: P.iscsiAcl },
  { op: 'rmdir', path: P.iscsiPortal },
  { op: 'unlink', path: `${P.iscsiLun}/lnk0` },
  { op: 'rmdir', path: P.iscsiLun },
  { op: 'rmdir', path: P.iscsiTpg },
  { op: 'rmdir', path: P.iscsiTarget },
  { op: 'rmdir', path: P.iscsi },
  { op: 'rmdir', path: P.loopback },
  { op: 'rmdir', path: P.vhost },
  { op: 'rmdir', path: P.aluaGroup },
  ...[P.fileioDev, P.fileioHba, P.iblockDev, P.iblockHba, P.pscsiDev, P.pscsiHba, P.ramdiskDev, P.ramdiskHba, P.userDev, P.userHba].map(
    (path): Step => ({ op: 'rmdir', path }),
  ),
]);

const scenarios = SCENARIOS.map((scenario) => {
  runAll(fs, scenario.setup);
  const outcomes = scenario.probe.map((s) => runStep(fs, s));
  runQuietly(fs, scenario.cleanup);
  process.stdout.write(`scenario ${scenario.name}: ${outcomes.map((o) => (o.ok ? 'ok' : o.errno)).join(' ')}\n`);
  return { name: scenario.name, outcomes };
});
execFileSync('losetup', ['-d', loopDev]);

mkdirSync(outDir, { recursive: true });
const trees: TreeFixtures = { kernel: release(), kinds };
const behaviours: BehaviourFixtures = { kernel: release(), scenarios };
writeFileSync(`${outDir}/trees.json`, `${JSON.stringify(trees, null, 1)}\n`);
writeFileSync(`${outDir}/behaviours.json`, `${JSON.stringify(behaviours, null, 1)}\n`);
const left = fs.list('core').filter((n) => n !== 'alua');
process.stdout.write(`wrote ${outDir}; leftover core entries: ${left.join(' ') || 'none'}\n`);
