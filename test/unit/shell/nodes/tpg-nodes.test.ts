import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/shell/completion/complete.js';
import { CLIENT, fabricShell, IQN, ls, row } from './fabric-shell.js';

const T = `/iscsi/${IQN}`;
const TPG1 = `${T}/tpg1`;

function withTarget() {
  const s = fabricShell();
  s.run(`/iscsi create ${IQN}`);
  return s;
}

describe('multi-TPG target node', () => {
  it('creates TPGs by N or tpgN, lowest free tag by default; the default portal cannot be shared', () => {
    const s = withTarget();
    expect(s.run(`${T} create tpg5`)).toEqual(['Created TPG 5.', 'Default portal not created, TPGs within a target cannot share ip:port.']);
    expect(s.run(`${T} create`)).toEqual(['Created TPG 2.', 'Default portal not created, TPGs within a target cannot share ip:port.']);
    expect(s.prefs.bookmarks().last).toBe(`${T}/tpg2`);
    expect(ls(s, T, 1)).toEqual([row('o- ', IQN, 'TPGs: 3'), row('  o- ', 'tpg1', 'no-gen-acls, no-auth'), row('  o- ', 'tpg2', 'no-gen-acls, no-auth'), row('  o- ', 'tpg5', 'no-gen-acls, no-auth')]);
  });

  it('refuses a tag that is not a number, as targetcli', () => {
    const s = withTarget();
    expect(s.fail(`${T} create two`).message).toBe('Tag argument must be a number.');
    expect(s.fail(`${T} delete tpgx`).message).toBe('Tag argument must be a number.');
  });

  it('deletes a TPG by N or tpgN with targetcli\'s words', () => {
    const s = withTarget();
    s.run(`${T} create 2`);
    expect(s.run(`${T} delete tpg2`)).toEqual(['Deleted TPGT 2.']);
    expect(s.run(`${T} delete 1`)).toEqual(['Deleted TPGT 1.']);
    expect(s.sim.list(`iscsi/${IQN}`).filter((n) => n.startsWith('tpgt_'))).toEqual([]);
    expect(s.run(`${T} status`)).toEqual([`Status for ${T}: TPGs: 0`]);
  });

  it('completes existing tags for delete and shows info', () => {
    const s = withTarget();
    expect(complete(s.session, `${T} delete `).candidates).toEqual(['1', 'tag=']);
    expect(s.run(`${T} info`)).toEqual([`fabric: iscsi\nwwn: ${IQN}`]);
  });
});

describe('TPG node', () => {
  it('enables and disables with targetcli\'s messages', () => {
    const s = withTarget();
    expect(s.run(`${TPG1} enable`)).toEqual(['The TPGT is already enabled.']);
    expect(s.run(`${TPG1} disable`)).toEqual(['The TPGT has been disabled.']);
    expect(s.sim.read(`iscsi/${IQN}/tpgt_1/enable`)).toBe('0\n');
    expect(s.run(`${TPG1} disable`)).toEqual(['The TPGT is already disabled.']);
    expect(s.run(`${TPG1} enable`)).toEqual(['The TPGT has been enabled.']);
  });

  it('says that loopback TPGs cannot be disabled instead of pretending', () => {
    const s = fabricShell();
    s.run('/loopback create naa.5001405000000001');
    expect(s.run('/loopback/naa.5001405000000001 enable')).toEqual(['The TPGT is already enabled.']);
    expect(s.fail('/loopback/naa.5001405000000001 disable').message).toBe('The loopback fabric has no enable switch: its TPGs are always enabled');
  });

  it('summarises demo mode and CHAP as targetcli does', () => {
    const s = withTarget();
    const summary = () => s.session.resolve(TPG1).summary();
    expect(summary()).toEqual({ text: 'no-gen-acls, no-auth', healthy: null });
    s.run(`${TPG1} set attribute generate_node_acls=1`);
    expect(summary()).toEqual({ text: 'gen-acls, no-auth', healthy: true });
    s.run(`${TPG1} set attribute authentication=1`);
    expect(summary()).toEqual({ text: 'gen-acls, tpg-auth, 1-way auth', healthy: false });
    s.run(`${TPG1} set auth userid=tpguser password=tpgsecret123`);
    expect(summary()).toEqual({ text: 'gen-acls, tpg-auth, 1-way auth', healthy: true });
    s.run(`${TPG1} set auth mutual_userid=tgt mutual_password=tgtsecret123`);
    expect(summary()).toEqual({ text: 'gen-acls, tpg-auth, mutual auth', healthy: true });
    s.run(`${TPG1} set attribute generate_node_acls=0`);
    expect(summary()).toEqual({ text: 'no-gen-acls, auth per-acl', healthy: null });
  });

  it('has attribute, parameter and auth groups on iSCSI, with types and descriptions', () => {
    const s = withTarget();
    expect(s.run(`${TPG1} get`)).toEqual(['AVAILABLE CONFIGURATION GROUPS\n==============================\nattribute parameter auth global']);
    expect(s.run(`${TPG1} get parameter InitialR2T MaxConnections`)).toEqual(['InitialR2T=Yes\nMaxConnections=1']);
    expect(s.run(`${TPG1} set parameter InitialR2T=No`)).toEqual(["Parameter InitialR2T is now 'No'."]);
    expect(s.fail(`${TPG1} set parameter InitialR2T=maybe`).message).toBe("Invalid value 'maybe' for parameter InitialR2T: expected one of Yes|No.");
    const listing = s.run(`${TPG1} set attribute`)[0] ?? '';
    expect(listing).toContain('generate_node_acls=NUMBER\n-------------------------\nDemo mode: initiators without an ACL may log in and see every LUN (1).');
    expect(s.run(`${TPG1} get auth userid`)).toEqual(['userid=']);
  });

  it('has only the groups the fabric has: loopback TPGs have attributes, no parameters or auth', () => {
    const s = fabricShell();
    s.run('/loopback create naa.5001405000000001');
    expect(s.run('/loopback/naa.5001405000000001 get')).toEqual(['AVAILABLE CONFIGURATION GROUPS\n==============================\nattribute global']);
  });

  it('shows the TPG info without secrets', () => {
    const s = withTarget();
    s.run(`${TPG1} set auth userid=tpguser password=tpgsecret123`);
    expect(s.run(`${TPG1} info`)).toEqual(['chap_userid: tpguser\nenable: true\ntag: 1']);
  });

  it('has acls, luns and portals on iSCSI; acls and luns on vhost', () => {
    const s = withTarget();
    s.run('/vhost create naa.5001405000000002');
    expect(s.session.resolve(TPG1).children().map((c) => c.name)).toEqual(['acls', 'luns', 'portals']);
    expect(s.session.resolve('/vhost/naa.5001405000000002/tpg1').children().map((c) => c.name)).toEqual(['acls', 'luns']);
  });

  it('reads only its own target for a one-shot ls of one TPG', () => {
    const s = withTarget();
    const other = '/iscsi/iqn.2003-01.org.example:other';
    s.run('/backstores/ramdisk create r1 1M', '/backstores/ramdisk create r2 1M', `${TPG1}/acls create ${CLIENT}`, `${TPG1}/luns create /backstores/ramdisk/r1`);
    s.run(`/iscsi create ${other.slice(7)}`, `${other}/tpg1/acls create ${CLIENT}`, `${other}/tpg1/luns create /backstores/ramdisk/r2`);
    s.fs.reset();
    s.run(`ls ${TPG1}`);
    const touched = s.fs.calls.map((c) => c.path);
    expect(touched.some((p) => p.includes('org.example:other') || p.includes('/r2'))).toBe(false);
    expect(touched.filter((p) => p === 'iscsi')).toEqual([]);
  });
});
