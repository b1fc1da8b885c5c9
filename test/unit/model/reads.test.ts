import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors/index.js';
import { LioRoot } from '../../../src/model/index.js';
import { LOOP, newLio, type TestLio } from './helpers.js';

// Speed comes from not doing work: no rescans, each file read once per operation, and
// an operation on one TPG touching only that TPG's subtree.

function duplicates(paths: readonly string[]): string[] {
  return paths.filter((p, i) => paths.indexOf(p) !== i);
}

function bigConfig(t: TestLio, targets: number): void {
  const { lio } = t;
  for (let i = 0; i < targets; i++) {
    const tpg = lio.fabric('iscsi').createTarget({ wwn: `iqn.2003-01.org.example:t${i}`, tpg: { enable: true } }).tpg(1);
    tpg.createPortal(`127.0.0.${i + 1}`);
    const acl = tpg.createNodeAcl('iqn.1994-05.com.example:init');
    for (let l = 0; l < 3; l++) {
      const lun = tpg.createLun(lio.createRamdisk({ name: `r${i}_${l}`, size: 4096 }), { lun: l });
      acl.createMappedLun(l, lun, { writeProtect: l === 2 });
    }
  }
}

function listTpg(lio: LioRoot, wwn: string) {
  const tpg = lio.fabric('iscsi').target(wwn).tpg(1);
  return {
    enabled: tpg.isEnabled(),
    luns: tpg.luns().map((l) => l.describe()),
    portals: tpg.portals().map((p) => p.describe()),
    acls: tpg.nodeAcls().map((a) => ({ wwn: a.wwn, tag: a.tag(), mapped: a.mappedLuns().map((m) => m.describe()) })),
  };
}

describe('reading only what is needed', () => {
  it('describes a storage object reading each file once', () => {
    const t = newLio();
    for (const so of [
      t.lio.createFileio({ name: 'f', file: '/srv/existing.img' }),
      t.lio.createBlock({ name: 'b', device: LOOP }),
      t.lio.createRamdisk({ name: 'r', size: 4096 }),
      t.lio.createUser({ name: 'u', handler: 'file', config: 'x', size: 4096 }),
    ]) {
      t.fs.reset();
      so.describe();
      const reads = t.fs.calls.filter((c) => c.op === 'read').map((c) => c.path);
      expect(duplicates(reads), so.label).toEqual([]);
      expect(t.fs.calls.every((c) => c.path.startsWith(so.path)), so.label).toBe(true);
    }
  });

  it('lists one TPG touching only its subtree, each file once, whatever else exists', () => {
    const small = newLio();
    bigConfig(small, 1);
    const large = newLio();
    bigConfig(large, 12);
    const wwn = 'iqn.2003-01.org.example:t0';
    small.fs.reset();
    const view = listTpg(small.lio, wwn);
    large.fs.reset();
    expect(listTpg(large.lio, wwn)).toEqual(view);
    const tpgPath = `iscsi/${wwn}/tpgt_1`;
    const outside = large.fs.calls.filter((c) => !c.path.startsWith(tpgPath) && c.path !== `iscsi/${wwn}` && c.path !== 'iscsi');
    expect(outside).toEqual([]);
    expect(large.fs.calls.length).toBe(small.fs.calls.length);
    expect(duplicates(large.fs.calls.filter((c) => c.op === 'read').map((c) => c.path))).toEqual([]);
  });

  it('adds a LUN to a large config with the same calls as to an empty one', () => {
    const count = (targets: number): string[] => {
      const t = newLio();
      bigConfig(t, targets);
      const so = t.lio.createRamdisk({ name: 'new', size: 4096 });
      const tpg = t.lio.fabric('iscsi').createTarget({ wwn: 'iqn.2003-01.org.example:new', tpg: {} }).tpg(1);
      t.fs.reset();
      tpg.createLun(so, { lun: 0, alias: 'fixed' });
      return t.fs.calls.map((c) => `${c.op} ${c.path.replace(/rd_mcp_\d+/, 'rd_mcp_N')}`);
    };
    const empty = count(0);
    expect(count(10)).toEqual(empty);
    expect(empty.filter((c) => !c.startsWith('read '))).toEqual([
      'mkdir iscsi/iqn.2003-01.org.example:new/tpgt_1/lun/lun_0',
      'symlink iscsi/iqn.2003-01.org.example:new/tpgt_1/lun/lun_0/fixed',
    ]);
  });

  it('scans core/ once per LioRoot, not once per create', () => {
    const t = newLio();
    t.lio.createRamdisk({ name: 'a', size: 4096 });
    t.fs.reset();
    for (let i = 0; i < 5; i++) t.lio.createRamdisk({ name: `b${i}`, size: 4096 });
    // The first create probed; the second builds the index, which the rest use.
    expect(t.fs.calls.filter((c) => c.op === 'list').map((c) => c.path)).toEqual(['core', 'core/rd_mcp_0']);
    expect(t.fs.calls.filter((c) => c.op === 'read')).toEqual([]);
  });

  it('finds one storage object without listing every HBA, as a one-shot LUN create does', () => {
    const t = newLio();
    bigConfig(t, 10);
    t.lio.createRamdisk({ name: 'new', size: 4096 });
    const oneShot = new LioRoot(t.fs, { host: t.host });
    t.fs.reset();
    const so = oneShot.storageObject('ramdisk', 'new');
    expect(so.hba).toBe('rd_mcp_30');
    expect(t.fs.calls.filter((c) => c.op === 'list').map((c) => c.path)).toEqual(['core']);
    expect(() => new LioRoot(t.fs, { host: t.host }).storageObject('ramdisk', 'none')).toThrow(NotFoundError);
  });
});

describe('building like a restore', () => {
  it('issues nothing but the configfs changes themselves, after one scan of core/', () => {
    const { lio, fs } = newLio();
    lio.fabric('iscsi').load();
    fs.reset();
    const so = lio.createRamdisk({ name: 'r0', size: 4096, wwn: 'serial-0', attributes: { emulate_tpu: 0 } });
    const target = lio.fabric('iscsi').createTarget({
      wwn: 'iqn.2003-01.org.example:restore',
      tpg: { tag: 1, attributes: { generate_node_acls: 0 }, parameters: { TargetAlias: 'r' }, auth: { userid: 'u', password: 'secretsecret1' } },
    });
    const tpg = target.tpg(1);
    const lun = tpg.createLun(so, { lun: 0, alias: 'a0', checkDuplicate: false });
    tpg.createPortal('::0', 3260);
    const acl = tpg.createNodeAcl('iqn.1994-05.com.example:i', { attributes: { nopin_timeout: 15 }, auth: { userid: 'i', password: 'initsecret123' }, tag: 't' });
    acl.createMappedLun(0, lun, { alias: 'm0', writeProtect: false });
    tpg.enable();
    const lookups = fs.calls.filter((c) => !['mkdir', 'write', 'symlink'].includes(c.op)).map((c) => `${c.op} ${c.path}`);
    expect(lookups).toEqual(['list core', 'exists iscsi', 'exists iscsi/iqn.2003-01.org.example:restore/tpgt_1']);
  });
});

describe('settings', () => {
  it('learns attribute names and modes once per kind of object, not once per object', () => {
    const { lio, fs } = newLio();
    const a = lio.createRamdisk({ name: 'a', size: 4096 });
    const b = lio.createRamdisk({ name: 'b', size: 4096 });
    fs.reset();
    const first = a.attributes.entries();
    const stats = fs.calls.filter((c) => c.op === 'stat').length;
    expect(stats).toBe(first.length);
    fs.reset();
    const second = b.attributes.entries();
    expect(fs.calls.filter((c) => c.op === 'stat' || c.op === 'list')).toEqual([]);
    expect(second.map((e) => [e.name, e.readable, e.writable])).toEqual(first.map((e) => [e.name, e.readable, e.writable]));
    expect(first.find((e) => e.name === 'hw_block_size')).toMatchObject({ writable: false });
  });
});
