import { describe, expect, it } from 'vitest';
import type { ConfigFsOp } from '../../../src/configfs/index.js';
import { LioctlError } from '../../../src/errors/index.js';
import type { LioRoot } from '../../../src/model/index.js';
import { kernelState, LOOP, newLio, SDB, type TestLio } from './helpers.js';

/**
 * The promise of every public create: when the kernel refuses any one step, configfs (and
 * the machine: backing files) is left exactly as it was. Each scenario is run once to
 * record its configfs changes, then once per change with the kernel refusing that change.
 */
interface Scenario {
  readonly name: string;
  readonly setup?: (lio: LioRoot) => void;
  readonly act: (lio: LioRoot) => unknown;
}

const IQN = 'iqn.2003-01.org.example:rollback';
const INIT1 = 'iqn.1994-05.com.example:init1';
const INIT2 = 'iqn.1994-05.com.example:init2';

function iscsiTpg(lio: LioRoot) {
  return lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: { tag: 1 } }).tpg(1);
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'fileio on a new sparse file, write-back, aio, identity, attributes, ALUA group',
    act: (lio) =>
      lio.createFileio({
        name: 'f1',
        file: '/srv/new.img',
        size: '16M',
        writeBack: true,
        aio: true,
        identity: { vendorId: 'ACME', productId: 'Disk', revision: '1.0' },
        attributes: { block_size: 4096, emulate_tpu: 0, is_nonrot: 1 },
        aluaGroups: [{ name: 'ao', id: 10, settings: { alua_access_state: 1, preferred: 1 } }],
      }),
  },
  { name: 'fileio on an existing file', act: (lio) => lio.createFileio({ name: 'f2', file: '/srv/existing.img' }) },
  { name: 'fileio on a block device', act: (lio) => lio.createFileio({ name: 'f3', file: LOOP }) },
  { name: 'block, read-only', act: (lio) => lio.createBlock({ name: 'b1', device: LOOP, readOnly: true }) },
  { name: 'pscsi by device path', act: (lio) => lio.createPscsi({ name: 'p1', device: SDB }) },
  { name: 'ramdisk nullio with serial', act: (lio) => lio.createRamdisk({ name: 'r1', size: '1M', nullio: true, wwn: 'serial-1' }) },
  {
    name: 'user-backed with hw_max_sectors and control tuples',
    act: (lio) => lio.createUser({ name: 'u1', handler: 'file', config: '/srv/u1.img', size: '8M', hwMaxSectors: 128, control: { max_data_area_mb: 32 } }),
  },
  {
    name: 'ALUA group on an existing object',
    setup: (lio) => void lio.createRamdisk({ name: 'r1', size: '1M' }),
    act: (lio) => lio.storageObject('ramdisk', 'r1').createAluaGroup('g1', 7, { alua_access_state: 2, nonop_delay_msecs: 50 }),
  },
  {
    name: 'iSCSI target with its TPG (fabric not yet loaded)',
    act: (lio) =>
      lio.fabric('iscsi').createTarget({
        wwn: IQN,
        tpg: {
          enable: true,
          attributes: { generate_node_acls: 1, demo_mode_write_protect: 0 },
          parameters: { TargetAlias: 'rollback', HeaderDigest: 'CRC32C' },
          auth: { userid: 'tpguser', password: 'tpgsecret1234', mutualUserid: 'tgt', mutualPassword: 'mutualsecret12' },
        },
      }),
  },
  {
    name: 'second TPG of an iSCSI target',
    setup: (lio) => void lio.fabric('iscsi').createTarget({ wwn: IQN }),
    act: (lio) => lio.fabric('iscsi').target(IQN).createTpg({ tag: 2, enable: true, attributes: { authentication: 1 } }),
  },
  { name: 'loopback target (nexus, TPG 1)', act: (lio) => lio.fabric('loopback').createTarget({ wwn: 'naa.5001405aaaaaaaaa' }) },
  { name: 'vhost target with a TPG', act: (lio) => lio.fabric('vhost').createTarget({ tpg: { tag: 3 } }) },
  {
    name: 'LUN with ALUA group, mapped into every ACL',
    setup: (lio) => {
      const so = lio.createFileio({ name: 'f1', file: '/srv/existing.img', aluaGroups: [{ name: 'g1', id: 5 }] });
      const tpg = iscsiTpg(lio);
      tpg.createLun(lio.createRamdisk({ name: 'r0', size: '1M' }), { lun: 0 });
      tpg.createNodeAcl(INIT1, { mapAllLuns: true });
      tpg.createNodeAcl(INIT2);
      void so;
    },
    act: (lio) => iscsiTpg2(lio).createLun(lio.storageObject('fileio', 'f1'), { lun: 3, aluaGroup: 'g1', mapInAcls: true, mappedWriteProtect: true }),
  },
  {
    name: 'portal with iSER',
    setup: (lio) => void iscsiTpg(lio),
    act: (lio) => iscsiTpg2(lio).createPortal('::1', 3261, { iser: true }),
  },
  {
    name: 'node ACL with tag, CHAP, attributes, cmdsn_depth and all LUNs mapped',
    setup: (lio) => {
      const tpg = iscsiTpg(lio);
      tpg.createLun(lio.createRamdisk({ name: 'r0', size: '1M' }), { lun: 0 });
      tpg.createLun(lio.createRamdisk({ name: 'r1', size: '1M' }), { lun: 4 });
    },
    act: (lio) =>
      iscsiTpg2(lio).createNodeAcl(INIT1, {
        tag: 'db',
        auth: { userid: 'u1', password: 'secretsecret1', mutualUserid: 'm1', mutualPassword: 'mutualsecret1' },
        attributes: { dataout_timeout: 5 },
        cmdsnDepth: 32,
        mapAllLuns: true,
        writeProtect: true,
      }),
  },
  {
    name: 'mapped LUN, read-only',
    setup: (lio) => {
      const tpg = iscsiTpg(lio);
      tpg.createLun(lio.createRamdisk({ name: 'r0', size: '1M' }), { lun: 0 });
      tpg.createNodeAcl(INIT1);
    },
    act: (lio) => iscsiTpg2(lio).nodeAcl(INIT1).createMappedLun(5, 0, { writeProtect: 'yes' }),
  },
  {
    name: 'LUN on a loopback target',
    setup: (lio) => {
      lio.createRamdisk({ name: 'r0', size: '1M' });
      lio.fabric('loopback').createTarget({ wwn: 'naa.5001405aaaaaaaaa' });
    },
    act: (lio) => lio.fabric('loopback').target('naa.5001405aaaaaaaaa').tpg(1).createLun(lio.storageObject('ramdisk', 'r0')),
  },
];

function iscsiTpg2(lio: LioRoot) {
  return lio.fabric('iscsi').target(IQN).tpg(1);
}

function prepare(scenario: Scenario): TestLio {
  const t = newLio();
  scenario.setup?.(t.lio);
  t.fs.reset();
  return t;
}

function machineState(t: TestLio): unknown {
  return { kernel: kernelState(t.sim), files: ['/srv/new.img', '/srv/u1.img'].map((f) => t.host.hasFile(f)) };
}

describe('every create is all or nothing', () => {
  for (const scenario of SCENARIOS) {
    const dry = prepare(scenario);
    scenario.act(dry.lio);
    const steps = dry.fs.changes();

    it(`${scenario.name}: ${steps.length} steps, each refused in turn`, () => {
      expect(steps.length).toBeGreaterThan(0);
      for (let i = 0; i < steps.length; i++) {
        const t = prepare(scenario);
        const before = machineState(t);
        let seen = 0;
        t.fs.before = (op, path) => {
          if (!['mkdir', 'rmdir', 'write', 'symlink', 'unlink'].includes(op)) return;
          if (seen++ === i) t.sim.injectFailure(op as ConfigFsOp, path, 'ENOMEM');
        };
        let caught: unknown;
        try {
          scenario.act(t.lio);
        } catch (err) {
          caught = err;
        }
        t.fs.before = undefined;
        const step = `${steps[i]?.op} ${steps[i]?.path}`;
        expect(caught, `refusing step ${i} (${step}) must fail the create`).toBeInstanceOf(LioctlError);
        expect(machineState(t), `refusing step ${i} (${step}) must leave nothing behind`).toEqual(before);
      }
    });
  }
});
