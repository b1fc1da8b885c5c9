import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/errors/index.js';
import { KernelRefusedError, type LioRoot } from '../../../src/model/index.js';
import { expectError, newLio } from './helpers.js';

const IQN = 'iqn.2003-01.org.example:t1';
const INIT1 = 'iqn.1994-05.com.example:init1';
const INIT2 = 'iqn.1994-05.com.example:init2';

function tpgWith(lio: LioRoot) {
  const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
  const a = lio.createRamdisk({ name: 'a', size: 4096 });
  const b = lio.createRamdisk({ name: 'b', size: 4096 });
  return { tpg, a, b };
}

describe('LUNs', () => {
  it('links with an absolute target through the port, with a random 10-hex alias unless given', () => {
    const { lio, sim } = newLio();
    const { tpg, a, b } = tpgWith(lio);
    const l0 = tpg.createLun(a);
    expect(l0.index).toBe(0);
    expect(l0.alias()).toMatch(/^[0-9a-f]{10}$/);
    expect(sim.readlink(`${l0.path}/${l0.alias()}`)).toBe(a.path);
    const l5 = tpg.createLun(b, { lun: 5, alias: 'mylink' });
    expect(l5.describe()).toEqual({ index: 5, alias: 'mylink', storageObjectPath: b.path, storageObject: { plugin: 'ramdisk', name: 'b' }, aluaGroup: 'default_tg_pt_gp' });
    expect(l5.storageObject()?.label).toBe('ramdisk/b');
    expect(tpg.lunIndexes()).toEqual([0, 5]);
    expect(a.status()).toBe('activated');
  });

  it('takes the lowest free number and refuses a number in use or out of range', () => {
    const { lio } = newLio();
    const { tpg, a, b } = tpgWith(lio);
    tpg.createLun(a, { lun: 0 });
    const c = lio.createRamdisk({ name: 'c', size: 4096 });
    tpg.createLun(b, { lun: 2 });
    expect(tpg.createLun(c).index).toBe(1);
    const d = lio.createRamdisk({ name: 'd', size: 4096 });
    expect(expectError(() => tpg.createLun(d, { lun: 2 }), KernelRefusedError, 'kernel-eexist').hint).toBe(
      `LUN 2 already exists in TPG iscsi/${IQN}/tpg1; choose another number`,
    );
    expectError(() => tpg.createLun(d, { lun: 65536 }), ValidationError, 'bad-lun');
    expectError(() => tpg.createLun(d, { alias: 'statistics' }), ValidationError, 'bad-name');
  });

  it('exports a storage object once per TPG, as targetcli', () => {
    const { lio } = newLio();
    const { tpg, a } = tpgWith(lio);
    tpg.createLun(a, { lun: 3 });
    const err = expectError(() => tpg.createLun(a), ConflictError);
    expect(err.message).toBe(`ramdisk/a is already exported by TPG iscsi/${IQN}/tpg1 as LUN 3`);
    const tpg2 = lio.fabric('iscsi').target(IQN).createTpg();
    expect(tpg2.createLun(a).index).toBe(0);
  });

  it('refuses a storage object that is gone', () => {
    const { lio } = newLio();
    const { tpg, a } = tpgWith(lio);
    a.delete();
    expect(expectError(() => tpg.createLun(a), NotFoundError).message).toBe('No storage object ramdisk/a');
    expect(expectError(() => tpg.createLun(a, { checkDuplicate: false }), KernelRefusedError, 'kernel-enoent').hint).toBe(
      'storage object ramdisk/a does not exist',
    );
    expect(tpg.lunIndexes()).toEqual([]);
  });

  it('maps a new LUN into every ACL when asked, under the same number when free', () => {
    const { lio } = newLio();
    const { tpg, a, b } = tpgWith(lio);
    const acl1 = tpg.createNodeAcl(INIT1);
    const acl2 = tpg.createNodeAcl(INIT2);
    acl2.createMappedLun(4, tpg.createLun(a, { lun: 0 }));
    const lun = tpg.createLun(b, { lun: 4, mapInAcls: true, mappedWriteProtect: true });
    expect(acl1.mappedLuns().map((m) => m.describe())).toEqual([{ index: 4, alias: expect.any(String), tpgLun: 4, writeProtect: true }]);
    expect(acl2.mappedLuns().map((m) => [m.index, m.tpgLunIndex()])).toEqual([
      [0, 4],
      [4, 0],
    ]);
    expect(lun.mappedLuns().map((m) => m.label).sort()).toEqual([`${acl1.label}/mapped_lun4`, `${acl2.label}/mapped_lun0`]);
  });

  it('deleting a LUN removes the mapped LUNs pointing at it first', () => {
    const { lio } = newLio();
    const { tpg, a } = tpgWith(lio);
    const lun = tpg.createLun(a);
    const acl = tpg.createNodeAcl(INIT1, { mapAllLuns: true });
    lun.delete();
    expect(acl.mappedLunIndexes()).toEqual([]);
    expect(tpg.lunIndexes()).toEqual([]);
    expect(a.status()).toBe('deactivated');
  });
});

describe('portals', () => {
  it('creates IPv4 and IPv6 portals (bracketed) and lists them', () => {
    const { lio } = newLio();
    const { tpg } = tpgWith(lio);
    tpg.createPortal('192.0.2.10');
    tpg.createPortal('[::0]', 3261, { iser: true });
    tpg.createPortal('2001:db8::1', '3262');
    expect(tpg.portals().map((p) => p.describe())).toEqual([
      { ipAddress: '192.0.2.10', port: 3260, iser: false, offload: false },
      { ipAddress: '[2001:db8::1]', port: 3262, iser: false, offload: false },
      { ipAddress: '[::0]', port: 3261, iser: true, offload: false },
    ]);
    const p = tpg.portal('::0', 3261);
    p.setIser(false);
    expect(p.iser()).toBe(false);
    p.setOffload(true);
    expect(p.offload()).toBe(true);
    p.delete();
    expectError(() => tpg.portal('::0', 3261), NotFoundError);
  });

  it('refuses bad addresses before any write and explains kernel refusals', () => {
    const { lio, fs } = newLio();
    const { tpg } = tpgWith(lio);
    fs.reset();
    expectError(() => tpg.createPortal('300.1.1.1'), ValidationError, 'bad-portal');
    expectError(() => tpg.createPortal('fe80::1'), ValidationError, 'bad-portal');
    expectError(() => tpg.createPortal('127.0.0.1', 0), ValidationError, 'bad-portal');
    expect(fs.changes()).toEqual([]);
    tpg.createPortal('127.0.0.1');
    expectError(() => tpg.createPortal('127.0.0.1'), KernelRefusedError, 'kernel-eexist');
    const other = lio.fabric('iscsi').target(IQN).createTpg();
    const err = expectError(() => other.createPortal('127.0.0.1'), KernelRefusedError, 'kernel-einval');
    expect(err.hint).toMatch(/^another TPG of this target already listens/);
  });
});

describe('node ACLs and mapped LUNs', () => {
  it('creates ACLs with a tag, per-ACL and mutual CHAP, and identity mappings', () => {
    const { lio } = newLio();
    const { tpg, a, b } = tpgWith(lio);
    tpg.createLun(a, { lun: 0 });
    tpg.createLun(b, { lun: 3 });
    const acl = tpg.createNodeAcl(' IQN.1994-05.com.Example:Init1 ', {
      tag: 'dbhosts',
      auth: { userid: 'init1', password: 'initsecret123', mutualUserid: 'tgt', mutualPassword: 'mutualsecret1' },
      mapAllLuns: true,
      cmdsnDepth: 16,
    });
    expect(acl.wwn).toBe(INIT1);
    expect(acl.tag()).toBe('dbhosts');
    expect(acl.cmdsnDepth()).toBe(16);
    expect(acl.auth()).toEqual({ userid: 'init1', password: 'initsecret123', mutualUserid: 'tgt', mutualPassword: 'mutualsecret1', authenticateTarget: true });
    expect(acl.mappedLuns().map((m) => [m.index, m.tpgLunIndex(), m.writeProtect()])).toEqual([
      [0, 0, false],
      [3, 3, false],
    ]);
    expect(tpg.nodeAclsTagged('dbhosts').map((x) => x.wwn)).toEqual([INIT1]);
    acl.setTag(undefined);
    expect(acl.tag()).toBeUndefined();
    expectError(() => acl.setTag('with.dot'), ValidationError, 'bad-name');
    expect(acl.session()).toBeUndefined();
    expect(tpg.findNodeAcl('iqn.1994-05.com.example:INIT1')?.path).toBe(acl.path);
  });

  it('takes write_protect as a real boolean: true, 1 and yes all mean read-only; junk is refused', () => {
    const { lio } = newLio();
    const { tpg, a } = tpgWith(lio);
    const lun = tpg.createLun(a);
    const acl = tpg.createNodeAcl(INIT1);
    expect(acl.createMappedLun(0, lun, { writeProtect: 'true' }).writeProtect()).toBe(true);
    expect(acl.createMappedLun(1, 0, { writeProtect: '1' }).writeProtect()).toBe(true);
    expect(acl.createMappedLun(2, 'lun0', { writeProtect: 'yes' }).writeProtect()).toBe(true);
    expect(acl.createMappedLun(3, 0, { writeProtect: false }).writeProtect()).toBe(false);
    expectError(() => acl.createMappedLun(4, 0, { writeProtect: 'ro' }), ValidationError, 'bad-bool');
    const m = acl.mappedLun('mapped_lun3');
    m.setWriteProtect('on');
    expect(m.writeProtect()).toBe(true);
    expect(acl.mappedLunIndexes()).toEqual([0, 1, 2, 3]);
  });

  it('refuses mapping a LUN of another TPG or a missing one', () => {
    const { lio } = newLio();
    const { tpg, a } = tpgWith(lio);
    const other = lio.fabric('iscsi').target(IQN).createTpg();
    const foreign = other.createLun(a);
    const acl = tpg.createNodeAcl(INIT1);
    expectError(() => acl.createMappedLun(0, foreign), ValidationError, 'bad-lun');
    expectError(() => acl.createMappedLun(0, 9), NotFoundError);
    expect(acl.mappedLunIndexes()).toEqual([]);
  });

  it('checks CHAP values up front and keeps secrets out of messages', () => {
    const { lio, fs } = newLio();
    const { tpg } = tpgWith(lio);
    fs.reset();
    const err = expectError(() => tpg.createNodeAcl(INIT1, { auth: { userid: 'u', password: 'zebra\ncrossing' } }), ValidationError, 'bad-chap');
    expect(err.message).not.toContain('zebra');
    expectError(() => tpg.createNodeAcl(INIT1, { auth: { password: 'x'.repeat(256) } }), ValidationError, 'bad-chap');
    expectError(() => tpg.createNodeAcl(INIT1, { tag: 'a.b' }), ValidationError, 'bad-name');
    expectError(() => tpg.createNodeAcl('not-a-wwn'), ValidationError, 'bad-wwn');
    expect(fs.changes()).toEqual([]);
  });

  it('refuses a second ACL for the same initiator', () => {
    const { lio } = newLio();
    const { tpg } = tpgWith(lio);
    tpg.createNodeAcl(INIT1);
    expect(expectError(() => tpg.createNodeAcl(INIT1.toUpperCase()), KernelRefusedError, 'kernel-eexist').hint).toBe(
      `an ACL for ${INIT1} already exists in TPG iscsi/${IQN}/tpg1`,
    );
  });

  it('has no ACLs on loopback', () => {
    const { lio } = newLio();
    const tpg = lio.fabric('loopback').createTarget().tpg(1);
    expect(tpg.nodeAcls()).toEqual([]);
    expectError(() => tpg.createNodeAcl('naa.5001405aaaaaaaaa'), ValidationError, 'no-acls');
  });
});
