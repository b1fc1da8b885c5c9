import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/errors/index.js';
import { DEFAULT_ALUA_GROUP, KernelRefusedError, type LioRoot } from '../../../src/model/index.js';
import { expectError, newLio, SDB } from './helpers.js';

const IQN = 'iqn.2003-01.org.example:alua';
const INIT = 'iqn.1994-05.com.example:init1';

function exported(lio: LioRoot) {
  const so = lio.createFileio({ name: 'f1', file: '/srv/existing.img' });
  const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
  const lun = tpg.createLun(so, { lun: 2 });
  const acl = tpg.createNodeAcl(INIT, { mapAllLuns: true });
  return { so, tpg, lun, acl };
}

describe('ALUA target port groups', () => {
  it('every object starts with the default group; groups are created with an id and settings', () => {
    const { lio } = newLio();
    const so = lio.createRamdisk({ name: 'r', size: 4096 });
    expect(so.aluaGroups().map((g) => g.name)).toEqual([DEFAULT_ALUA_GROUP]);
    const g = so.createAluaGroup('standby', 17, { alua_access_state: 2, preferred: 1 });
    expect(g.info()).toMatchObject({ name: 'standby', id: 17, members: [], settings: { alua_access_state: 2, preferred: 1, alua_access_type: 3 } });
    expect(so.aluaGroups().map((x) => x.name)).toEqual([DEFAULT_ALUA_GROUP, 'standby']);
    expect(so.aluaGroup(DEFAULT_ALUA_GROUP).id()).toBe(0);
  });

  it('checks names, ids and setting names up front', () => {
    const { lio, fs } = newLio();
    const so = lio.createRamdisk({ name: 'r', size: 4096 });
    fs.reset();
    expectError(() => so.createAluaGroup('bad name', 1), ValidationError, 'bad-name');
    expectError(() => so.createAluaGroup('g', 0), ValidationError, 'bad-tag');
    expectError(() => so.createAluaGroup('g', 65536), ValidationError, 'bad-tag');
    expectError(() => so.createAluaGroup('g', 3, { nosuch: 1 } as never), ValidationError, 'bad-name');
    expect(fs.changes()).toEqual([]);
    expectError(() => so.aluaGroup('nope'), NotFoundError);
  });

  it('pscsi objects have ALUA only when the backend supports it', () => {
    const { lio } = newLio();
    const p = lio.createPscsi({ name: 'p', device: SDB });
    expect(p.supportsAlua()).toBe(false);
    expectError(() => p.createAluaGroup('g', 1), ValidationError, 'alua-unsupported');
  });

  it('LUNs join a group at creation or later; members are listed by the kernel', () => {
    const { lio } = newLio();
    const { so, lun } = exported(lio);
    const g = so.createAluaGroup('ao', 5);
    expect(lun.aluaGroup()).toBe(DEFAULT_ALUA_GROUP);
    lun.setAluaGroup('ao');
    expect(lun.aluaGroup()).toBe('ao');
    expect(g.members()).toEqual([`iSCSI/${IQN}/tpgt_1/lun_2`]);
    const err = expectError(() => lun.setAluaGroup('nosuch'), KernelRefusedError, 'kernel-enodev');
    expect(err.hint).toBe("the storage object has no ALUA group 'nosuch'; create it first");
  });

  it('deleting a group returns its LUNs to the default group; the default group cannot go', () => {
    const { lio } = newLio();
    const { so, lun } = exported(lio);
    so.createAluaGroup('ao', 5);
    lun.setAluaGroup('ao');
    so.aluaGroup('ao').delete();
    expect(lun.aluaGroup()).toBe(DEFAULT_ALUA_GROUP);
    expectError(() => so.aluaGroup(DEFAULT_ALUA_GROUP).delete(), ValidationError, 'default-alua-group');
  });
});

describe('deleting a storage object (the cascade decision)', () => {
  // As targetcli: deleting a storage object removes every LUN that exports it, in every
  // fabric, with the mapped LUNs pointing at those LUNs. `cascade: false` refuses instead.
  it('removes the LUNs exporting it and their mapped LUNs, and reports them', () => {
    const { lio, sim } = newLio();
    const { so, tpg, acl } = exported(lio);
    const loop = lio.fabric('loopback').createTarget({ wwn: 'naa.5001405aaaaaaaaa' }).tpg(1);
    loop.createLun(so, { lun: 7 });
    const keep = tpg.createLun(lio.createRamdisk({ name: 'keep', size: 4096 }), { lun: 0 });
    acl.createMappedLun(9, keep);
    const result = so.delete();
    expect([...result.removedLuns].sort()).toEqual([`iscsi/${IQN}/tpg1/lun2`, 'loopback/naa.5001405aaaaaaaaa/tpg1/lun7']);
    expect(tpg.lunIndexes()).toEqual([0]);
    expect(loop.lunIndexes()).toEqual([]);
    expect(acl.mappedLunIndexes()).toEqual([9]);
    expect(sim.exists(so.path)).toBe(false);
    expect(sim.exists(`core/${so.hba}`)).toBe(false);
    expect(lio.findStorageObject('fileio', 'f1')).toBeUndefined();
  });

  it('refuses with cascade=false while LUNs use it, naming them', () => {
    const { lio } = newLio();
    const { so } = exported(lio);
    const err = expectError(() => so.delete({ cascade: false }), ConflictError);
    expect(err.message).toBe(`Storage object fileio/f1 is in use by 1 LUN(s): iscsi/${IQN}/tpg1/lun2`);
    expect(so.exists()).toBe(true);
    so.attachedLuns()[0]?.delete();
    so.delete({ cascade: false });
    expect(so.exists()).toBe(false);
  });

  it('removes its own ALUA groups and keeps an HBA another tool still uses', () => {
    const { lio, sim } = newLio();
    const so = lio.createRamdisk({ name: 'r', size: 4096 });
    so.createAluaGroup('g', 3);
    sim.mkdir(`core/${so.hba}/foreign`);
    so.delete();
    expect(sim.list(`core/${so.hba}`)).toEqual(['foreign', 'hba_info', 'hba_mode']);
  });

  it('finds exporting LUNs by a full scan when the kernel lists fewer members than exports', () => {
    const { lio, fs } = newLio();
    const { so } = exported(lio);
    const read = fs.read.bind(fs);
    // A members page truncated by the kernel (more than ~40 LUNs on one device).
    fs.read = (path: string) => (path.endsWith('/members') ? '' : read(path));
    expect(so.attachedLuns().map((l) => l.label)).toEqual([`iscsi/${IQN}/tpg1/lun2`]);
  });
});
