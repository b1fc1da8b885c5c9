// Runs of LUN and mapped LUN creates go to configfs side by side (the kernel port's worker
// thread); each create stays all or nothing when the kernel refuses one (run in the VM).
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../../src/config/apply/index.js';
import type { PlanOperation, TpgId } from '../../../src/config/index.js';
import { emptyKernelForSuite } from '../model/kernel-helpers.js';

const IQN = 'iqn.2003-01.org.example.lioctl:side-by-side';
const TPG: TpgId = { fabric: 'iscsi', wwn: IQN, tag: 1 };
const HOST = 'iqn.1994-05.org.example:host';
const LUNS = 40;
// A storage object directory that was never enabled: the kernel refuses to link a LUN to it.
const HALF = 'core/rd_mcp_4242/half';

const lio = emptyKernelForSuite();

describe('side-by-side creates on the kernel', () => {
  it('makes 40 LUNs and their mappings at once, and takes back the one LUN the kernel refuses', { timeout: 600_000 }, () => {
    lio.createRamdisk({ name: 'rd', size: '1M' });
    lio.fs.mkdir('core/rd_mcp_4242');
    lio.fs.mkdir(HALF);
    const ops: PlanOperation[] = [
      { kind: 'create-target', fabric: 'iscsi', wwn: IQN },
      { kind: 'create-tpg', tpg: TPG },
      ...Array.from({ length: LUNS }, (_, index): PlanOperation => ({ kind: 'create-lun', tpg: TPG, index, storage: { plugin: 'ramdisk', name: index === 7 ? 'half' : 'rd' } })),
      { kind: 'create-node-acl', tpg: TPG, nodeWwn: HOST },
      ...Array.from({ length: LUNS }, (_, index): PlanOperation => ({ kind: 'create-mapped-lun', tpg: TPG, nodeWwn: HOST, index, tpgLun: index, writeProtect: index % 2 === 1 })),
    ];
    const report = executePlan(lio, ops);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.message).toMatch(new RegExp(`^Cannot create LUN 7 in TPG iscsi/${IQN}/tpg1 for ramdisk/half: cannot link \\S+/lun_7/[0-9a-f]{10}: .*\\[ENODEV\\]$`));
    expect(report.failed[0]?.error.hint).toBe("ramdisk/half is not enabled, or the ALUA group '' does not exist");
    expect(report.skipped.map((s) => s.reason)).toEqual([`LUN 7 of iscsi/${IQN}/tpg1 was not created`]);
    const tpg = lio.fabric('iscsi').target(IQN).tpg(1);
    // The refused LUN's directory is gone; every other LUN and mapping is there, as asked.
    expect(tpg.luns().map((l) => l.index)).toEqual(Array.from({ length: LUNS }, (_, i) => i).filter((i) => i !== 7));
    const mapped = tpg.nodeAcl(HOST).mappedLuns();
    expect(mapped.map((m) => [m.index, m.tpgLunIndex(), m.writeProtect()])).toEqual(
      Array.from({ length: LUNS }, (_, i) => [i, i, i % 2 === 1]).filter(([i]) => i !== 7),
    );
    lio.clear();
    expect(lio.fs.exists(HALF)).toBe(false);
  });
});
