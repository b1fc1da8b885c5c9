// A real initiator (open-iscsi, in the same VM) against targets built only with the model:
// demo mode, one-way CHAP, mutual CHAP, a wrong password refused, discovery auth; data
// written with dd reads back identical and lands in the backing store; sessions are seen.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LioRoot, StorageObject, Tpg } from '../../../src/model/index.js';
import { configfsLeftovers, unregisterFabrics, diskByModel, head, kernelLio, loopDevice, run, sh, sleep, writeAndReadBack } from './kernel-helpers.js';

const PORTAL = '127.0.0.1:3260';
const INITIATOR = readFileSync('/etc/iscsi/initiatorname.iscsi', 'utf8').match(/^InitiatorName=(\S+)/m)?.[1] ?? '';

let lio: LioRoot;
let loop: { path: string; release(): void };

function iscsiadm(...args: string[]): { status: number; out: string } {
  return run('iscsiadm', args);
}

function ensureIscsid(): void {
  if (run('pgrep', ['-x', 'iscsid']).status !== 0) sh('iscsid', []);
  sleep(500);
}

interface Auth {
  readonly userid: string;
  readonly password: string;
  readonly mutualUserid?: string;
  readonly mutualPassword?: string;
}

/** Discovers the portal and logs in to `iqn` with the given CHAP settings; returns iscsiadm's status. */
function login(iqn: string, auth?: Auth, discoveryAuth?: Auth): { status: number; out: string } {
  const disc = ['-m', 'discoverydb', '-t', 'st', '-p', PORTAL];
  iscsiadm(...disc, '-o', 'new');
  if (discoveryAuth) {
    iscsiadm(...disc, '-o', 'update', '-n', 'discovery.sendtargets.auth.authmethod', '-v', 'CHAP');
    iscsiadm(...disc, '-o', 'update', '-n', 'discovery.sendtargets.auth.username', '-v', discoveryAuth.userid);
    iscsiadm(...disc, '-o', 'update', '-n', 'discovery.sendtargets.auth.password', '-v', discoveryAuth.password);
  }
  const found = iscsiadm(...disc, '--discover');
  if (found.status !== 0) return found;
  expect(found.out).toContain(iqn);
  const node = ['-m', 'node', '-T', iqn, '-p', PORTAL];
  const set = (name: string, value: string) => iscsiadm(...node, '-o', 'update', '-n', name, '-v', value);
  if (auth) {
    set('node.session.auth.authmethod', 'CHAP');
    set('node.session.auth.username', auth.userid);
    set('node.session.auth.password', auth.password);
    if (auth.mutualUserid !== undefined && auth.mutualPassword !== undefined) {
      set('node.session.auth.username_in', auth.mutualUserid);
      set('node.session.auth.password_in', auth.mutualPassword);
    }
  }
  return iscsiadm(...node, '--login');
}

function forget(iqn: string): void {
  iscsiadm('-m', 'node', '-T', iqn, '-p', PORTAL, '--logout');
  iscsiadm('-m', 'node', '-T', iqn, '-o', 'delete');
  iscsiadm('-m', 'discoverydb', '-t', 'st', '-p', PORTAL, '-o', 'delete');
}

/** A target on 127.0.0.1:3260 with a fileio LUN 0 and a block LUN 1, unique INQUIRY models. */
function buildTarget(iqn: string, tag: string): { tpg: Tpg; fileio: StorageObject; block: StorageObject } {
  const fileio = lio.createFileio({ name: `f-${tag}`, file: `/tmp/f-${tag}.img`, size: '8M', identity: { productId: `F-${tag}` } });
  const block = lio.createBlock({ name: `b-${tag}`, device: loop.path, identity: { productId: `B-${tag}` } });
  const tpg = lio.fabric('iscsi').createTarget({ wwn: iqn, tpg: {} }).tpg(1);
  tpg.createLun(fileio, { lun: 0 });
  tpg.createLun(block, { lun: 1 });
  tpg.createPortal('127.0.0.1', 3260);
  return { tpg, fileio, block };
}

/** Writes a pattern to both disks, reads it back, and checks it reached the backing stores. */
function exerciseDisks(tag: string): void {
  const fileDisk = diskByModel(`F-${tag}`);
  const blockDisk = diskByModel(`B-${tag}`);
  const p1 = randomBytes(128 * 1024);
  const p2 = randomBytes(128 * 1024);
  expect(writeAndReadBack(fileDisk, p1, `/tmp/p-${tag}-f`).equals(p1)).toBe(true);
  expect(writeAndReadBack(blockDisk, p2, `/tmp/p-${tag}-b`).equals(p2)).toBe(true);
  expect(head(`/tmp/f-${tag}.img`, p1.length).equals(p1)).toBe(true);
  expect(head('/tmp/initiator-loop.img', p2.length).equals(p2)).toBe(true);
}

function teardown(iqn: string, tag: string): void {
  forget(iqn);
  lio.fabric('iscsi').findTarget(iqn)?.delete();
  lio.findStorageObject('fileio', `f-${tag}`)?.delete();
  lio.findStorageObject('block', `b-${tag}`)?.delete();
}

beforeAll(() => {
  expect(INITIATOR).toMatch(/^iqn\./);
  lio = kernelLio();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
  loop = loopDevice('/tmp/initiator-loop.img');
  ensureIscsid();
});

afterEach(() => {
  run('iscsiadm', ['-m', 'node', '--logoutall=all']);
});

afterAll(() => {
  lio.clear();
  loop.release();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
});

describe('open-iscsi against a model-built target', () => {
  it('logs in without authentication in demo mode; the session is listed as dynamic', () => {
    const iqn = 'iqn.2003-01.org.example.lioctl:demo';
    const { tpg } = buildTarget(iqn, 'demo');
    tpg.setDemoMode({ generateNodeAcls: true, cacheDynamicAcls: true, writeProtect: false });
    tpg.enable();
    const result = login(iqn);
    expect(result.status, result.out).toBe(0);
    exerciseDisks('demo');
    const sessions = lio.sessions();
    expect(sessions).toEqual([
      expect.objectContaining({ fabric: 'iscsi', target: iqn, tpg: 1, initiator: INITIATOR, dynamic: true, state: 'LOGGED_IN' }),
    ]);
    expect(sessions[0]?.luns.map((l) => [l.mappedLun, l.storageObject, l.writeProtect])).toEqual([
      [0, 'fileio/f-demo', false],
      [1, 'block/b-demo', false],
    ]);
    teardown(iqn, 'demo');
  });

  it('logs in with one-way CHAP through an ACL; the session shows state, address and LUNs', () => {
    const iqn = 'iqn.2003-01.org.example.lioctl:chap';
    const { tpg } = buildTarget(iqn, 'chap');
    tpg.setAuthenticationRequired(true);
    tpg.createNodeAcl(INITIATOR, { mapAllLuns: true, auth: { userid: 'initiator1', password: 'p@ss|w0rd-one' } });
    tpg.enable();
    const result = login(iqn, { userid: 'initiator1', password: 'p@ss|w0rd-one' });
    expect(result.status, result.out).toBe(0);
    exerciseDisks('chap');
    const [session] = tpg.sessions();
    expect(session).toMatchObject({ initiator: INITIATOR, dynamic: false, state: 'LOGGED_IN', type: 'Normal', mutualChap: false });
    expect(session?.connections).toEqual([expect.objectContaining({ address: '127.0.0.1', transport: 'TCP', state: 'LOGGED_IN' })]);
    expect(session?.luns.map((l) => l.storageObject)).toEqual(['fileio/f-chap', 'block/b-chap']);
    teardown(iqn, 'chap');
  });

  it('logs in with mutual CHAP', () => {
    const iqn = 'iqn.2003-01.org.example.lioctl:mutual';
    const { tpg } = buildTarget(iqn, 'mutual');
    tpg.setAuthenticationRequired(true);
    const auth = { userid: 'initiator2', password: 'initiatorsecret2', mutualUserid: 'target2', mutualPassword: 'targetsecret22' };
    tpg.createNodeAcl(INITIATOR, { mapAllLuns: true, auth });
    tpg.enable();
    const result = login(iqn, auth);
    expect(result.status, result.out).toBe(0);
    exerciseDisks('mutual');
    expect(tpg.sessions()[0]).toMatchObject({ initiator: INITIATOR, mutualChap: true, state: 'LOGGED_IN' });
    teardown(iqn, 'mutual');
  });

  it('refuses a wrong CHAP password, and a wrong mutual secret is caught by the initiator', () => {
    const iqn = 'iqn.2003-01.org.example.lioctl:wrong';
    const { tpg } = buildTarget(iqn, 'wrong');
    tpg.setAuthenticationRequired(true);
    tpg.createNodeAcl(INITIATOR, { mapAllLuns: true, auth: { userid: 'initiator3', password: 'rightsecret333' } });
    tpg.enable();
    const refused = login(iqn, { userid: 'initiator3', password: 'wrongsecret333' });
    expect(refused.status, refused.out).not.toBe(0);
    expect(refused.out).toMatch(/authorization failure|auth/i);
    expect(tpg.sessions()).toEqual([]);
    // The target proves itself with the mutual secret: the initiator refuses a wrong one.
    tpg.nodeAcl(INITIATOR).setAuth({ mutualUserid: 'target3', mutualPassword: 'targetsecret33' });
    forget(iqn);
    const impostor = login(iqn, { userid: 'initiator3', password: 'rightsecret333', mutualUserid: 'target3', mutualPassword: 'notthesecret33' });
    expect(impostor.status, impostor.out).not.toBe(0);
    expect(tpg.sessions()).toEqual([]);
    teardown(iqn, 'wrong');
  });

  it('enforces discovery authentication set on the fabric', () => {
    const iqn = 'iqn.2003-01.org.example.lioctl:disc';
    const { tpg } = buildTarget(iqn, 'disc');
    tpg.setDemoMode({ generateNodeAcls: true });
    tpg.enable();
    const iscsi = lio.fabric('iscsi');
    iscsi.setDiscoveryAuth({ userid: 'discuser', password: 'discoverysecret1', enforce: true });
    const anonymous = iscsiadm('-m', 'discovery', '-t', 'st', '-p', PORTAL);
    expect(anonymous.status, anonymous.out).not.toBe(0);
    forget(iqn);
    const result = login(iqn, undefined, { userid: 'discuser', password: 'discoverysecret1' });
    expect(result.status, result.out).toBe(0);
    iscsi.setDiscoveryAuth({ enforce: false, userid: '', password: '' });
    teardown(iqn, 'disc');
  });
});
