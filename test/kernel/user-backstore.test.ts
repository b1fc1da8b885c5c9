// user:<handler> backstores on the real kernel: tcmu-runner (started by the test) serves a
// user:qcow object on a qcow2 image that lives on ext4 (the qcow handler needs fallocate
// modes the VM's overlay and tmpfs lack). First targetcli-fb alone proves the setup; then
// lioctl, written in targetcli's syntax: ls, loopback and iSCSI IO, top, save/clear/restore,
// the saveconfig round trip with targetcli, and the faults around tcmu-runner.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { KernelConfigFs } from '../../src/configfs/index.js';
import { clearEverything, lioctl, lioctlOk, readJson, standardPart, targetcli, targetcliOk } from './config/config-tools.js';
import { diskByModel, noDiskWithModel, run, sh, sleep, writeAndReadBack } from './model/kernel-helpers.js';
import {
  announcedHandlers,
  createQcow2,
  ext4Scratch,
  holdBusActivation,
  blockNetlink,
  forgetTcmuRunner,
  qcow2Check,
  qcow2Info,
  startTcmuRunner,
  type Ext4Scratch,
  type TcmuRunner,
} from './tcmu-helpers.js';

const LOG_DIR = '/tmp/tcmu-runner-log';
const MODEL = 'TCMU device';
const LOOP_WWN = 'naa.5001405aaaa00026';
const IQN = 'iqn.2003-01.org.example.lioctl:tcmu';
const PORTAL = '127.0.0.1:3260';
const PATTERN = randomBytes(1024 * 1024);
const SAVE = '/tmp/tcmu-save';

let scratch: Ext4Scratch;
let runner: TcmuRunner | undefined;
let lioctlKnowsUser = false;

function image(name: string): string {
  return `${scratch.dir}/${name}.qcow2`;
}

/** tcmu-runner running (started if it is not). */
function ensureRunner(): TcmuRunner {
  if (runner === undefined || !runner.running()) runner = startTcmuRunner(LOG_DIR);
  return runner;
}

/** The user objects in configfs, as hba/device paths. */
function userObjects(): string[] {
  const fs = new KernelConfigFs();
  return fs
    .list('core')
    .filter((hba) => hba.startsWith('user_'))
    .flatMap((hba) => [hba, ...fs.list(`core/${hba}`).filter((n) => fs.exists(`core/${hba}/${n}/enable`)).map((n) => `${hba}/${n}`)]);
}

/** The disk a loopback or iSCSI LUN on a user object shows as, once the kernel has scanned it. */
function tcmuDisk(): string {
  return diskByModel(MODEL, 120_000);
}

function waitNoDisk(): void {
  const deadline = Date.now() + 60_000;
  while (!noDiskWithModel(MODEL)) {
    if (Date.now() > deadline) throw new Error(`a ${MODEL} disk is still there`);
    sleep(250);
  }
}

/** Writes the pattern at offset 0 with O_DIRECT and reads it back; returns what was read. */
function ddPattern(dev: string): Buffer {
  return writeAndReadBack(dev, PATTERN, '/tmp/tcmu-pattern');
}

function readBack(dev: string): Buffer {
  sh('dd', [`if=${dev}`, 'of=/tmp/tcmu-read', `bs=${PATTERN.length}`, 'count=1', 'iflag=direct', 'status=none']);
  return readFileSync('/tmp/tcmu-read');
}

function iscsiadm(...args: string[]): { status: number; out: string } {
  return run('iscsiadm', args);
}

function iscsiLogin(iqn: string): void {
  if (run('pgrep', ['-x', 'iscsid']).status !== 0) sh('iscsid', []);
  sleep(500);
  const found = iscsiadm('-m', 'discovery', '-t', 'st', '-p', PORTAL);
  expect(found.status, found.out).toBe(0);
  expect(found.out).toContain(iqn);
  const login = iscsiadm('-m', 'node', '-T', iqn, '-p', PORTAL, '--login');
  expect(login.status, login.out).toBe(0);
}

function iscsiLogout(): void {
  iscsiadm('-m', 'node', '--logoutall=all');
  iscsiadm('-m', 'node', '-o', 'delete');
  iscsiadm('-m', 'discoverydb', '-t', 'st', '-p', PORTAL, '-o', 'delete');
}

/** Lines of an `ls` tree, without the summary columns that depend on timing. */
function treeLines(out: string): string[] {
  return out.trimEnd().split('\n');
}

function needsLioctl(ctx: TestContext): void {
  if (!lioctlKnowsUser) ctx.skip('lioctl does not list user:<handler> backstores yet');
}

beforeAll(() => {
  holdBusActivation();
  clearEverything();
  scratch = ext4Scratch();
  ensureRunner();
  expect(announcedHandlers()).toEqual(expect.arrayContaining(['qcow']));
  lioctlKnowsUser = lioctl('ls', '/backstores').stdout.includes('user:qcow');
});

afterEach((ctx) => {
  iscsiLogout();
  if (ctx.task.result?.state === 'fail' && runner !== undefined) process.stderr.write(`${runner.log()}\n`);
  ensureRunner();
  clearEverything();
  expect(userObjects()).toEqual([]);
});

afterAll(() => {
  runner?.stop();
  forgetTcmuRunner();
  scratch?.release();
  rmSync(SAVE, { recursive: true, force: true });
});

describe('targetcli-fb with tcmu-runner', () => {
  it('lists the handlers tcmu-runner announces, and serves a qcow2 image through a loopback LUN', () => {
    const listed = targetcliOk('ls /backstores');
    for (const h of announcedHandlers() ?? []) expect(listed).toContain(`user:${h}`);
    const img = image('t1');
    createQcow2(img, '64M');
    const before = qcow2Info(img);
    expect(before).toMatchObject({ format: 'qcow2', virtualSize: 64 * 2 ** 20 });
    targetcliOk(`/backstores/user:qcow create name=q1 size=64M cfgstring=${img}`);
    // targetcli shows the image path, and "deactivated" until a LUN exports the object.
    expect(targetcliOk('ls /backstores/user:qcow')).toContain(`q1 `);
    expect(targetcliOk('ls /backstores/user:qcow')).toContain(`[${img} (64.0MiB) deactivated]`);
    targetcliOk(`/loopback create ${LOOP_WWN}`);
    targetcliOk(`/loopback/${LOOP_WWN}/luns create /backstores/user:qcow/q1`);
    const dev = tcmuDisk();
    expect(readFileSync(`/sys/block/${dev.slice(5)}/size`, 'utf8').trim()).toBe(String((64 * 2 ** 20) / 512));
    expect(ddPattern(dev).equals(PATTERN)).toBe(true);
    // The data went into the image: it grew by at least the pattern, and it is consistent.
    expect(qcow2Info(img).actualSize).toBeGreaterThanOrEqual(before.actualSize + PATTERN.length);
    const check = qcow2Check(img);
    expect(check.clean).toBe(true);
    expect(check.allocatedClusters * 65536).toBeGreaterThanOrEqual(PATTERN.length);
    targetcliOk(`/loopback delete ${LOOP_WWN}`);
    waitNoDisk();
  });
});

describe('lioctl with tcmu-runner', () => {
  it('lists /backstores as targetcli does, user:<handler> nodes and objects included', (ctx) => {
    needsLioctl(ctx);
    const img = image('ls');
    createQcow2(img, '64M');
    lioctlOk('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${img}`);
    lioctlOk('/backstores/ramdisk', 'create', 'rd1', '16M');
    expect(treeLines(lioctlOk('ls', '/backstores'))).toEqual(treeLines(targetcliOk('ls /backstores')));
    expect(userObjects()).toHaveLength(2);
  });

  it('serves a qcow2 image through loopback and iSCSI; top shows the IO; save, clear and restore keep the data', async (ctx) => {
    needsLioctl(ctx);
    const img = image('io');
    createQcow2(img, '64M');
    const before = qcow2Info(img).actualSize;
    lioctlOk('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${img}`);
    // loopback
    lioctlOk('/loopback', 'create', LOOP_WWN);
    lioctlOk(`/loopback/${LOOP_WWN}/luns`, 'create', '/backstores/user:qcow/q1');
    expect(ddPattern(tcmuDisk()).equals(PATTERN)).toBe(true);
    expect(qcow2Info(img).actualSize).toBeGreaterThanOrEqual(before + PATTERN.length);
    lioctlOk('/loopback', 'delete', LOOP_WWN);
    waitNoDisk();
    // iSCSI, with an open-iscsi login
    lioctlOk('/iscsi', 'create', IQN);
    lioctlOk(`/iscsi/${IQN}/tpg1/luns`, 'create', '/backstores/user:qcow/q1');
    lioctlOk(`/iscsi/${IQN}/tpg1`, 'set', 'attribute', 'generate_node_acls=1', 'demo_mode_write_protect=0', 'cache_dynamic_acls=1');
    iscsiLogin(IQN);
    const dev = tcmuDisk();
    expect(readBack(dev).equals(PATTERN)).toBe(true);
    // top: a reader on the LUN while top samples.
    // The disk is 64 MiB: dd reads it over and over for as long as top samples.
    const reader = spawn('sh', ['-c', `while :; do dd if=${dev} of=/dev/null bs=64k iflag=direct status=none; done`], { stdio: 'ignore' });
    const top = lioctl('top', '--once', '--json', '--interval', '2');
    reader.kill('SIGKILL');
    run('pkill', ['-x', 'dd']);
    expect(top.status, top.stderr).toBe(0);
    const luns = (JSON.parse(top.stdout) as { data: { luns: Array<{ storageObject: string; iops: number | null }> } }).data.luns;
    const lun = luns.find((l) => l.storageObject.endsWith('/q1'));
    expect(lun?.iops ?? 0, JSON.stringify(luns)).toBeGreaterThan(0);
    iscsiLogout();
    waitNoDisk();
    // saveconfig, clearconfig, restoreconfig: the object comes back on the same image.
    sh('mkdir', ['-p', SAVE]);
    lioctlOk('saveconfig', `${SAVE}/lioctl.json`);
    const saved = readJson(`${SAVE}/lioctl.json`);
    expect(JSON.stringify(saved.storage_objects)).toContain('"plugin":"user"');
    expect(JSON.stringify(saved.storage_objects)).toContain(`"config":"qcow/${img}"`);
    lioctlOk('clearconfig', 'confirm=true');
    expect(userObjects()).toEqual([]);
    lioctlOk('restoreconfig', `savefile=${SAVE}/lioctl.json`);
    iscsiLogin(IQN);
    expect(readBack(tcmuDisk()).equals(PATTERN)).toBe(true);
    expect(qcow2Check(img).clean).toBe(true);
  });

  it('round-trips saveconfig.json with targetcli both ways', (ctx) => {
    needsLioctl(ctx);
    const img = image('rt');
    createQcow2(img, '64M');
    sh('mkdir', ['-p', SAVE]);
    targetcliOk(`/backstores/user:qcow create name=q1 size=64M cfgstring=${img} hw_max_sectors=256`);
    targetcliOk('/backstores/ramdisk create rd1 16M');
    targetcliOk(`saveconfig ${SAVE}/targetcli.json`);
    clearEverything();
    // targetcli restoring its own file is the judge for its restore of lioctl's: it reports
    // the attributes a user device takes only before enable (dev_config, dev_size...) as
    // recoverable errors either way.
    const own = targetcli(`restoreconfig ${SAVE}/targetcli.json`);
    clearEverything();
    lioctlOk('restoreconfig', `savefile=${SAVE}/targetcli.json`);
    lioctlOk('saveconfig', `${SAVE}/lioctl.json`);
    expect(standardPart(readFileSync(`${SAVE}/lioctl.json`, 'utf8'))).toEqual(standardPart(readFileSync(`${SAVE}/targetcli.json`, 'utf8')));
    clearEverything();
    const restored = targetcli(`restoreconfig ${SAVE}/lioctl.json`);
    expect(restored.status, restored.stderr + restored.stdout).toBe(own.status);
    expect(restored.stdout + restored.stderr).toEqual(own.stdout + own.stderr);
    targetcliOk(`saveconfig ${SAVE}/targetcli-again.json`);
    expect(standardPart(readFileSync(`${SAVE}/targetcli-again.json`, 'utf8'))).toEqual(standardPart(readFileSync(`${SAVE}/lioctl.json`, 'utf8')));
  });
});

describe('lioctl when tcmu-runner fails', () => {
  it('refuses to create a user object while tcmu-runner is not running, makes nothing, and a retry works', (ctx) => {
    needsLioctl(ctx);
    const img = image('down');
    createQcow2(img, '64M');
    ensureRunner().stop();
    // Should lioctl enable a user device now, the kernel refuses at once instead of waiting for good.
    blockNetlink();
    const r = lioctl('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${img}`);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/tcmu-runner/);
    expect(userObjects()).toEqual([]);
    ensureRunner();
    lioctlOk('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${img}`);
    expect(userObjects()).toHaveLength(2);
  });

  it('makes nothing when the handler refuses the cfgstring', (ctx) => {
    needsLioctl(ctx);
    // tcmu-runner 1.5.4's CheckConfig accepts any string; the qcow handler fails to open a
    // missing image when the device is enabled, and the kernel's enable then fails with EIO.
    const r = lioctl('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${scratch.dir}/missing/none.qcow2`);
    expect(r.status).not.toBe(0);
    // lioctl's error line, then its line on what to do: here, the handler and its cfgstring.
    const [error, hint, ...more] = r.stderr.trimEnd().split('\n');
    expect(error, r.stderr).toMatch(/^lioctl: Cannot create storage object user\/q1: /);
    expect(hint, r.stderr).toMatch(/tcmu-runner's qcow handler .*check the cfgstring/);
    expect(more, r.stderr).toEqual([]);
    expect(userObjects()).toEqual([]);
  });

  it('deletes and clears an exported user object after tcmu-runner was killed', (ctx) => {
    needsLioctl(ctx);
    const img = image('killed');
    createQcow2(img, '64M');
    lioctlOk('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${img}`);
    createQcow2(image('killed2'), '64M');
    lioctlOk('/backstores/user:qcow', 'create', 'name=q2', 'size=64M', `cfgstring=${image('killed2')}`);
    lioctlOk('/loopback', 'create', LOOP_WWN);
    lioctlOk(`/loopback/${LOOP_WWN}/luns`, 'create', '/backstores/user:qcow/q1');
    tcmuDisk();
    ensureRunner().kill();
    blockNetlink();
    const del = lioctl('/backstores/user:qcow', 'delete', 'q2');
    expect(del.status, del.stderr).toBe(0);
    const clear = lioctl('clearconfig', 'confirm=true');
    expect(clear.status, clear.stderr).toBe(0);
    expect(userObjects()).toEqual([]);
  });

  it('restores everything but the user objects while tcmu-runner is down, exit 9', (ctx) => {
    needsLioctl(ctx);
    const img = image('restore');
    createQcow2(img, '64M');
    sh('mkdir', ['-p', SAVE]);
    lioctlOk('/backstores/user:qcow', 'create', 'name=q1', 'size=64M', `cfgstring=${img}`);
    lioctlOk('/backstores/ramdisk', 'create', 'rd1', '16M');
    lioctlOk('/iscsi', 'create', IQN);
    lioctlOk(`/iscsi/${IQN}/tpg1/luns`, 'create', '/backstores/ramdisk/rd1');
    lioctlOk('saveconfig', `${SAVE}/mixed.json`);
    lioctlOk('clearconfig', 'confirm=true');
    ensureRunner().stop();
    // Should lioctl enable a user device now, the kernel refuses at once instead of waiting for good.
    blockNetlink();
    const r = lioctl('restoreconfig', `savefile=${SAVE}/mixed.json`);
    expect(r.status, r.stderr).toBe(9);
    expect(r.stderr).toMatch(/tcmu-runner/);
    expect(userObjects()).toEqual([]);
    const tree = lioctlOk('ls', '/');
    expect(tree).toContain('rd1');
    expect(tree).toContain(IQN);
  });
});
