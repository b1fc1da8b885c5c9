// Every backstore kind and every software fabric, built, read back and removed through
// the model on the real kernel (run in the VM: see test/kernel/vm/README.md).
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors/index.js';
import { KernelRefusedError, type LioRoot } from '../../../src/model/index.js';
import { configfsLeftovers, objectLeftovers, unregisterFabrics, diskByModel, head, kernelLio, loopDevice, noDiskWithModel, sh, sleep, writeAndReadBack } from './kernel-helpers.js';

const IQN = 'iqn.2003-01.org.example.lioctl:objects';

let lio: LioRoot;
let loop: { path: string; release(): void };

beforeAll(() => {
  lio = kernelLio();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
  loop = loopDevice('/tmp/objects-loop.img');
});

// A failed test must not leave objects that make the next ones fail too.
afterEach(() => lio.clear());

afterAll(() => {
  lio.clear();
  loop.release();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
});

describe('storage objects on the kernel', () => {
  it('creates each backstore kind, reads it back, and deletes it', () => {
    const fileio = lio.createFileio({ name: 'f1', file: '/tmp/f1.img', size: '8M', writeBack: true, identity: { productId: 'F1' } });
    expect(statSync('/tmp/f1.img').size).toBe(8 << 20);
    expect(statSync('/tmp/f1.img').blocks).toBe(0); // sparse
    const full = lio.createFileio({ name: 'f2', file: '/tmp/f2.img', size: '1M', sparse: false, aio: true });
    expect(statSync('/tmp/f2.img').blocks * 512).toBeGreaterThanOrEqual(1 << 20);
    const onDev = lio.createFileio({ name: 'f3', file: loop.path });
    const block = lio.createBlock({ name: 'b1', device: loop.path, attributes: { block_size: 4096 } });
    const ram = lio.createRamdisk({ name: 'r1', size: '1M', nullio: true, wwn: 'ram-serial-1' });
    const pscsi = lio.createPscsi({ name: 'p1', device: '/dev/sda' });
    // tcmu devices configure without tcmu-runner; I/O would need the runner.
    const user = lio.createUser({ name: 'u1', handler: 'file', config: '/tmp/u1.img', size: '4M', hwMaxSectors: 64 });

    expect(fileio.describe()).toMatchObject({ plugin: 'fileio', enabled: true, status: 'deactivated', udevPath: '/tmp/f1.img', size: 8 << 20, writeBack: true, aio: false });
    expect(fileio.identity().productId).toBe('F1');
    expect(full.describe()).toMatchObject({ size: 1 << 20, writeBack: false, aio: true });
    expect(onDev.describe()).toMatchObject({ udevPath: loop.path, size: 32 << 20 });
    expect(block.describe()).toMatchObject({ plugin: 'block', udevPath: loop.path, size: 32 << 20, readOnly: false, blockSize: 4096 });
    expect(ram.describe()).toMatchObject({ plugin: 'ramdisk', size: 1 << 20, nullio: true, wwn: 'ram-serial-1' });
    expect(pscsi.describe()).toMatchObject({ plugin: 'pscsi', udevPath: '/dev/sda', hctl: expect.stringMatching(/^\d+:0:0:0$/) });
    expect(user.describe()).toMatchObject({ plugin: 'user', config: 'file//tmp/u1.img', size: 4 << 20, hwMaxSectors: 64 });
    expect(lio.storageObjects().map((s) => s.label)).toEqual(['block/b1', 'fileio/f1', 'fileio/f2', 'fileio/f3', 'pscsi/p1', 'ramdisk/r1', 'user/u1']);

    // The same device cannot be claimed twice by iblock: the kernel says EBUSY, nothing is left.
    const err = (() => {
      try {
        lio.createBlock({ name: 'b2', device: loop.path });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(KernelRefusedError);
    expect(lio.findStorageObject('block', 'b2')).toBeUndefined();

    for (const so of lio.storageObjects()) so.delete();
    expect(objectLeftovers()).toEqual([]);
    expect(existsSync('/tmp/f1.img')).toBe(true); // backing files are the user's data
  });

  it('keeps ALUA groups and LUN membership as the kernel reports them', () => {
    const so = lio.createRamdisk({ name: 'alua', size: '1M', aluaGroups: [{ name: 'standby', id: 20, settings: { alua_access_state: 2 } }] });
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    const lun = tpg.createLun(so, { lun: 4, aluaGroup: 'standby' });
    expect(lun.aluaGroup()).toBe('standby');
    expect(so.aluaGroup('standby').info()).toMatchObject({ id: 20, members: [`iSCSI/${IQN}/tpgt_1/lun_4`], settings: { alua_access_state: 2 } });
    expect(so.attachedLuns().map((l) => l.label)).toEqual([`iscsi/${IQN}/tpg1/lun4`]);
    expect(() => so.delete({ cascade: false })).toThrow(ConflictError);
    expect(so.delete().removedLuns).toEqual([`iscsi/${IQN}/tpg1/lun4`]);
    lio.fabric('iscsi').target(IQN).delete();
    expect(objectLeftovers()).toEqual([]);
  });
});

describe('fabrics on the kernel', () => {
  it('builds an iSCSI target with two TPGs, portals, ACLs, CHAP and mapped LUNs, and removes it', () => {
    const a = lio.createRamdisk({ name: 'a', size: '1M' });
    const b = lio.createFileio({ name: 'b', file: '/tmp/b.img', size: '2M' });
    const target = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: { enable: true, parameters: { TargetAlias: 'lioctl' } } });
    const tpg = target.tpg(1);
    const tpg2 = target.createTpg({ tag: 2 });
    tpg.createPortal('127.0.0.1', 3260);
    tpg.createPortal('::1', 3261);
    tpg2.createPortal('127.0.0.1', 3262);
    expect(() => tpg2.createPortal('127.0.0.1', 3260)).toThrow(KernelRefusedError);
    const l0 = tpg.createLun(a, { lun: 0 });
    tpg.createLun(b, { lun: 1 });
    const acl = tpg.createNodeAcl('iqn.1994-05.com.example:init1', {
      tag: 'hosts',
      auth: { userid: 'init1', password: 'initsecret123', mutualUserid: 'tgt', mutualPassword: 'mutualsecret1' },
      mapAllLuns: true,
    });
    acl.mappedLun(1).setWriteProtect('yes');
    tpg.setAuth({ userid: 'tpg', password: 'tpgsecret1234' });
    tpg.setDemoMode({ generateNodeAcls: true, cacheDynamicAcls: true, writeProtect: false });
    lio.fabric('iscsi').setDiscoveryAuth({ userid: 'disc', password: 'discsecret123', enforce: true });

    const again = kernelLio().fabric('iscsi').target(IQN.toUpperCase());
    expect(again.tpgs().map((t) => t.tag)).toEqual([1, 2]);
    const t1 = again.tpg(1);
    expect(t1.isEnabled()).toBe(true);
    expect(t1.parameters.get('TargetAlias')).toBe('lioctl');
    expect(t1.attributes.get('authentication')).toBe('0');
    expect(t1.portals().map((p) => p.describe())).toEqual([
      { ipAddress: '127.0.0.1', port: 3260, iser: false, offload: false },
      { ipAddress: '[::1]', port: 3261, iser: false, offload: false },
    ]);
    expect(t1.luns().map((l) => [l.index, l.storageObject()?.label])).toEqual([
      [0, 'ramdisk/a'],
      [1, 'fileio/b'],
    ]);
    const acl2 = t1.nodeAcl('iqn.1994-05.com.example:init1');
    expect(acl2.tag()).toBe('hosts');
    expect(acl2.auth()).toEqual({ userid: 'init1', password: 'initsecret123', mutualUserid: 'tgt', mutualPassword: 'mutualsecret1', authenticateTarget: true });
    expect(acl2.mappedLuns().map((m) => m.describe())).toEqual([
      { index: 0, alias: expect.stringMatching(/^[0-9a-f]{10}$/), tpgLun: 0, writeProtect: false },
      { index: 1, alias: expect.stringMatching(/^[0-9a-f]{10}$/), tpgLun: 1, writeProtect: true },
    ]);
    expect(t1.demoMode()).toEqual({ generateNodeAcls: true, cacheDynamicAcls: true, writeProtect: false });
    expect(t1.auth()).toMatchObject({ userid: 'tpg', password: 'tpgsecret1234', required: false });
    expect(lio.fabric('iscsi').discoveryAuth()).toMatchObject({ userid: 'disc', enforced: true });
    expect(l0.mappedLuns().map((m) => m.label)).toEqual([`${acl.label}/mapped_lun0`]);
    expect(t1.sessions()).toEqual([]);

    lio.clear();
    expect(lio.fabric('iscsi').discoveryAuth()).toEqual({ enforced: false, authenticateTarget: false });
    expect(objectLeftovers()).toEqual([]);
  });

  // What restore relies on to write a new TPG or ACL only what differs from the first new one.
  it('starts every new TPG and every new ACL with the same settings, whatever was changed before', () => {
    const iscsi = lio.fabric('iscsi');
    const first = iscsi.createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    const firstAcl = first.createNodeAcl('iqn.1994-05.com.example:first');
    const start = { tpg: [first.attributes.values(), first.parameters.values()], acl: firstAcl.attributes.values() };
    first.attributes.set('login_timeout', 20);
    first.parameters.set('MaxConnections', 4);
    firstAcl.attributes.set('dataout_timeout', 7);
    const other = iscsi.createTarget({ wwn: `${IQN}-other` }).createTpg({ tag: 5 });
    const otherAcl = other.createNodeAcl('iqn.1994-05.com.example:other');
    const secondAcl = first.createNodeAcl('iqn.1994-05.com.example:second');
    expect([other.attributes.values(), other.parameters.values()]).toEqual(start.tpg);
    expect(otherAcl.attributes.values()).toEqual(start.acl);
    expect(secondAcl.attributes.values()).toEqual(start.acl);
    expect(Object.keys(start.acl).length).toBeGreaterThan(5);
  });

  it('tolerates entries under a fabric directory that are not targets', () => {
    lio.fabric('iscsi').load();
    expect(sh('ls', ['/sys/kernel/config/target/iscsi']).split('\n')).toContain('cpus_allowed_list');
    expect(lio.fabric('iscsi').targets()).toEqual([]);
  });

  it('makes a local SCSI disk with a loopback target, and data lands in the backing file', () => {
    const so = lio.createFileio({ name: 'loopdisk', file: '/tmp/loopdisk.img', size: '4M', identity: { productId: 'LIOCTL-LOOP' } });
    const target = lio.fabric('loopback').createTarget();
    const tpg = target.tpg(1);
    expect(tpg.nexus()).toMatch(/^naa\.5001405[0-9a-f]{9}$/);
    tpg.createLun(so, { lun: 0 });
    const disk = diskByModel('LIOCTL-LOOP');
    const pattern = randomBytes(64 * 1024);
    expect(writeAndReadBack(disk, pattern, '/tmp/loop-pattern').equals(pattern)).toBe(true);
    expect(head('/tmp/loopdisk.img', pattern.length).equals(pattern)).toBe(true);
    expect(so.status()).toBe('activated');
    target.delete();
    for (let i = 0; i < 40 && !noDiskWithModel('LIOCTL-LOOP'); i++) sleep(250);
    expect(noDiskWithModel('LIOCTL-LOOP')).toBe(true);
    so.delete();
    expect(objectLeftovers()).toEqual([]);
  });

  it('builds a vhost target with a nexus and an ACL', () => {
    const so = lio.createRamdisk({ name: 'vh', size: '1M' });
    const target = lio.fabric('vhost').createTarget({ tpg: { tag: 1 } });
    const tpg = target.tpg(1);
    expect(tpg.nexus()).toMatch(/^naa\./);
    tpg.createLun(so);
    const acl = tpg.createNodeAcl('naa.5001405ddddddddd', { mapAllLuns: true });
    const again = kernelLio().fabric('vhost').target(target.wwn).tpg(1);
    expect(again.nodeAcls().map((a) => a.wwn)).toEqual(['naa.5001405ddddddddd']);
    expect(again.luns().map((l) => l.storageObject()?.label)).toEqual(['ramdisk/vh']);
    expect(acl.mappedLunIndexes()).toEqual([0]);
    target.delete();
    so.delete();
    expect(objectLeftovers()).toEqual([]);
  });
});
