import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/shell/completion/complete.js';
import { testHost } from '../../model/helpers.js';
import { CLIENT, fabricShell, IQN, ls, row } from './fabric-shell.js';

describe('fabric nodes', () => {
  it('lists the software fabrics at / in name order, each with its target count', () => {
    const s = fabricShell();
    expect(ls(s, '/', 1).slice(2)).toEqual([
      row('  o- ', 'iscsi', 'Targets: 0'),
      row('  o- ', 'loopback', 'Targets: 0'),
      row('  o- ', 'vhost', 'Targets: 0'),
      row('  o- ', 'xen-pvscsi', 'Targets: 0'),
    ]);
  });

  it('does not load the iSCSI module to draw its summary', () => {
    const s = fabricShell();
    s.run('ls /');
    expect(s.sim.exists('iscsi')).toBe(false);
  });

  it('creates an iSCSI target with TPG 1, authentication off and the default portal, logging as targetcli', () => {
    const s = fabricShell();
    expect(s.run(`/iscsi create ${IQN}`)).toEqual([
      `Created target ${IQN}.`,
      'Created TPG 1.',
      'Global pref auto_add_default_portal=true',
      'Created default portal listening on all IPs (::0), port 3260.',
    ]);
    const tpg = `iscsi/${IQN}/tpgt_1`;
    expect(s.sim.read(`${tpg}/enable`)).toBe('1\n');
    expect(s.sim.read(`${tpg}/attrib/authentication`)).toBe('0\n');
    expect(s.sim.exists(`${tpg}/np/[::0]:3260`)).toBe(true);
    expect(s.prefs.bookmarks().last).toBe(`/iscsi/${IQN}/tpg1`);
    expect(ls(s, '/iscsi')).toEqual([
      row('o- ', 'iscsi', 'Targets: 1'),
      row('  o- ', IQN, 'TPGs: 1'),
      row('    o- ', 'tpg1', 'no-gen-acls, no-auth'),
      row('      o- ', 'acls', 'ACLs: 0'),
      row('      o- ', 'luns', 'LUNs: 0'),
      row('      o- ', 'portals', 'Portals: 1'),
      row('        o- ', '[::0]:3260', 'OK'),
    ]);
  });

  it('follows auto_enable_tpgt and auto_add_default_portal', () => {
    const s = fabricShell();
    s.run('set global auto_enable_tpgt=false auto_add_default_portal=false');
    expect(s.run(`/iscsi create ${IQN}`)).toEqual([`Created target ${IQN}.`, 'Created TPG 1.']);
    expect(s.sim.read(`iscsi/${IQN}/tpgt_1/enable`)).toBe('0\n');
    expect(s.sim.list(`iscsi/${IQN}/tpgt_1/np`)).toEqual([]);
    expect(s.run(`/iscsi/${IQN}/tpg1 status`)).toEqual([`Status for /iscsi/${IQN}/tpg1: disabled`]);
    expect(s.session.resolve(`/iscsi/${IQN}/tpg1`).summary()).toEqual({ text: 'disabled', healthy: false });
  });

  it('generates a WWN when none is given, and moves there with auto_cd_after_create', () => {
    const s = fabricShell();
    s.run('set global auto_cd_after_create=true');
    const [line] = s.run('/iscsi create');
    const wwn = /^Created target (iqn\.2003-01\.org\.linux-iscsi\.[^ ]+:sn\.[0-9a-f]{12})\.$/.exec(line ?? '')?.[1];
    expect(wwn).toBeDefined();
    expect(s.session.cwd).toBe(`/iscsi/${wwn}/tpg1`);
  });

  it('makes single-TPG targets on loopback: TPG 1 with a nexus, shown as the target itself', () => {
    const s = fabricShell();
    expect(s.run('/loopback create naa.5001405000000001')).toEqual(['Created target naa.5001405000000001.']);
    expect(s.prefs.bookmarks().last).toBe('/loopback/naa.5001405000000001');
    const nexus = s.sim.read('loopback/naa.5001405000000001/tpgt_1/nexus').trim();
    expect(ls(s, '/loopback')).toEqual([row('o- ', 'loopback', 'Targets: 1'), row('  o- ', 'naa.5001405000000001', nexus), row('    o- ', 'luns', 'LUNs: 0')]);
  });

  it('rewrites legacy naa.6 WWNs and deletes by any spelling, echoing what was typed', () => {
    const s = fabricShell();
    expect(s.run('/loopback create naa.6001405000000001')).toEqual(['Created target naa.5001405000000001.']);
    expect(s.run('/loopback delete NAA.5001405000000001')).toEqual(['Deleted Target NAA.5001405000000001.']);
    expect(s.sim.list('loopback').filter((n) => n.startsWith('naa'))).toEqual([]);
  });

  it('deletes a target with everything in it', () => {
    const s = fabricShell();
    s.run('/backstores/fileio create disk1 /srv/existing.img', `/iscsi create ${IQN}`, `/iscsi/${IQN}/tpg1/luns create /backstores/fileio/disk1`, `/iscsi/${IQN}/tpg1/acls create ${CLIENT}`);
    expect(s.run(`/iscsi delete ${IQN}`)).toEqual([`Deleted Target ${IQN}.`]);
    expect(s.sim.exists(`iscsi/${IQN}`)).toBe(false);
    expect(ls(s, '/backstores/fileio', 1)[1]).toContain('deactivated');
  });

  it('lists a directory another tool made under a non-WWN name as INVALID WWN, and deletes it by that name', () => {
    const s = fabricShell();
    s.run(`/iscsi create ${IQN}`);
    s.sim.mkdir('iscsi/foo_bar');
    expect(ls(s, '/iscsi', 1)).toEqual([row('o- ', 'iscsi', 'Targets: 2'), row('  o- ', 'foo_bar', 'INVALID WWN'), row('  o- ', IQN, 'TPGs: 1')]);
    expect(s.session.resolve('/iscsi/foo_bar').summary()).toEqual({ text: 'INVALID WWN', healthy: false });
    expect(s.run('/iscsi delete foo_bar')).toEqual(['Deleted Target foo_bar.']);
    expect(s.sim.exists('iscsi/foo_bar')).toBe(false);
  });

  it('refuses a bad WWN with the types it tried', () => {
    const s = fabricShell();
    expect(s.fail('/iscsi create foo').message).toMatch(/^WWN not valid as: iqn, naa, eui/);
    expect(s.fail('/iscsi delete iqn.2003-01.org.example:nosuch').message).toMatch(/^No iscsi target/);
  });

  it('shows fabric info and version', () => {
    const s = fabricShell();
    expect(s.run('/iscsi info')).toEqual([
      [
        'Fabric module name: iscsi',
        'ConfigFS path: /sys/kernel/config/target/iscsi',
        'Allowed WWN types: iqn, naa, eui',
        'Fabric module features: discovery_auth, acls, auth, nps, tpgts, cpus_allowed_list',
        'Corresponding kernel module: iscsi_target_mod',
      ].join('\n'),
    ]);
    expect(s.run('/iscsi version')).toEqual(['Target fabric module iscsi: (not loaded)']);
    s.run(`/iscsi create ${IQN}`);
    expect(s.run('/iscsi version')).toEqual(['Target fabric module iscsi: Datera Inc. iSCSI Target v4.1.0']);
  });

  it('sets discovery authentication, accepts the kernel spellings with a note, and shows it in the summary', () => {
    const s = fabricShell();
    expect(s.run('/iscsi set discovery_auth userid=disc password=discsecret12 enable=1')).toEqual([
      'Parameter userid is now \'disc\'.',
      'Parameter password is now set.',
      "Parameter enable is now '1'.",
    ]);
    expect(s.run('/iscsi status')).toEqual(['Status for /iscsi: 1-way disc auth, Targets: 0']);
    expect(s.run('/iscsi set discovery_auth userid_mutual=tgt password_mutual=tgtsecret1234')).toEqual([
      "Warning: 'userid_mutual' is the old spelling of 'mutual_userid' in group 'discovery_auth'; accepted.",
      "Warning: 'password_mutual' is the old spelling of 'mutual_password' in group 'discovery_auth'; accepted.",
      "Parameter mutual_userid is now 'tgt'.",
      'Parameter mutual_password is now set.',
    ]);
    expect(s.sim.read('iscsi/discovery_auth/userid_mutual')).toBe('tgt\n');
    expect(s.run('/iscsi status')).toEqual(['Status for /iscsi: mutual disc auth, Targets: 0']);
    expect(s.run('/iscsi get discovery_auth enable userid')).toEqual(['enable=1\nuserid=disc']);
    s.run('/iscsi set discovery_auth password=');
    const summary = s.session.resolve('/iscsi').summary();
    expect(summary).toEqual({ text: 'mutual disc auth, Targets: 0', healthy: false });
  });

  it('refuses enable values other than 0 and 1', () => {
    const s = fabricShell();
    expect(s.fail('/iscsi set discovery_auth enable=2').message).toBe("Invalid value '2' for parameter enable: the maximum is 1.");
  });

  it('shows hardware fabrics only when ports exist, and warns about WWNs without hardware', () => {
    const host = testHost().setSys('/sys/class/fc_host/host3/port_name', '0x21000024ff67440c').setSys('/sys/class/fc_host/host3/symbolic_name', 'QLogic QLE2562');
    const s = fabricShell(host);
    expect(s.session.resolve('/').children().map((c) => c.name)).toEqual(['backstores', 'iscsi', 'loopback', 'qla2xxx', 'vhost', 'xen-pvscsi']);
    expect(s.fail('/srpt ls').message).toBe('No such path /srpt');
    expect(complete(s.session, '/qla2xxx create ').candidates).toContain('naa.21000024ff67440c');
    expect(s.run('/qla2xxx info')[0]).toContain('Allowed WWNs list: naa.21000024ff67440c');
    expect(s.fail('/qla2xxx create').message).toMatch(/cannot generate a WWN/);
    // The simulator has no qla2xxx module: the warning comes first, then the refusal.
    const error = s.fail('/qla2xxx create 21:00:00:24:ff:00:00:01');
    expect(s.out.at(-1)).toBe('Warning: Hardware missing for this WWN');
    expect(error.message).toBe('Cannot load the qla2xxx fabric: kernel module tcm_qla2xxx is not available');
  });

  it('completes existing target WWNs for delete', () => {
    const s = fabricShell();
    s.run(`/iscsi create ${IQN}`);
    expect(complete(s.session, '/iscsi delete ').candidates).toEqual([IQN, 'wwn=']);
  });
});
