import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/errors/index.js';
import { KernelRefusedError } from '../../../src/model/index.js';
import { expectError, newLio } from './helpers.js';

const IQN = 'iqn.2003-01.org.example:t1';

describe('targets', () => {
  it('creates an iSCSI target from any accepted spelling and finds it again', () => {
    const { lio } = newLio();
    const t = lio.fabric('iscsi').createTarget({ wwn: '  IQN.2003-01.ORG.Example:T1 ' });
    expect(t.wwn).toBe(IQN);
    expect(t.label).toBe(`iscsi/${IQN}`);
    expect(t.tpgs()).toEqual([]); // multi-TPG fabrics get TPGs only when asked
    expect(lio.fabric('iscsi').target('iqn.2003-01.org.example:T1').path).toBe(t.path);
    expect(lio.targets().map((x) => x.label)).toEqual([`iscsi/${IQN}`]);
  });

  it('generates WWNs the way targetcli does', () => {
    const { lio } = newLio();
    expect(lio.fabric('iscsi').createTarget().wwn).toMatch(/^iqn\.2003-01\.org\.linux-iscsi\.[a-z0-9-]+\.[a-z0-9-]+:sn\.[0-9a-f]{12}$/);
    expect(lio.fabric('loopback').createTarget().wwn).toMatch(/^naa\.5001405[0-9a-f]{9}$/);
  });

  it('refuses bad WWNs before any write and duplicates with a conflict', () => {
    const { lio, fs } = newLio();
    expectError(() => lio.fabric('iscsi').createTarget({ wwn: 'iqn.bad' }), ValidationError, 'bad-wwn');
    expectError(() => lio.fabric('loopback').createTarget({ wwn: IQN }), ValidationError, 'bad-wwn');
    expect(fs.changes()).toEqual([]);
    lio.fabric('iscsi').createTarget({ wwn: IQN });
    const err = expectError(() => lio.fabric('iscsi').createTarget({ wwn: IQN }), KernelRefusedError, 'kernel-eexist');
    expect(err.exitCode).toBe(new ConflictError('x').exitCode);
    expect(err.hint).toBe('a target with this WWN already exists');
    expectError(() => lio.fabric('iscsi').target('iqn.2003-01.org.example:none'), NotFoundError);
  });

  it('rewrites legacy naa.6 target names as rtslib does', () => {
    const { lio } = newLio();
    expect(lio.fabric('loopback').createTarget({ wwn: 'naa.6001405aaaaaaaaa' }).wwn).toBe('naa.5001405aaaaaaaaa');
  });

  it('deletes a target with everything in it', () => {
    const { lio, sim } = newLio();
    const so = lio.createRamdisk({ name: 'r', size: 4096 });
    const t = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: { enable: true } });
    const tpg = t.tpg(1);
    tpg.createLun(so);
    tpg.createPortal('127.0.0.1');
    tpg.createNodeAcl('iqn.1994-05.com.example:i', { mapAllLuns: true });
    t.createTpg({ tag: 2 });
    t.delete();
    expect(sim.list('iscsi')).toEqual(['cpus_allowed_list', 'discovery_auth', 'lio_version']);
    expect(so.status()).toBe('deactivated');
  });
});

describe('TPGs', () => {
  it('creates iSCSI TPGs with authentication=0 (as rtslib), disabled unless asked', () => {
    const { lio } = newLio();
    const t = lio.fabric('iscsi').createTarget({ wwn: IQN });
    const tpg = t.createTpg();
    expect(tpg.tag).toBe(1);
    expect(tpg.isEnabled()).toBe(false);
    expect(tpg.auth()).toEqual({ required: false, authenticateTarget: false });
    const tpg3 = t.createTpg({ tag: 3, enable: true, attributes: { authentication: 1 }, parameters: { TargetAlias: 'three', InitialR2T: false } });
    expect(tpg3.isEnabled()).toBe(true);
    expect(tpg3.auth().required).toBe(true);
    expect(tpg3.parameters.get('TargetAlias')).toBe('three');
    expect(tpg3.parameters.get('InitialR2T')).toBe('No');
    expect(t.createTpg().tag).toBe(2);
    expect(t.tpgs().map((x) => x.label)).toEqual([`iscsi/${IQN}/tpg1`, `iscsi/${IQN}/tpg2`, `iscsi/${IQN}/tpg3`]);
    tpg.enable();
    expect(tpg.isEnabled()).toBe(true);
    tpg.disable();
    expect(tpg.isEnabled()).toBe(false);
  });

  it('gives loopback one TPG with a nexus, tags below 32', () => {
    const { lio } = newLio();
    const lb = lio.fabric('loopback');
    const t = lb.createTarget({ wwn: 'naa.5001405aaaaaaaaa', tpg: { nexus: 'naa.5001405bbbbbbbbb' } });
    expect(t.tpgs().map((x) => x.tag)).toEqual([1]);
    expect(t.tpg(1).nexus()).toBe('naa.5001405bbbbbbbbb');
    expect(t.tpg(1).isEnabled()).toBe(true);
    expect(lb.createTarget().tpg(1).nexus()).toMatch(/^naa\.5001405[0-9a-f]{9}$/);
    expect(expectError(() => t.createTpg({ tag: 32 }), ValidationError, 'bad-tag').message).toBe('TPG tag 32 is out of range for loopback; use 1 to 31');
    expectError(() => lio.fabric('iscsi').createTarget({ tpg: { nexus: 'naa.5001405bbbbbbbbb' } }), ValidationError, 'no-nexus');
  });

  it('gives vhost TPGs a nexus and ACLs', () => {
    const { lio } = newLio();
    const tpg = lio.fabric('vhost').createTarget({ wwn: 'naa.5001405ccccccccc', tpg: { tag: 1 } }).tpg(1);
    expect(tpg.nexus()).toMatch(/^naa\./);
    const acl = tpg.createNodeAcl('naa.5001405ddddddddd');
    expect(tpg.nodeAcls().map((a) => a.wwn)).toEqual(['naa.5001405ddddddddd']);
    expect(acl.label).toBe('vhost/naa.5001405ccccccccc/tpg1/acls/naa.5001405ddddddddd');
    expect(tpg.portals()).toEqual([]);
    expectError(() => tpg.createPortal('::0'), ValidationError, 'no-portals');
    expectError(() => tpg.auth(), NotFoundError);
  });

  it('sets demo mode as one change', () => {
    const { lio } = newLio();
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    expect(tpg.demoMode()).toEqual({ generateNodeAcls: false, cacheDynamicAcls: false, writeProtect: true });
    tpg.setDemoMode({ generateNodeAcls: true, cacheDynamicAcls: true, writeProtect: false });
    expect(tpg.demoMode()).toEqual({ generateNodeAcls: true, cacheDynamicAcls: true, writeProtect: false });
  });

  it('undoes a demo-mode change the kernel refuses half-way', () => {
    const { lio, sim } = newLio();
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    sim.injectFailure('write', `${tpg.path}/attrib/demo_mode_write_protect`, 'EINVAL');
    expectError(() => tpg.setDemoMode({ generateNodeAcls: true, writeProtect: false }), KernelRefusedError);
    expect(tpg.demoMode()).toEqual({ generateNodeAcls: false, cacheDynamicAcls: false, writeProtect: true });
  });

  it('keeps TPG-wide CHAP, mutual CHAP, and clears with empty values', () => {
    const { lio } = newLio();
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    tpg.setAuth({ userid: 'tpguser', password: 'tpgsecret123' });
    tpg.setAuthenticationRequired(true);
    expect(tpg.auth()).toEqual({ userid: 'tpguser', password: 'tpgsecret123', required: true, authenticateTarget: false });
    tpg.setAuth({ mutualUserid: 'target', mutualPassword: 'mutualsecret1' });
    expect(tpg.auth().authenticateTarget).toBe(true);
    tpg.setAuth({ userid: '', password: '', mutualUserid: '', mutualPassword: '' });
    expect(tpg.auth()).toEqual({ required: true, authenticateTarget: false });
  });

  it('reports unknown and read-only settings in words', () => {
    const { lio } = newLio();
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    expect(expectError(() => tpg.attributes.set('nosuch', 1), NotFoundError).message).toBe(`Unknown attribute 'nosuch' of TPG iscsi/${IQN}/tpg1`);
    expectError(() => tpg.attributes.set('generate_node_acls', ''), ValidationError, 'bad-value');
    const err = expectError(() => tpg.parameters.set('MaxConnections', 'many'), KernelRefusedError, 'kernel-einval');
    expect(err.message).toMatch(/^Cannot set parameter MaxConnections to 'many' of TPG /);
    const entries = tpg.attributes.entries();
    expect(entries.find((e) => e.name === 'authentication')).toEqual({ name: 'authentication', value: '0', readable: true, writable: true });
  });

  it('deletes a TPG: disabled first, then ACLs, LUNs, portals', () => {
    const { lio, fs, sim } = newLio();
    const so = lio.createRamdisk({ name: 'r', size: 4096 });
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: { enable: true } }).tpg(1);
    tpg.createLun(so);
    tpg.createPortal('0.0.0.0');
    tpg.createNodeAcl('iqn.1994-05.com.example:i', { mapAllLuns: true });
    fs.reset();
    tpg.delete();
    const ops = fs.changes().map((c) => `${c.op} ${c.path.slice(tpg.path.length + 1)}`);
    expect(ops[0]).toBe('write enable');
    expect(ops.at(-1)).toBe('rmdir ');
    expect(ops.indexOf('rmdir acls/iqn.1994-05.com.example:i')).toBeLessThan(ops.indexOf('rmdir lun/lun_0'));
    expect(sim.exists(tpg.path)).toBe(false);
  });
});
