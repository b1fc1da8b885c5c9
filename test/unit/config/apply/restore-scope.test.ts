import { describe, expect, it } from 'vitest';
import { backingProblems, clearedConfig, planRestoreConfig, restoreConflicts, scopedDocument } from '../../../../src/config/apply/index.js';
import { dumpConfig } from '../../../../src/config/dump/index.js';
import { describeOperation, type SaveConfig } from '../../../../src/config/index.js';
import { NotFoundError } from '../../../../src/errors/index.js';
import { MemoryHost } from '../../../../src/model/index.js';
import { LOOP, newLio, testHost } from '../../model/helpers.js';
import { buildRich, IQN, LOOPBACK } from './rich-config.js';

function rich(): SaveConfig {
  const { lio } = newLio();
  buildRich(lio);
  return dumpConfig(lio);
}

const EMPTY: SaveConfig = { fabric_modules: [], storage_objects: [], targets: [] };

describe('scopedDocument', () => {
  it('keeps the whole file without target or storage_object', () => {
    const doc = rich();
    expect(scopedDocument(doc, {}, 'f.json')).toBe(doc);
  });

  it('keeps one target (any case of its WWN), no storage objects and no discovery settings', () => {
    const scoped = scopedDocument(rich(), { target: IQN.toUpperCase() }, 'f.json');
    expect(scoped.targets.map((t) => t.wwn)).toEqual([IQN]);
    expect(scoped.storage_objects).toEqual([]);
    expect(scoped.fabric_modules).toEqual([]);
    expect(scoped.lioctl?.fabric_modules).toBeUndefined();
  });

  it('keeps the storage objects of one name and no target', () => {
    const scoped = scopedDocument(rich(), { storageObject: 'rd0' }, 'f.json');
    expect(scoped.storage_objects.map((so) => `${so.plugin}/${so.name}`)).toEqual(['ramdisk/rd0']);
    expect(scoped.targets).toEqual([]);
  });

  it('refuses names the file does not hold, naming the file', () => {
    expect(() => scopedDocument(rich(), { target: 'iqn.2003-01.org.example:nope' }, 'f.json')).toThrow(new NotFoundError('No target iqn.2003-01.org.example:nope in f.json'));
    expect(() => scopedDocument(rich(), { storageObject: 'nope' }, 'f.json')).toThrow(new NotFoundError('No storage object named nope in f.json'));
  });
});

describe('restoreConflicts', () => {
  it('lists every live storage object and target the restore would collide with', () => {
    const doc = rich();
    expect(restoreConflicts(doc, doc)).toEqual([
      'storage object block/blk1 exists',
      'storage object fileio/disk1 exists',
      'storage object ramdisk/rd0 exists',
      `iscsi target ${IQN} exists`,
      `loopback target ${LOOPBACK} exists`,
    ]);
    expect(restoreConflicts(EMPTY, doc)).toEqual([]);
  });

  it('compares only what a partial restore covers (rtslib compared the whole file)', () => {
    const doc = rich();
    const live = { ...doc, targets: doc.targets.filter((t) => t.fabric !== 'iscsi') };
    expect(restoreConflicts(live, scopedDocument(doc, { target: IQN }, 'f.json'))).toEqual([]);
  });
});

describe('clearedConfig', () => {
  it('is empty for a full clear', () => {
    expect(clearedConfig(rich(), {})).toEqual(EMPTY);
  });

  it('drops one target, or one name of storage objects with the LUNs and mapped LUNs that use them', () => {
    const live = rich();
    expect(clearedConfig(live, { target: IQN }).targets.map((t) => t.fabric)).toEqual(['loopback']);
    const cleared = clearedConfig(live, { storageObject: 'rd0' });
    expect(cleared.storage_objects.map((so) => so.name)).toEqual(['blk1', 'disk1']);
    const tpg = cleared.targets.find((t) => t.fabric === 'iscsi')?.tpgs[0];
    expect(tpg?.luns.map((l) => l.index)).toEqual([0, 1]);
    expect(tpg?.node_acls.map((a) => a.mapped_luns.map((m) => m.tpg_lun))).toEqual([[0, 1], []]);
    expect(cleared.targets.find((t) => t.fabric === 'loopback')?.tpgs[0]?.luns).toEqual([]);
  });
});

describe('planRestoreConfig', () => {
  it('with clear_existing, removes what the scope covers, then creates it again', () => {
    const live = rich();
    const plan = planRestoreConfig(live, live, { clearExisting: true, storageObject: 'rd0' }, 'f.json');
    expect(plan.conflicts).toEqual([]);
    expect(plan.clear.operations.map(describeOperation)).toEqual([
      `delete mapped LUN 5 of ACL iqn.1994-05.com.redhat:client2 in iscsi/${IQN}/tpg1`,
      `delete LUN 2 in iscsi/${IQN}/tpg1`,
      `delete LUN 0 in loopback/${LOOPBACK}/tpg1`,
      'delete ramdisk storage object rd0',
    ]);
    expect(plan.restore.operations.map((op) => op.kind)).toEqual(['create-storage-object', 'set-storage-attributes', 'set-alua-group']);
  });

  it('without clear_existing, plans nothing to remove and reports the conflicts', () => {
    const live = rich();
    const plan = planRestoreConfig(live, live, { clearExisting: false, target: IQN }, 'f.json');
    expect(plan.clear.operations).toEqual([]);
    expect(plan.conflicts).toEqual([`iscsi target ${IQN} exists`]);
  });
});

describe('backingProblems', () => {
  it('names each storage object whose file or device is missing, without creating anything', () => {
    const ops = planRestoreConfig(EMPTY, rich(), { clearExisting: false }, 'f.json').restore.operations;
    expect(backingProblems(testHost(), ops)).toEqual([]);
    expect(backingProblems(new MemoryHost(), ops)).toEqual([`block/blk1: device ${LOOP} does not exist`, 'fileio/disk1: backing file /srv/existing.img does not exist']);
  });
});
