import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import { SimConfigFs } from '../../../src/configfs/sim/index.js';
import { linkIn } from '../../../src/model/fabric/link-in.js';
import { KernelRefusedError } from '../../../src/model/index.js';
import { buildRich, IQN, LOOPBACK } from '../config/apply/rich-config.js';
import { expectError, kernelState, newLio } from './helpers.js';

describe('LioRoot.clear', () => {
  it('removes every target, storage object and HBA, and discovery authentication', () => {
    const t = newLio();
    buildRich(t.lio);
    t.lio.clear();
    expect(t.lio.targets()).toEqual([]);
    expect(t.lio.storageObjects()).toEqual([]);
    expect(t.sim.list('core')).toEqual(['alua']);
    expect(t.lio.fabric('iscsi').discoveryAuth().enforced).toBe(false);
  });

  it('asks the port to get ready for side-by-side removals once it has read 128, before reading the rest', () => {
    const small = newLio();
    buildRich(small.lio);
    let asked = 0;
    small.fs.expectLanes = () => void asked++;
    small.lio.clear();
    expect(asked).toBe(0);
    // 4 targets of 20 LUNs, each LUN mapped in 2 ACLs: about 50 removals a target.
    const big = newLio();
    const rd = big.lio.createRamdisk({ name: 'rd', size: '1M' });
    const targets = Array.from({ length: 4 }, (_, i) => big.lio.fabric('iscsi').createTarget({ wwn: `iqn.2003-01.org.example:t${i}`, tpg: {} }));
    for (const target of targets) {
      const tpg = target.tpg(1);
      for (let lun = 0; lun < 20; lun++) tpg.createLun(rd, { lun, checkDuplicate: false });
      for (const n of [1, 2]) tpg.createNodeAcl(`iqn.1994-05.com.example:h${n}`, { mapAllLuns: true });
    }
    const readAt: number[] = [];
    big.fs.expectLanes = () => void readAt.push(big.fs.calls.filter((c) => c.op === 'list').length);
    big.lio.clear();
    expect(readAt).toHaveLength(1);
    // Asked during the targets' reading (the third target), not after it.
    const listsBeforeRemovals = big.fs.calls.findIndex((c) => c.op === 'unlink');
    expect(readAt[0]).toBeLessThan(big.fs.calls.slice(0, listsBeforeRemovals).filter((c) => c.op === 'list').length);
    expect(big.lio.targets()).toEqual([]);
  });

  it('makes each target\'s changes in the order its own delete makes them', () => {
    const t = newLio();
    buildRich(t.lio);
    const expected = t.lio.fabric('iscsi').target(IQN).deletionSteps().map((s) => `${s.op} ${s.path}`);
    t.fs.reset();
    t.lio.clear();
    const made = t.fs.changes().map((c) => `${c.op} ${c.path}`);
    expect(made.filter((c) => c.includes(`iscsi/${IQN}`))).toEqual(expected);
    expect(made.filter((c) => c.includes(`loopback/${LOOPBACK}`)).at(-1)).toBe(`rmdir loopback/${LOOPBACK}`);
    // Storage objects go only once no target links to them.
    const lastTargetChange = Math.max(...made.map((c, i) => (c.includes(`iscsi/${IQN}`) || c.includes(`loopback/${LOOPBACK}`) ? i : -1)));
    expect(made.findIndex((c) => c.startsWith('rmdir core/'))).toBeGreaterThan(lastTargetChange);
  });

  it('stops at a target the kernel refuses to remove, in the words of the object: the other targets go, the storage objects stay', () => {
    const sim = new SimConfigFs();
    const t = newLio(sim);
    buildRich(t.lio);
    sim.injectFailure('rmdir', `iscsi/${IQN}/tpgt_1`, 'EBUSY');
    const err = expectError(() => t.lio.clear(), KernelRefusedError, 'kernel-ebusy');
    expect(err.message).toMatch(new RegExp(`^Cannot delete TPG iscsi/${IQN}/tpg1: cannot remove .*tpgt_1: the object is in use \\(device or resource busy\\) \\[EBUSY\\]$`));
    expect(err.exitCode).toBe(5);
    expect(t.lio.storageObjects().map((so) => so.name)).toEqual(['blk1', 'disk1', 'rd0']);
    expect(t.lio.targets().map((target) => target.wwn)).toEqual([IQN]);
    expect(kernelState(sim)).not.toEqual(kernelState(new SimConfigFs()));
  });

  it('names every target the kernel refused, the first in the message and the others in the hint', () => {
    const sim = new SimConfigFs();
    const t = newLio(sim);
    buildRich(t.lio);
    sim.injectFailure('rmdir', `iscsi/${IQN}/tpgt_1`, 'EBUSY');
    sim.injectFailure('rmdir', `loopback/${LOOPBACK}/tpgt_1`, 'EBUSY');
    const err = expectError(() => t.lio.clear(), KernelRefusedError, 'kernel-ebusy');
    expect(err.message).toMatch(new RegExp(`^Cannot delete TPG iscsi/${IQN}/tpg1: `));
    expect(err.hint).toBe(`also refused: Cannot delete TPG loopback/${LOOPBACK}/tpg1 [EBUSY]`);
  });
});

describe('linkIn', () => {
  const FILES = new Set(['statistics', 'write_protect']);

  it('names the one entry the kernel does not put there, without looking at it', () => {
    const sim = new SimConfigFs();
    const t = newLio(sim);
    buildRich(t.lio);
    const dir = `iscsi/${IQN}/tpgt_1/acls/iqn.1994-05.com.redhat:client1/lun_0`;
    t.fs.reset();
    expect(linkIn(t.fs, dir, FILES)).toBe('dddddddddd');
    expect(t.fs.calls.map((c) => c.op)).toEqual(['list']);
  });

  it('looks at each candidate when a newer kernel adds a file of its own', () => {
    const root = mkdtempSync(join(tmpdir(), 'lioctl-link-'));
    mkdirSync(join(root, 'lun_0', 'statistics'), { recursive: true });
    writeFileSync(join(root, 'lun_0', 'a_new_attribute'), '');
    symlinkSync(root, join(root, 'lun_0', 'zzzzzzzzzz'));
    mkdirSync(join(root, 'empty'));
    const fs = new KernelConfigFs(root);
    expect(linkIn(fs, 'lun_0', FILES)).toBe('zzzzzzzzzz');
    expect(linkIn(fs, 'empty', FILES)).toBeUndefined();
  });
});
