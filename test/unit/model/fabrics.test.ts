import { describe, expect, it } from 'vitest';
import { EnvironmentError, NotFoundError, ValidationError } from '../../../src/errors/index.js';
import { FABRICS, KernelRefusedError, MemoryHost } from '../../../src/model/index.js';
import { expectError, newLio, testHost } from './helpers.js';

function withFcHba(host: MemoryHost, n: number, vendor: string, port: string): MemoryHost {
  return host.setSys(`/sys/class/fc_host/host${n}/symbolic_name`, vendor).setSys(`/sys/class/fc_host/host${n}/port_name`, port);
}

describe('fabric modules', () => {
  it('lists software fabrics always and hardware fabrics only when their ports exist', () => {
    const { lio } = newLio();
    expect(lio.visibleFabrics().map((f) => f.name)).toEqual(['iscsi', 'loopback', 'vhost', 'xen-pvscsi']);
    const host = withFcHba(testHost(), 5, 'QLogic QLE2562 FW:v8.07', '0x21000024ff67440c');
    host.setSys('/sys/class/infiniband/mlx5_0/ports/1/gids/0', 'fe80:0000:0000:0000:0002:c903:0033:1234');
    const { lio: withHw } = newLio(undefined, host);
    expect(withHw.visibleFabrics().map((f) => f.name)).toEqual(['iscsi', 'loopback', 'vhost', 'xen-pvscsi', 'qla2xxx', 'srpt']);
    expect(withHw.fabric('qla2xxx').hardwareWwns()).toEqual(['naa.21000024ff67440c']);
    expect(withHw.fabric('srpt').hardwareWwns()).toEqual(['ib.fe800000000000000002c90300331234']);
    expect(withHw.fabric('tcm_fc').hardwareWwns()).toEqual([]);
    expect(withHw.fabric('iscsi').hardwareWwns()).toBeUndefined();
  });

  it('tells FC drivers apart by their symbolic name', () => {
    let host = withFcHba(testHost(), 1, 'Emulex LPe32002 FV12.8', '0x10000090fa000001');
    host = withFcHba(host, 2, 'fcoe v0.1 over eth2', '0x2000000000000002');
    const { lio } = newLio(undefined, host);
    expect(lio.fabric('efct').hardwareWwns()).toEqual(['naa.10000090fa000001']);
    expect(lio.fabric('tcm_fc').hardwareWwns()).toEqual(['naa.2000000000000002']);
    expect(lio.fabric('qla2xxx').hardwareWwns()).toEqual([]);
  });

  it('never loads a fabric module just to look at it', () => {
    const { lio, fs } = newLio();
    expect(lio.fabric('iscsi').targets()).toEqual([]);
    expect(lio.fabric('iscsi').isLoaded()).toBe(false);
    expect(lio.fabric('iscsi').discoveryAuth()).toEqual({ enforced: false, authenticateTarget: false });
    expect(fs.changes()).toEqual([]);
  });

  it('takes only WWN directories for targets: fabric files and unknown entries are not targets', () => {
    const { lio, sim } = newLio();
    const iscsi = lio.fabric('iscsi');
    iscsi.createTarget({ wwn: 'iqn.2003-01.org.example:t1' });
    // iscsi/ also holds discovery_auth/, lio_version, cpus_allowed_list: none is a target.
    expect(sim.list('iscsi')).toEqual(['cpus_allowed_list', 'discovery_auth', 'iqn.2003-01.org.example:t1', 'lio_version']);
    expect(iscsi.targets().map((t) => t.wwn)).toEqual(['iqn.2003-01.org.example:t1']);
    // A directory another tool made with a name that is no WWN: not a target, but it can be
    // listed (flagged) and deleted on request.
    sim.mkdir('iscsi/not-a-wwn');
    expect(iscsi.targets().map((t) => t.dirName)).toEqual(['iqn.2003-01.org.example:t1']);
    const targets = iscsi.targets({ includeInvalid: true });
    expect(targets.map((t) => [t.dirName, t.hasValidWwn()])).toEqual([
      ['iqn.2003-01.org.example:t1', true],
      ['not-a-wwn', false],
    ]);
    targets[1]?.delete();
    expect(sim.exists('iscsi/not-a-wwn')).toBe(false);
  });

  it('uses the fabric spelling of WWNs for directories', () => {
    const host = withFcHba(testHost(), 5, 'QLogic', '0x21000024ff67440c');
    const { lio } = newLio(undefined, host);
    // The simulated kernel has no qla2xxx: check the conversions the model applies.
    const qla = lio.fabric('qla2xxx');
    expect(qla.targetDirName('21:00:00:24:FF:67:44:0C')).toBe('21:00:00:24:ff:67:44:0c');
    expect(qla.fromDirName('21:00:00:24:ff:67:44:0c')).toBe('naa.21000024ff67440c');
    expect(lio.fabric('srpt').targetDirName('0xfe800000000000000002c90300331234')).toBe('0xfe800000000000000002c90300331234');
    expect(FABRICS.tcm_fc.dir).toBe('fc');
  });

  it('refuses to invent a WWN for hardware fabrics and reports a missing module clearly', () => {
    const host = withFcHba(testHost(), 5, 'QLogic', '0x21000024ff67440c');
    const { lio } = newLio(undefined, host);
    const err = expectError(() => lio.fabric('qla2xxx').createTarget(), ValidationError, 'wwn-required');
    expect(err.hint).toBe('ports: naa.21000024ff67440c');
    const missing = expectError(() => lio.fabric('qla2xxx').createTarget({ wwn: 'naa.21000024ff67440c' }), EnvironmentError, 'fabric-unavailable');
    expect(missing.message).toBe('Cannot load the qla2xxx fabric: kernel module tcm_qla2xxx is not available');
    expect(missing.hint).toBe('modprobe tcm_qla2xxx');
  });

  it('reads and sets the iSCSI CPU list', () => {
    const { lio } = newLio();
    const iscsi = lio.fabric('iscsi');
    expect(iscsi.cpusAllowedList()).toBeUndefined();
    iscsi.setCpusAllowedList('0-1');
    expect(iscsi.cpusAllowedList()).toBe('0-1');
    expectError(() => iscsi.setCpusAllowedList('all'), ValidationError, 'bad-value');
    expect(lio.fabric('loopback').cpusAllowedList()).toBeUndefined();
  });

  it('refuses unknown fabric names', () => {
    const { lio } = newLio();
    expect(expectError(() => lio.fabric('fcoe'), NotFoundError).message).toMatch(/^No fabric 'fcoe'; known: iscsi, loopback/);
  });
});

describe('discovery authentication (iSCSI)', () => {
  it('writes credentials before enforcing and reads them back', () => {
    const { lio, fs } = newLio();
    const iscsi = lio.fabric('iscsi');
    iscsi.setDiscoveryAuth({ userid: 'disc', password: 'discoverysecret', enforce: true });
    const writes = fs.changes().filter((c) => c.op === 'write').map((c) => c.path.slice('iscsi/discovery_auth/'.length));
    expect(writes).toEqual(['userid', 'password', 'enforce_discovery_auth']);
    expect(iscsi.discoveryAuth()).toEqual({ userid: 'disc', password: 'discoverysecret', enforced: true, authenticateTarget: false });
    iscsi.setDiscoveryAuth({ mutualUserid: 'tgt', mutualPassword: 'mutualsecret1' });
    expect(iscsi.discoveryAuth()).toMatchObject({ mutualUserid: 'tgt', authenticateTarget: true });
    iscsi.setDiscoveryAuth({ enforce: false, password: '', mutualUserid: '', mutualPassword: '' });
    expect(iscsi.discoveryAuth()).toEqual({ userid: 'disc', enforced: false, authenticateTarget: false });
  });

  it('never shows a secret in an error, and leaves credentials as they were when refused', () => {
    const { lio, sim } = newLio();
    const iscsi = lio.fabric('iscsi');
    iscsi.setDiscoveryAuth({ userid: 'old', password: 'oldsecret1234' });
    const bad = expectError(() => iscsi.setDiscoveryAuth({ password: 'has newline\nsecret' }), ValidationError, 'bad-chap');
    expect(bad.message).not.toContain('secret');
    sim.injectFailure('write', 'iscsi/discovery_auth/enforce_discovery_auth', 'EINVAL');
    const refused = expectError(() => iscsi.setDiscoveryAuth({ userid: 'new', password: 'newsecret98765', enforce: true }), KernelRefusedError);
    expect(refused.message).not.toContain('newsecret98765');
    expect(iscsi.discoveryAuth()).toMatchObject({ userid: 'old', password: 'oldsecret1234', enforced: false });
    sim.injectFailure('write', 'iscsi/discovery_auth/password', 'EINVAL');
    const refused2 = expectError(() => iscsi.setDiscoveryAuth({ password: 'anothersecret55' }), KernelRefusedError);
    expect(refused2.message).not.toContain('anothersecret55');
    expect(refused2.message).toContain('(secret)');
  });

  it('exists only on iSCSI', () => {
    const { lio } = newLio();
    expectError(() => lio.fabric('loopback').discoveryAuth(), NotFoundError);
  });
});
