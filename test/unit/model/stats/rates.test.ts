import { describe, expect, it } from 'vitest';
import { COUNTER_WRAP, rates, takeSample, type InitiatorCounters, type LunCounters, type StatsSample } from '../../../../src/model/stats/index.js';
import { INITIATOR, statsSetup } from './stats-fixture.js';

function lun(n: number, commands: number, readMiB: number, writeMiB: number, storageObject = `ramdisk/r${n}`): LunCounters {
  return { key: `lun${n}>${storageObject}`, fabric: 'iscsi', target: 'iqn.2003-01.org.example:t', tpg: 1, lun: n, storageObject, commands, readMiB, writeMiB };
}

function sample(luns: LunCounters[], initiators: InitiatorCounters[] = []): StatsSample {
  return { takenAtMs: 0, luns, initiators, warnings: [] };
}

function initiator(sid: number, commands: number, readMiB: number, txBytes: number | undefined): InitiatorCounters {
  return {
    key: `tpg|${INITIATOR}|${sid}`,
    fabric: 'iscsi',
    target: 'iqn.2003-01.org.example:t',
    tpg: 1,
    initiator: INITIATOR,
    sid,
    dynamic: false,
    state: 'LOGGED_IN',
    connections: 1,
    luns: [{ mappedLun: 0, tpgLun: 0, commands, readMiB, writeMiB: 0 }],
    ...(txBytes === undefined ? {} : { session: { cmdPdus: commands, rspPdus: commands, txBytes, rxBytes: 0 } }),
  };
}

describe('rates', () => {
  it('divides counter growth by the seconds between samples', () => {
    const r = rates(sample([lun(0, 1000, 10, 2)]), sample([lun(0, 1600, 22, 2)]), 2);
    expect(r.seconds).toBe(2);
    expect(r.luns).toEqual([expect.objectContaining({ lun: 0, iops: 300, readMiBps: 6, writeMiBps: 0 })]);
  });

  it('is correct across the 32-bit wrap of the MiB and command counters', () => {
    const r = rates(sample([lun(0, COUNTER_WRAP - 100, COUNTER_WRAP - 4, COUNTER_WRAP - 1)]), sample([lun(0, 500, 6, 9)]), 2);
    expect(r.luns[0]).toMatchObject({ iops: 300, readMiBps: 5, writeMiBps: 5 });
  });

  it('gives no rate to a LUN that appeared, drops one that vanished, and restarts one re-created', () => {
    const before = sample([lun(0, 100, 1, 1), lun(1, 100, 1, 1)]);
    const after = sample([lun(0, 200, 1, 1, 'ramdisk/new'), lun(2, 50, 0, 0)]);
    const r = rates(before, after, 1);
    expect(r.luns.map((l) => [l.lun, l.storageObject, l.iops])).toEqual([
      [0, 'ramdisk/new', undefined],
      [2, 'ramdisk/r2', undefined],
    ]);
  });

  it('has no rates without a previous sample or without time between samples', () => {
    const now = sample([lun(0, 100, 1, 1)]);
    expect(rates(undefined, now, 1).luns[0]).toMatchObject({ iops: undefined, readMiBps: undefined });
    expect(rates(now, now, 0).luns[0]).toMatchObject({ iops: undefined });
    expect(rates(now, now, 0).seconds).toBe(0);
  });

  it('measures an initiator by its per-LUN counters, like the LUN rows', () => {
    const r = rates(sample([], [initiator(3, 100, 0, 0)]), sample([], [initiator(3, 400, 3, 5 * 2 ** 20)]), 1.5);
    expect(r.initiators[0]).toMatchObject({ commandsPerSec: 200, readMiBps: 2, writeMiBps: 0 });
    expect(r.initiators[0]?.luns).toEqual([{ mappedLun: 0, tpgLun: 0, iops: 200, readMiBps: 2, writeMiBps: 0 }]);
  });

  it('falls back to the session counters without per-LUN ones, and starts over for a new session', () => {
    const noLuns = (c: InitiatorCounters): InitiatorCounters => ({ ...c, luns: [] });
    const r = rates(sample([], [noLuns(initiator(3, 100, 0, 0))]), sample([], [noLuns(initiator(3, 300, 0, 4 * 2 ** 20))]), 2);
    expect(r.initiators[0]).toMatchObject({ commandsPerSec: 100, readMiBps: 2 });
    const relogin = rates(sample([], [initiator(3, 100, 10, 0)]), sample([], [initiator(4, 5, 0, 10)]), 2);
    expect(relogin.initiators[0]).toMatchObject({ sid: 4, commandsPerSec: undefined, readMiBps: undefined });
  });

  it('works on samples read from the (simulated) kernel', () => {
    const s = statsSetup();
    s.login();
    s.counters(s.lunDir(0), { in_cmds: 4294967000, read_mbytes: 4294967295, write_mbytes: 0 });
    s.counters(s.mappedLunDir(0), { num_cmds: 10, read_mbytes: 0, write_mbytes: 0 });
    const first = takeSample(s.lio);
    s.counters(s.lunDir(0), { in_cmds: 704, read_mbytes: 9, write_mbytes: 0 });
    s.counters(s.mappedLunDir(0), { num_cmds: 1010, read_mbytes: 10, write_mbytes: 0 });
    const r = rates(first, takeSample(s.lio), 2);
    expect(r.luns.map((l) => [l.lun, l.iops, l.readMiBps])).toEqual([
      [0, 500, 5],
      [1, 0, 0],
    ]);
    expect(r.initiators).toEqual([expect.objectContaining({ initiator: INITIATOR, commandsPerSec: 500, readMiBps: 5, address: '192.0.2.7' })]);
  });
});
