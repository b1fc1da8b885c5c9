import { describe, expect, it } from 'vitest';
import { executePlan } from '../../../../src/config/apply/index.js';
import { ConfigFsError } from '../../../../src/configfs/index.js';
import { dumpConfig } from '../../../../src/config/dump/index.js';
import { parseConfig, planConfig, planRestore, serializeConfig, type PlanOperation, type SaveConfig, type TpgId } from '../../../../src/config/index.js';
import { describeOperation } from '../../../../src/config/plan/describe.js';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { newLio } from '../../model/helpers.js';
import { buildRich, CLIENT, CLIENT2, IQN } from './rich-config.js';

const TPG: TpgId = { fabric: 'iscsi', wwn: IQN, tag: 1 };

function richDocument(): { text: string; doc: SaveConfig } {
  const { lio } = newLio();
  buildRich(lio);
  const text = serializeConfig(dumpConfig(lio));
  return { text, doc: parseConfig(JSON.parse(text)).config };
}

/** The rich document with one change made to its plain JSON. */
function edited(edit: (doc: { storage_objects: Array<Record<string, unknown>> }) => void): SaveConfig {
  const raw = JSON.parse(richDocument().text) as { storage_objects: Array<Record<string, unknown>> };
  edit(raw);
  return parseConfig(raw).config;
}

describe('executePlan', () => {
  it('rebuilds every kind of object from a dump, which then dumps byte for byte the same', () => {
    const { text, doc } = richDocument();
    const t = newLio();
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.done).toHaveLength(planRestore(doc).operations.length);
    expect(serializeConfig(dumpConfig(t.lio))).toBe(text);
    expect(planConfig(dumpConfig(t.lio), doc).operations).toEqual([]);
  });

  it('reports a refused object with its reason, skips what needs it, and does the rest', () => {
    const doc = edited((d) => {
      const blk = d.storage_objects.find((so) => so['name'] === 'blk1');
      if (blk) blk['dev'] = '/dev/sdz';
    });
    const t = newLio();
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed.map((f) => f.message)).toEqual(['create block storage object blk1 (/dev/sdz): device /dev/sdz does not exist']);
    expect(report.skipped.map((s) => [s.operation.kind, s.reason])).toEqual([
      ['set-storage-attributes', 'storage object block/blk1 was not created'],
      ['set-alua-group', 'storage object block/blk1 was not created'],
      ['create-lun', 'storage object block/blk1 was not created'],
      ['create-mapped-lun', `LUN 1 of iscsi/${IQN}/tpg1 was not created`],
    ]);
    // Everything else is there, the TPG enabled last as usual.
    const live = dumpConfig(t.lio);
    expect(live.storage_objects.map((so) => so.name)).toEqual(['disk1', 'rd0']);
    expect(live.targets.find((x) => x.fabric === 'iscsi')?.tpgs[0]).toMatchObject({ enable: true, luns: [{ index: 0 }, { index: 2 }] });
  });

  it('keeps going past a refused setting and reports each one by name', () => {
    const doc = edited((d) => {
      const disk = d.storage_objects.find((so) => so['name'] === 'disk1');
      if (disk) disk['attributes'] = { ...(disk['attributes'] as object), pi_prot_type: 2, queue_depth: 64 };
    });
    const t = newLio();
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed.map((f) => f.message)).toEqual([expect.stringMatching(/^Cannot set attribute pi_prot_type to '2' of storage object fileio\/disk1: .*\[ENOSYS\]$/)]);
    expect(report.skipped).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(t.lio.storageObject('fileio', 'disk1').attributes.get('queue_depth')).toBe('64');
  });

  it('leaves out, and lists apart, a setting this kernel does not have: no failure', () => {
    const doc = edited((d) => {
      const disk = d.storage_objects.find((so) => so['name'] === 'disk1');
      if (disk) disk['attributes'] = { ...(disk['attributes'] as object), no_such_attribute: 1, queue_depth: 64 };
    });
    const t = newLio();
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed).toEqual([]);
    expect(report.missing).toEqual([{ noun: 'attribute', name: 'no_such_attribute', kind: 'fileio' }]);
    expect(report.done.map((op) => op.kind)).toContain('set-storage-attributes');
    expect(t.lio.storageObject('fileio', 'disk1').attributes.get('queue_depth')).toBe('64');
  });

  it('writes a setting only when the live value differs', () => {
    const { doc } = richDocument();
    const t = newLio();
    executePlan(t.lio, planRestore(doc).operations);
    t.fs.reset();
    const same: PlanOperation[] = [
      { kind: 'set-tpg-attributes', tpg: TPG, attributes: [['login_timeout', 15]] },
      { kind: 'set-tpg-enable', tpg: TPG, enable: true },
      { kind: 'set-mapped-lun-write-protect', tpg: TPG, nodeWwn: CLIENT, index: 1, writeProtect: true },
      { kind: 'set-node-acl-tag', tpg: TPG, nodeWwn: CLIENT, tag: 'dbhosts' },
      { kind: 'set-storage-identity', storage: { plugin: 'fileio', name: 'disk1' }, identity: { vendor_id: 'ACME' } },
    ];
    expect(executePlan(t.lio, same).done).toHaveLength(same.length);
    expect(t.fs.changes()).toEqual([]);
  });

  it("writes a new storage object's settings unread, and a new TPG's or ACL's only where they differ from the first new one of its kind", () => {
    const raw = JSON.parse(richDocument().text) as {
      targets: Array<{ wwn: string; tpgs: Array<{ node_acls: Array<{ node_wwn: string; attributes: Record<string, number> }> }> }>;
    };
    const acls = raw.targets.find((t) => t.wwn === IQN)?.tpgs[0]?.node_acls ?? [];
    // The second ACL asks for one attribute that a new ACL does not start with.
    const second = acls.find((a) => a.node_wwn === CLIENT2);
    if (second === undefined) throw new Error('the rich document has no second ACL');
    second.attributes.dataout_timeout = 7;
    const doc = parseConfig(raw).config;
    const t = newLio();
    expect(executePlan(t.lio, planRestore(doc).operations).failed).toEqual([]);

    const reads = t.fs.calls.filter((c) => c.op === 'read' && /\/(attrib|param|auth)\//.test(c.path)).map((c) => c.path);
    expect(reads.filter((p) => p.startsWith('core/') || p.includes('/auth/'))).toEqual([]);
    expect(reads.some((p) => p.includes(`/acls/${CLIENT}/attrib/`))).toBe(true);
    expect(reads.some((p) => p.includes(`/acls/${CLIENT2}/`))).toBe(false);
    expect(new Set(reads).size).toBe(reads.length);
    const secondWrites = t.fs.calls.filter((c) => c.op === 'write' && c.path.includes(`/acls/${CLIENT2}/attrib/`)).map((c) => c.path.split('/').pop());
    expect(secondWrites).toEqual(['dataout_timeout']);
    expect(serializeConfig(dumpConfig(t.lio))).toBe(serializeConfig(doc));
  });

  it("takes a new object's refusal to rewrite a value it holds as done, and any other refusal as a failure", () => {
    const refuse = (t: ReturnType<typeof newLio>, file: string) => {
      t.fs.before = (op, path) => {
        if (op === 'write' && path.endsWith(file)) throw new ConfigFsError('write', `${t.fs.root}/${path}`, 'EINVAL');
      };
    };
    const same = newLio();
    refuse(same, '/tpgt_1/attrib/login_timeout');
    const { doc } = richDocument();
    expect(executePlan(same.lio, planRestore(doc).operations).failed).toEqual([]);

    const other = newLio();
    refuse(other, '/tpgt_1/attrib/login_timeout');
    const changed = parseConfig(JSON.parse(richDocument().text.replace('"login_timeout": 15', '"login_timeout": 20'))).config;
    expect(executePlan(other.lio, planRestore(changed).operations).failed.map((f) => f.message)).toEqual([
      expect.stringMatching(new RegExp(`^Cannot set attribute login_timeout to '20' of TPG iscsi/${IQN}/tpg1: .*\\[EINVAL\\]$`)),
    ]);
  });

  it("puts a new ACL's CHAP credentials back to unset when the kernel refuses one of them", () => {
    const { doc } = richDocument();
    const t = newLio();
    t.fs.before = (op, path) => {
      if (op === 'write' && path.includes(CLIENT) && path.endsWith('/auth/password')) throw new ConfigFsError('write', path, 'EINVAL');
    };
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed.map((f) => f.message)).toEqual([
      expect.stringMatching(new RegExp(`^Cannot set CHAP credentials of node ACL iscsi/${IQN}/tpg1/acls/${CLIENT}: .*\\[EINVAL\\]$`)),
    ]);
    expect(t.lio.fabric('iscsi').target(IQN).tpg(1).nodeAcl(CLIENT).auth()).toEqual({ authenticateTarget: false });
  });

  it('clears everything, unlinking each LUN and mapped LUN without reading where it points', () => {
    const t = newLio();
    buildRich(t.lio);
    t.fs.reset();
    t.lio.clear();
    expect(t.fs.calls.filter((c) => c.op === 'readlink')).toEqual([]);
    expect(t.fs.calls.filter((c) => c.op === 'unlink')).toHaveLength(7); // 4 LUNs, 3 mapped LUNs
    const left = dumpConfig(t.lio);
    expect([left.storage_objects, left.targets]).toEqual([[], []]);
  });

  it('stops at the first failure when asked, listing the rest as not attempted', () => {
    const ops: PlanOperation[] = [
      { kind: 'create-node-acl', tpg: TPG, nodeWwn: CLIENT },
      { kind: 'create-storage-object', config: { plugin: 'ramdisk', name: 'rd9', size: 1 << 20, alua_tpgs: [] } },
    ];
    const report = executePlan(newLio().lio, ops, { stopAtFirstFailure: true });
    expect(report.failed.map((f) => f.message)).toEqual([`create ACL ${CLIENT} in iscsi/${IQN}/tpg1: No iscsi target ${IQN}`]);
    expect(report.skipped.map((s) => s.reason)).toEqual(['stopped at the first failure']);
  });

  it('exports a LUN in the default group when its ALUA group could not be made', () => {
    const so = { plugin: 'ramdisk', name: 'rd9' } as const;
    const t = newLio();
    t.lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} });
    const ops: PlanOperation[] = [
      { kind: 'create-storage-object', config: { ...so, size: 1 << 20, alua_tpgs: [] } },
      // id 0 is the default group's: the model refuses it for another group.
      { kind: 'create-alua-group', storage: so, group: { name: 'fast', tg_pt_gp_id: 0 } },
      { kind: 'create-lun', tpg: TPG, index: 3, storage: so, aluaGroup: 'fast' },
    ];
    const report = executePlan(t.lio, ops);
    expect(report.failed.map((f) => f.message)).toEqual([
      "create ALUA group fast (id 0) on ramdisk/rd9: ALUA group id 0 is out of range; use 1 to 65535 (0 is the default group's)",
      `create LUN 3 in iscsi/${IQN}/tpg1 for /backstores/ramdisk/rd9 in ALUA group fast: exported in the default ALUA group instead, as ALUA group fast was not created`,
    ]);
    expect(t.lio.fabric('iscsi').target(IQN).tpg(1).lun(3).aluaGroup()).toBe('default_tg_pt_gp');
  });

  it('keeps a new ALUA group whose settings were refused, and puts its LUNs in it', () => {
    const so = { plugin: 'ramdisk', name: 'rd9' } as const;
    const t = newLio();
    t.lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} });
    const ops: PlanOperation[] = [
      { kind: 'create-storage-object', config: { ...so, size: 1 << 20, alua_tpgs: [] } },
      { kind: 'create-alua-group', storage: so, group: { name: 'fast', tg_pt_gp_id: 7, preferred: -1, nonop_delay_msecs: 50 } },
      { kind: 'create-lun', tpg: TPG, index: 3, storage: so, aluaGroup: 'fast' },
    ];
    const report = executePlan(t.lio, ops);
    expect(report.failed.map((f) => f.message)).toEqual(['create ALUA group fast (id 7) on ramdisk/rd9: ALUA setting preferred: -1 is not a whole number >= 0']);
    expect(report.done.map((op) => op.kind)).toEqual(['create-storage-object', 'create-lun']);
    expect(t.lio.storageObject('ramdisk', 'rd9').aluaGroup('fast').info().settings.nonop_delay_msecs).toBe(50);
    expect(t.lio.fabric('iscsi').target(IQN).tpg(1).lun(3).aluaGroup()).toBe('fast');
  });

  it('does not try to remove what still holds an object it could not remove', () => {
    const t = newLio();
    t.lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} });
    const ops: PlanOperation[] = [
      { kind: 'delete-lun', tpg: TPG, index: 7 },
      { kind: 'delete-tpg', tpg: TPG },
      { kind: 'delete-target', fabric: 'iscsi', wwn: IQN },
    ];
    const report = executePlan(t.lio, ops);
    expect(report.failed.map((f) => f.message)).toEqual([`delete LUN 7 in iscsi/${IQN}/tpg1: No LUN 7 in TPG iscsi/${IQN}/tpg1`]);
    expect(report.skipped.map((s) => s.reason)).toEqual([`LUN 7 of iscsi/${IQN}/tpg1 could not be removed`, `LUN 7 of iscsi/${IQN}/tpg1 could not be removed`]);
    expect(t.lio.fabric('iscsi').findTarget(IQN)).toBeDefined();
  });

  it('removes objects of one kind side by side: a refusal costs only that object and what holds it', () => {
    const sim = new SimConfigFs();
    const t = newLio(sim);
    buildRich(t.lio);
    const ops = planConfig(dumpConfig(t.lio), { ...dumpConfig(t.lio), targets: [], storage_objects: [] }).operations;
    const acl = `iscsi/${IQN}/tpgt_1/acls/${CLIENT}`;
    sim.injectFailure('rmdir', `${acl}/lun_0`, 'EBUSY');
    t.fs.reset();
    const report = executePlan(t.lio, ops);
    // The mapped LUNs' changes interleave: each is handed over before the first is done.
    const mappedLunChanges = t.fs.changes().filter((c) => /\/acls\/[^/]+\/lun_\d+/.test(c.path)).map((c) => `${c.op} ${c.path.replace(/.*\/acls\//, '')}`);
    expect(mappedLunChanges.slice(0, 3)).toEqual([`unlink ${CLIENT}/lun_0/dddddddddd`, `unlink ${CLIENT}/lun_1/eeeeeeeeee`, `unlink ${CLIENT2}/lun_5/ffffffffff`]);
    expect(report.failed.map((f) => f.message)).toEqual([
      `Cannot delete mapped LUN iscsi/${IQN}/tpg1/acls/${CLIENT}/mapped_lun0: cannot remove ${sim.root}/${acl}/lun_0: the object is in use (device or resource busy) [EBUSY]`,
    ]);
    // The ACL holding it stays, with its TPG and target; the LUN's own removal took the
    // emptied mapped LUN with it (the kernel refused only once), and everything else is gone.
    expect(report.skipped.map((s) => describeOperation(s.operation))).toEqual([
      `delete ACL ${CLIENT} in iscsi/${IQN}/tpg1`,
      `delete TPG iscsi/${IQN}/tpg1`,
      `delete iscsi target ${IQN}`,
    ]);
    expect(t.lio.storageObjects()).toEqual([]);
    expect(t.lio.targets().map((target) => target.wwn)).toEqual([IQN]);
    expect(t.lio.fabric('iscsi').target(IQN).tpg(1).nodeAcls().map((a) => a.wwn)).toEqual([CLIENT]);
  });
});

describe('executePlan: creates side by side', () => {
  it('creates LUNs side by side, each all or nothing: a refused one is taken back, and what maps it is skipped', () => {
    const { doc } = richDocument();
    const sim = new SimConfigFs();
    const t = newLio(sim);
    const lun1 = `iscsi/${IQN}/tpgt_1/lun/lun_1`;
    sim.injectFailure('symlink', `${lun1}/bbbbbbbbbb`, 'ENODEV');
    const report = executePlan(t.lio, planRestore(doc).operations);
    // The LUNs' changes interleave: every LUN directory is made before the first link.
    const lunChanges = t.fs.changes().filter((c) => /\/tpgt_1\/lun\/lun_\d+($|\/)/.test(c.path)).map((c) => `${c.op} ${c.path.replace(/.*\/tpgt_1\/lun\//, '')}`);
    expect(lunChanges.slice(0, 4)).toEqual(['mkdir lun_0', 'mkdir lun_1', 'mkdir lun_2', 'mkdir lun_0']);
    expect(lunChanges).toContain('rmdir lun_1');
    expect(report.failed.map((f) => f.message)).toEqual([
      `Cannot create LUN 1 in TPG iscsi/${IQN}/tpg1 for block/blk1: cannot link ${sim.root}/${lun1}/bbbbbbbbbb: no such device, or the device is not enabled [ENODEV]`,
    ]);
    expect(report.failed[0]?.error.hint).toBe("block/blk1 is not enabled, or the ALUA group '' does not exist");
    expect(report.skipped.map((s) => [describeOperation(s.operation), s.reason])).toEqual([
      [`map LUN 1 as mapped LUN 1 (read-only) for ACL ${CLIENT} in iscsi/${IQN}/tpg1`, `LUN 1 of iscsi/${IQN}/tpg1 was not created`],
    ]);
    expect(sim.exists(lun1)).toBe(false);
    const tpg = t.lio.fabric('iscsi').target(IQN).tpg(1);
    expect(tpg.luns().map((l) => [l.index, l.alias(), l.aluaGroup()])).toEqual([
      [0, 'aaaaaaaaaa', 'fast'],
      [2, 'cccccccccc', 'default_tg_pt_gp'],
    ]);
  });

  it('maps LUNs side by side: a refused mapped LUN is taken back and named, the others are made', () => {
    const { doc } = richDocument();
    const sim = new SimConfigFs();
    const t = newLio(sim);
    const mapped = `iscsi/${IQN}/tpgt_1/acls/${CLIENT}/lun_1`;
    sim.injectFailure('write', `${mapped}/write_protect`, 'EINVAL');
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed.map((f) => f.message)).toEqual([
      `Cannot map LUN 1 as mapped LUN 1 of iscsi/${IQN}/tpg1/acls/${CLIENT}: cannot write '1' to ${sim.root}/${mapped}/write_protect: the kernel rejected the value or name (invalid argument) [EINVAL]`,
    ]);
    expect(report.skipped).toEqual([]);
    expect(sim.exists(mapped)).toBe(false);
    const tpg = t.lio.fabric('iscsi').target(IQN).tpg(1);
    expect(tpg.nodeAcl(CLIENT).mappedLuns().map((m) => m.index)).toEqual([0]);
    expect(tpg.nodeAcl(CLIENT2).mappedLuns().map((m) => [m.index, m.tpgLunIndex()])).toEqual([[5, 2]]);
  });

  it('says so when a refused mapped LUN cannot be taken back whole', () => {
    const { doc } = richDocument();
    const sim = new SimConfigFs();
    const t = newLio(sim);
    const mapped = `iscsi/${IQN}/tpgt_1/acls/${CLIENT}/lun_1`;
    sim.injectFailure('write', `${mapped}/write_protect`, 'EINVAL');
    sim.injectFailure('rmdir', mapped, 'EBUSY');
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed.map((f) => f.error.name)).toEqual(['RollbackError']);
    expect(report.failed[0]?.message).toBe(
      `Cannot map LUN 1 as mapped LUN 1 of iscsi/${IQN}/tpg1/acls/${CLIENT}: cannot write '1' to ${sim.root}/${mapped}/write_protect: the kernel rejected the value or name (invalid argument) [EINVAL]; undoing the partial create failed too`,
    );
    // The link went; the directory the kernel would not remove is left, and named.
    expect(sim.list(mapped)).not.toContain('eeeeeeeeee');
    expect(report.failed[0]?.error.hint ?? '').toContain(mapped);
  });

  it('makes portals and ACLs while LUNs are being created, and enables the TPG once its mapped LUNs are made', () => {
    const { text, doc } = richDocument();
    const t = newLio();
    const report = executePlan(t.lio, planRestore(doc).operations);
    expect(report.failed).toEqual([]);
    // Lanes are made at finish() in the simulator, as late as the kernel's worker may make them.
    const changes = t.fs.changes().map((c) => `${c.op} ${c.path.replace(/^iscsi\/[^/]+\/tpgt_1\//, '')}`);
    const first = (re: RegExp) => changes.findIndex((c) => re.test(c));
    const last = (re: RegExp) => changes.findLastIndex((c) => re.test(c));
    expect(first(/^mkdir acls\//)).toBeLessThan(first(/^mkdir lun\/lun_/));
    expect(first(/^mkdir np\//)).toBeLessThan(first(/^mkdir lun\/lun_/));
    expect(first(/^write acls\/.*\/auth\//)).toBeLessThan(first(/^symlink acls\/.*\/lun_\d+\//));
    expect(last(/^symlink acls\/.*\/lun_\d+\//)).toBeLessThan(first(/^write enable$/));
    expect(serializeConfig(dumpConfig(t.lio))).toBe(text);
  });

  it('asks the port to get ready for side-by-side changes only when a plan has many of them', () => {
    const { doc } = richDocument();
    const few = newLio();
    let asked = 0;
    few.fs.expectLanes = () => void asked++;
    executePlan(few.lio, planRestore(doc).operations);
    expect(asked).toBe(0);
    // 40 LUNs of one ramdisk (as the kernel allows) in a TPG of their own.
    const many = newLio();
    many.fs.expectLanes = () => void asked++;
    const rd = many.lio.createRamdisk({ name: 'rd', size: '1M' });
    const wwn = 'iqn.2003-01.org.example:many';
    const tpg: TpgId = { fabric: 'iscsi', wwn, tag: 1 };
    const ops: PlanOperation[] = [
      { kind: 'create-target', fabric: 'iscsi', wwn },
      { kind: 'create-tpg', tpg },
      ...Array.from({ length: 40 }, (_, index): PlanOperation => ({ kind: 'create-lun', tpg, index, storage: { plugin: 'ramdisk', name: rd.name } })),
    ];
    const report = executePlan(many.lio, ops);
    expect(report.failed).toEqual([]);
    expect(asked).toBe(1);
    expect(many.lio.fabric('iscsi').target(wwn).tpg(1).luns()).toHaveLength(40);
  });
});
