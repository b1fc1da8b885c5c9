import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { readCounter, takeSample } from '../../../../src/model/stats/index.js';
import { clock, INITIATOR, statsSetup, TARGET } from './stats-fixture.js';

describe('reading counters', () => {
  it('parses decimal counters and has no value where the kernel gives none', () => {
    const sim = new SimConfigFs();
    expect(readCounter(sim, 'no/such/file')).toBeUndefined();
    const s = statsSetup();
    s.counters(s.lunDir(0), { in_cmds: 42, read_mbytes: '' });
    expect(readCounter(s.fs, `${s.lunDir(0)}/in_cmds`)).toBe(42);
    expect(readCounter(s.fs, `${s.lunDir(0)}/read_mbytes`)).toBeUndefined();
    // A LUN without its device link answers ENODEV, as the kernel does.
    s.sim.mkdir(`${s.tpg.path}/lun/lun_2`);
    expect(() => s.sim.read(`${s.tpg.path}/lun/lun_2/statistics/scsi_tgt_port/in_cmds`)).toThrow(/ENODEV/);
    expect(readCounter(s.fs, `${s.tpg.path}/lun/lun_2/statistics/scsi_tgt_port/in_cmds`)).toBeUndefined();
  });
});

describe('takeSample', () => {
  it('reads every LUN with its storage object and port counters', () => {
    const s = statsSetup();
    s.counters(s.lunDir(1), { in_cmds: 900, read_mbytes: 12, write_mbytes: 3 });
    const sample = takeSample(s.lio, { now: clock(1000, 1010) });
    expect(sample.takenAtMs).toBe(1005);
    expect(sample.luns).toEqual([
      expect.objectContaining({ fabric: 'iscsi', target: TARGET, tpg: 1, lun: 0, storageObject: 'ramdisk/r0', commands: 0, readMiB: 0, writeMiB: 0 }),
      expect.objectContaining({ lun: 1, storageObject: 'ramdisk/r1', commands: 900, readMiB: 12, writeMiB: 3 }),
    ]);
    expect(sample.initiators).toEqual([]);
    expect(sample.warnings).toEqual([]);
  });

  it('reads a logged-in initiator: address, state, per-LUN and session counters', () => {
    const s = statsSetup();
    s.login(5);
    s.counters(s.mappedLunDir(0), { num_cmds: 70, read_mbytes: 4, write_mbytes: 1 });
    s.counters(s.sessionDir(), { cmd_pdus: 80, rsp_pdus: 80, txdata_octs: 4_500_000, rxdata_octs: 1_200_000 });
    const [initiator] = takeSample(s.lio).initiators;
    expect(initiator).toMatchObject({
      initiator: INITIATOR,
      alias: 'host-5',
      sid: 5,
      dynamic: false,
      state: 'LOGGED_IN',
      address: '192.0.2.7',
      connections: 1,
      session: { cmdPdus: 80, rspPdus: 80, txBytes: 4_500_000, rxBytes: 1_200_000 },
    });
    expect(initiator?.luns).toEqual([
      { mappedLun: 0, tpgLun: 0, commands: 70, readMiB: 4, writeMiB: 1 },
      { mappedLun: 1, tpgLun: 1, commands: 0, readMiB: 0, writeMiB: 0 },
    ]);
  });

  it('lists demo-mode initiators without counters (configfs shows no ACL for them)', () => {
    const s = statsSetup();
    s.tpg.setDemoMode({ generateNodeAcls: true });
    s.counters(s.tpg.path, { dynamic_sessions: 'iqn.1994-05.com.example:demo' });
    const [initiator] = takeSample(s.lio).initiators;
    expect(initiator).toMatchObject({ initiator: 'iqn.1994-05.com.example:demo', dynamic: true, luns: [] });
    expect(initiator?.session).toBeUndefined();
  });

  it('narrows to a scope: target, TPG, LUN, or the LUNs of one storage object', () => {
    const s = statsSetup();
    s.login();
    s.lio.fabric('iscsi').createTarget({ wwn: 'iqn.2003-01.org.example:other', tpg: { enable: true } });
    const other = s.lio.fabric('iscsi').target('iqn.2003-01.org.example:other').tpg(1);
    other.createLun(s.lio.createRamdisk({ name: 'r9', size: 4096 }), { lun: 0 });
    expect(takeSample(s.lio).luns).toHaveLength(3);
    expect(takeSample(s.lio, { scope: { target: TARGET } }).luns.map((l) => l.lun)).toEqual([0, 1]);
    expect(takeSample(s.lio, { scope: { fabric: 'loopback' } }).luns).toEqual([]);
    const lun1 = takeSample(s.lio, { scope: { target: TARGET, tpg: 1, lun: 1 } });
    expect(lun1.luns.map((l) => l.storageObject)).toEqual(['ramdisk/r1']);
    expect(lun1.initiators.map((i) => i.initiator)).toEqual([INITIATOR]);
    const r9 = takeSample(s.lio, { scope: { storageObject: 'ramdisk/r9' } });
    expect(r9.luns.map((l) => [l.target, l.lun])).toEqual([['iqn.2003-01.org.example:other', 0]]);
    // Nobody is logged in to the other target.
    expect(r9.initiators).toEqual([]);
  });

  it('leaves out a LUN that vanishes while the sample is taken', () => {
    const s = statsSetup();
    s.sim.injectFailure('list', /lun\/lun_1$/, 'ENOENT');
    expect(takeSample(s.lio).luns.map((l) => l.lun)).toEqual([0]);
    expect(takeSample(s.lio).luns.map((l) => l.lun)).toEqual([0, 1]);
  });

  it('still fails loudly on what is not a vanished object', () => {
    const s = statsSetup();
    s.sim.injectFailure('list', /lun\/lun_1$/, 'EACCES');
    expect(() => takeSample(s.lio)).toThrow(/permission denied/);
  });
});

describe('health warnings', () => {
  it('finds a disabled TPG', () => {
    const s = statsSetup();
    s.tpg.disable();
    expect(takeSample(s.lio).warnings).toEqual([
      { kind: 'tpg-disabled', object: `iscsi/${TARGET}/tpg1`, message: `TPG iscsi/${TARGET}/tpg1 is disabled: initiators cannot log in` },
    ]);
  });

  it('finds a LUN without its storage object link', () => {
    const s = statsSetup();
    s.sim.mkdir(`${s.tpg.path}/lun/lun_5`);
    const sample = takeSample(s.lio);
    expect(sample.luns.find((l) => l.lun === 5)).toMatchObject({ storageObject: undefined, commands: undefined });
    expect(sample.warnings.map((w) => [w.kind, w.object])).toEqual([['lun-link-broken', `iscsi/${TARGET}/tpg1/lun5`]]);
  });

  it('finds ACLs without CHAP secrets when CHAP is required, and demo mode without TPG secrets', () => {
    const s = statsSetup();
    s.tpg.setAuthenticationRequired(true);
    s.tpg.createNodeAcl('iqn.1994-05.com.example:ok', { auth: { userid: 'u1', password: 'secretsecret1' } });
    const half = s.tpg.createNodeAcl('iqn.1994-05.com.example:half', { auth: { userid: 'u2', password: 'secretsecret2' } });
    half.setAuth({ mutualUserid: 'm2' });
    const warnings = takeSample(s.lio).warnings;
    expect(warnings.map((w) => [w.kind, w.object])).toEqual([
      ['acl-chap-missing', `iscsi/${TARGET}/tpg1/acls/${INITIATOR}`],
      ['acl-chap-missing', `iscsi/${TARGET}/tpg1/acls/iqn.1994-05.com.example:half`],
    ]);
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/secretsecret/);
    s.tpg.setDemoMode({ generateNodeAcls: true });
    expect(takeSample(s.lio).warnings.map((w) => w.kind)).toContain('tpg-chap-missing');
    s.tpg.setAuthenticationRequired(false);
    expect(takeSample(s.lio).warnings.map((w) => w.kind)).toEqual(['acl-chap-missing']);
  });

  it('finds storage objects that are deactivated (not exported) or not enabled', () => {
    const s = statsSetup();
    s.lio.createRamdisk({ name: 'spare', size: 4096 });
    s.sim.mkdir('core/rd_mcp_77');
    s.sim.mkdir('core/rd_mcp_77/half');
    expect(takeSample(s.lio).warnings.map((w) => [w.kind, w.object])).toEqual([
      ['backstore-disabled', 'ramdisk/half'],
      ['backstore-deactivated', 'ramdisk/spare'],
    ]);
    // Scoped to a target, only the storage objects its LUNs use are looked at.
    expect(takeSample(s.lio, { scope: { target: TARGET } }).warnings).toEqual([]);
  });
});
