// `lioctl top --once --json` against the real kernel: open-iscsi (in the same VM) logs in to
// a model-built target, dd reads one LUN and writes another with O_DIRECT while top samples,
// and top's rates must match what dd moved over the same window (within 20%).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LioRoot } from '../../src/model/index.js';
import { configfsLeftovers, diskByModel, kernelLio, run, sh, sleep, unregisterFabrics } from './model/kernel-helpers.js';

const PORTAL = '127.0.0.1:3260';
const IQN = 'iqn.2003-01.org.example.lioctl:top';
const INITIATOR = readFileSync('/etc/iscsi/initiatorname.iscsi', 'utf8').match(/^InitiatorName=(\S+)/m)?.[1] ?? '';
const BLOCK = 256 * 1024;
const MIB = 2 ** 20;
const TOLERANCE = 0.2;

let lio: LioRoot;

/** A dd run whose progress (bytes at wall-clock instants) is recorded as it goes. */
interface Load {
  readonly child: ChildProcess;
  readonly progress: Array<{ readonly t: number; readonly bytes: number }>;
  readonly exited: Promise<void>;
}

function startDd(args: readonly string[]): Load {
  // status=progress prints once a second; SIGUSR1 (sent below) makes dd print at once.
  const child = spawn('dd', [...args, 'status=progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const progress: Array<{ t: number; bytes: number }> = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    const t = Date.now();
    for (const m of chunk.toString().matchAll(/(\d+) bytes/g)) progress.push({ t, bytes: Number(m[1]) });
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { child, progress, exited };
}

/** Bytes dd had moved at instant `t`, interpolated between the two nearest reports. */
function bytesAt(load: Load, t: number): number {
  const p = load.progress;
  const after = p.findIndex((x) => x.t >= t);
  if (after <= 0) throw new Error(`dd has no progress report around ${new Date(t).toISOString()} (${p.length} reports)`);
  const a = p[after - 1];
  const b = p[after];
  if (a === undefined || b === undefined) throw new Error('unreachable');
  return b.t === a.t ? b.bytes : a.bytes + ((b.bytes - a.bytes) * (t - a.t)) / (b.t - a.t);
}

function ddBytesPerSecond(load: Load, from: number, to: number): number {
  return (bytesAt(load, to) - bytesAt(load, from)) / ((to - from) / 1000);
}

function runLioctl(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve('bin/lioctl'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ status: code ?? -1, stdout, stderr }));
  });
}

function iscsiadm(...args: string[]): { status: number; out: string } {
  return run('iscsiadm', args);
}

function login(): void {
  if (run('pgrep', ['-x', 'iscsid']).status !== 0) sh('iscsid', []);
  sleep(500);
  const found = iscsiadm('-m', 'discovery', '-t', 'st', '-p', PORTAL);
  expect(found.status, found.out).toBe(0);
  const r = iscsiadm('-m', 'node', '-T', IQN, '-p', PORTAL, '--login');
  expect(r.status, r.out).toBe(0);
}

function logout(): void {
  iscsiadm('-m', 'node', '-T', IQN, '-p', PORTAL, '--logout');
  iscsiadm('-m', 'node', '-T', IQN, '-o', 'delete');
  iscsiadm('-m', 'discoverydb', '-t', 'st', '-p', PORTAL, '-o', 'delete');
}

function within(measured: number | null | undefined, expected: number): void {
  expect(measured, `expected about ${expected.toFixed(3)}`).not.toBeNull();
  expect(Math.abs((measured ?? 0) - expected) / expected, `measured ${measured}, dd ${expected.toFixed(3)}`).toBeLessThanOrEqual(TOLERANCE);
}

interface LunJson {
  readonly lun: number;
  readonly storageObject: string;
  readonly iops: number | null;
  readonly readMiBps: number | null;
  readonly writeMiBps: number | null;
}

interface TopJson {
  readonly kind: string;
  readonly data: {
    readonly from: string;
    readonly to: string;
    readonly seconds: number;
    readonly sessions: number;
    readonly luns: readonly LunJson[];
    readonly initiators: ReadonlyArray<{
      readonly initiator: string;
      readonly address: string | null;
      readonly target: string;
      readonly state: string;
      readonly commandsPerSec: number | null;
      readonly readMiBps: number | null;
      readonly writeMiBps: number | null;
      readonly luns: readonly LunJson[];
    }>;
    readonly warnings: readonly unknown[];
  };
}

beforeAll(() => {
  expect(INITIATOR).toMatch(/^iqn\./);
  lio = kernelLio();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
  // nullio ramdisks: any size, no memory, and the kernel counts their IO like any other.
  const reads = lio.createRamdisk({ name: 'top-reads', size: '8G', nullio: true, identity: { productId: 'TOP-READS' } });
  const writes = lio.createRamdisk({ name: 'top-writes', size: '8G', nullio: true, identity: { productId: 'TOP-WRITES' } });
  const idle = lio.createRamdisk({ name: 'top-idle', size: '64M', nullio: true, identity: { productId: 'TOP-IDLE' } });
  const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
  tpg.createLun(reads, { lun: 0 });
  tpg.createLun(writes, { lun: 1 });
  tpg.createLun(idle, { lun: 2 });
  tpg.createPortal('127.0.0.1', 3260);
  tpg.createNodeAcl(INITIATOR, { mapAllLuns: true });
  tpg.enable();
  login();
});

afterAll(() => {
  logout();
  lio.clear();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
});

describe('lioctl top on the real kernel', () => {
  it('reports the IOPS and MiB/s dd drives, on the right LUN and initiator', async () => {
    const readDisk = diskByModel('TOP-READS');
    const writeDisk = diskByModel('TOP-WRITES');
    diskByModel('TOP-IDLE');
    const count = String((4 * 2 ** 30) / BLOCK);
    // fullblock: a signal cuts a read of /dev/zero short, and GNU dd then writes a short
    // block, after which it drops O_DIRECT for good (and the page cache merges writes).
    const reader = startDd([`if=${readDisk}`, 'of=/dev/null', `bs=${BLOCK}`, `count=${count}`, 'iflag=direct,fullblock']);
    const writer = startDd(['if=/dev/zero', `of=${writeDisk}`, `bs=${BLOCK}`, `count=${count}`, 'iflag=fullblock', 'oflag=direct']);
    // Frequent progress reports make dd's own numbers exact enough over top's window.
    await new Promise((r) => setTimeout(r, 1500));
    const ticker = setInterval(() => {
      reader.child.kill('SIGUSR1');
      writer.child.kill('SIGUSR1');
    }, 200);
    // The initiator's own block-layer counters: how many requests of what size really went out.
    const blockStat = (dev: string) => readFileSync(`/sys/block/${dev.replace('/dev/', '')}/stat`, 'utf8').trim().split(/\s+/).map(Number);
    const statsBefore = [blockStat(readDisk), blockStat(writeDisk), Date.now()] as const;
    let top: { status: number; stdout: string; stderr: string };
    try {
      top = await runLioctl(['top', '--once', '--json', '--interval', '2']);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      clearInterval(ticker);
      reader.child.kill('SIGTERM');
      writer.child.kill('SIGTERM');
      await Promise.all([reader.exited, writer.exited]);
    }
    const statsAfter = [blockStat(readDisk), blockStat(writeDisk), Date.now()] as const;
    const span = (statsAfter[2] - statsBefore[2]) / 1000;
    const ios = (i: 0 | 1, field: number) => ((statsAfter[i][field] ?? 0) - (statsBefore[i][field] ?? 0)) / span;
    console.log(
      `initiator block layer over ${span}s: read disk ${ios(0, 0).toFixed(1)} reads/s ${((ios(0, 2) * 512) / MIB).toFixed(3)} MiB/s; ` +
        `write disk ${ios(1, 4).toFixed(1)} writes/s ${((ios(1, 6) * 512) / MIB).toFixed(3)} MiB/s`,
    );
    expect(top.stderr).toBe('');
    expect(top.status).toBe(0);
    const doc = JSON.parse(top.stdout) as TopJson;
    const from = Date.parse(doc.data.from);
    const to = Date.parse(doc.data.to);
    expect(doc.data.seconds).toBeGreaterThanOrEqual(1.9);
    const readRate = ddBytesPerSecond(reader, from, to);
    const writeRate = ddBytesPerSecond(writer, from, to);
    const [lun0, lun1, lun2] = doc.data.luns;
    const [initiator] = doc.data.initiators;
    console.log(
      `top over ${doc.data.seconds}s: lun0 ${lun0?.iops} IOPS ${lun0?.readMiBps} MiB/s read; lun1 ${lun1?.iops} IOPS ${lun1?.writeMiBps} MiB/s write; ` +
        `lun2 ${lun2?.iops} IOPS; initiator ${initiator?.commandsPerSec} cmd/s ${initiator?.readMiBps} read ${initiator?.writeMiBps} write MiB/s | ` +
        `dd: read ${(readRate / MIB).toFixed(3)} MiB/s ${(readRate / BLOCK).toFixed(1)} IO/s, write ${(writeRate / MIB).toFixed(3)} MiB/s ${(writeRate / BLOCK).toFixed(1)} IO/s`,
    );
    expect(readRate).toBeGreaterThan(0);
    expect(writeRate).toBeGreaterThan(0);

    expect(doc.data.luns.map((l) => [l.lun, l.storageObject])).toEqual([
      [0, 'ramdisk/top-reads'],
      [1, 'ramdisk/top-writes'],
      [2, 'ramdisk/top-idle'],
    ]);
    // LUN 0 is read: one command per dd block.
    within(lun0?.readMiBps, readRate / MIB);
    within(lun0?.iops, readRate / BLOCK);
    expect(lun0?.writeMiBps).toBe(0);
    // LUN 1 is written.
    within(lun1?.writeMiBps, writeRate / MIB);
    within(lun1?.iops, writeRate / BLOCK);
    expect(lun1?.readMiBps).toBe(0);
    // Nobody touches LUN 2.
    expect(lun2).toMatchObject({ iops: 0, readMiBps: 0, writeMiBps: 0 });

    expect(doc.data.sessions).toBe(1);
    expect(initiator).toMatchObject({ initiator: INITIATOR, address: '127.0.0.1', target: IQN, state: 'LOGGED_IN' });
    within(initiator?.commandsPerSec, (readRate + writeRate) / BLOCK);
    within(initiator?.readMiBps, readRate / MIB);
    within(initiator?.writeMiBps, writeRate / MIB);
    expect(initiator?.luns.map((l) => l.iops !== null && l.iops > 0)).toEqual([true, true, false]);
  });

  it('shows the counted IO in the shell: sessions detail', async () => {
    const r = await runLioctl(['sessions', 'detail']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`name: ${INITIATOR}`);
    const io = /io: commands: (\d+) read: (\d+) MiB written: (\d+) MiB/.exec(r.stdout);
    expect(io, r.stdout).not.toBeNull();
    expect(Number(io?.[1])).toBeGreaterThan(0);
    expect(Number(io?.[2])).toBeGreaterThan(0);
    expect(Number(io?.[3])).toBeGreaterThan(0);
  });
});
