import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/shell/completion/complete.js';
import { CLIENT, CLIENT2, fabricShell, IQN, ls, row } from './fabric-shell.js';

const TPG1 = `/iscsi/${IQN}/tpg1`;
const ACLS = `${TPG1}/acls`;

function withLuns() {
  const s = fabricShell();
  s.run(`/iscsi create ${IQN}`, '/backstores/fileio create disk1 /srv/existing.img', '/backstores/ramdisk create r1 1M');
  s.run(`${TPG1}/luns create /backstores/fileio/disk1`, `${TPG1}/luns create /backstores/ramdisk/r1 3`);
  return s;
}

const mappedLuns = (s: ReturnType<typeof fabricShell>, wwn: string) => s.sim.list(`iscsi/${IQN}/tpgt_1/acls/${wwn}`).filter((n) => n.startsWith('lun_'));

describe('acls node', () => {
  it('creates an ACL that sees every LUN under its own number', () => {
    const s = withLuns();
    expect(s.run(`${ACLS} create ${CLIENT}`)).toEqual([`Created Node ACL for ${CLIENT}`, 'Created mapped LUN 0.', 'Created mapped LUN 3.']);
    expect(s.prefs.bookmarks().last).toBe(`${ACLS}/${CLIENT}`);
    expect(ls(s, ACLS)).toEqual([
      row('o- ', 'acls', 'ACLs: 1'),
      row('  o- ', CLIENT, 'Mapped LUNs: 2'),
      row('    o- ', 'mapped_lun0', 'lun0 fileio/disk1 (rw)'),
      row('    o- ', 'mapped_lun3', 'lun3 ramdisk/r1 (rw)'),
    ]);
  });

  it('creates an empty ACL with add_mapped_luns=false, normalising the WWN', () => {
    const s = withLuns();
    expect(s.run(`${ACLS} create IQN.1994-05.com.redhat:Client1 false`)).toEqual([`Created Node ACL for ${CLIENT}`]);
    expect(mappedLuns(s, CLIENT)).toEqual([]);
    expect(s.fail(`${ACLS} create naa.123`).message).toMatch(/^WWN not valid as: iqn, naa, eui/);
  });

  it('deletes an ACL with its mapped LUNs, echoing the WWN as typed', () => {
    const s = withLuns();
    s.run(`${ACLS} create ${CLIENT}`);
    expect(s.run(`${ACLS} delete ${CLIENT}`)).toEqual([`Deleted Node ACL ${CLIENT}.`]);
    expect(s.sim.list(`iscsi/${IQN}/tpgt_1/acls`)).toEqual([]);
    expect(complete(s.session, `${ACLS} delete `).candidates).toEqual(['wwn=']);
  });

  it('shows ACLs sharing a tag as one node, writes settings to all, and untags them', () => {
    const s = withLuns();
    s.run(`${ACLS} create ${CLIENT}`, `${ACLS} create ${CLIENT2} false`);
    expect(s.run(`${ACLS} tag ${CLIENT} web`, `${ACLS} tag ${CLIENT2} web`)).toEqual([]);
    // client2 joined the tag and took its mapped LUNs.
    expect(mappedLuns(s, CLIENT2)).toEqual(['lun_0', 'lun_3']);
    expect(ls(s, ACLS, 1)).toEqual([row('o- ', 'acls', 'ACLs: 1'), row('  o- ', 'web', '(group of 2), Mapped LUNs: 2')]);
    s.run(`${ACLS}/web set attribute nopin_timeout=20`, `${ACLS}/web set auth userid=web password=websecret1234`);
    for (const wwn of [CLIENT, CLIENT2]) {
      expect(s.sim.read(`iscsi/${IQN}/tpgt_1/acls/${wwn}/attrib/nopin_timeout`)).toBe('20\n');
      expect(s.sim.read(`iscsi/${IQN}/tpgt_1/acls/${wwn}/auth/userid`)).toBe('web\n');
    }
    expect(s.run(`${ACLS}/web delete mapped_lun3`)).toEqual(['Deleted Mapped LUN 3.']);
    expect(mappedLuns(s, CLIENT2)).toEqual(['lun_0']);
    expect(s.run(`${ACLS}/web info`)).toEqual([`chap_userid: web\ntag: web\nwwns:\n${CLIENT}\n${CLIENT2}`]);
    // --json prints the same object: secrets stay out of it too.
    expect(s.results.at(-1)?.data).toEqual({ fields: { chap_userid: 'web', tag: 'web' }, wwns: [CLIENT, CLIENT2] });
    s.run(`${ACLS} untag web`);
    expect(ls(s, ACLS, 1).slice(1)).toEqual([row('  o- ', CLIENT, 'Mapped LUNs: 1'), row('  o- ', CLIENT2, 'Mapped LUNs: 1')]);
  });

  it('shows a one-member tag with its WWN, and hides the WWN path of a tagged ACL', () => {
    const s = withLuns();
    s.run(`${ACLS} create ${CLIENT}`, `${ACLS} tag ${CLIENT} db`);
    expect(s.run(`${ACLS}/db status`)).toEqual([`Status for ${ACLS}/db: (${CLIENT}), Mapped LUNs: 2`]);
    expect(s.fail(`cd ${ACLS}/${CLIENT}`).message).toBe(`No such path ${ACLS}/${CLIENT}`);
    expect(complete(s.session, `${ACLS} untag `).candidates).toEqual(['db', 'wwn_or_tag=']);
  });

  it("refuses dotted tags and unknown names in targetcli's words", () => {
    const s = withLuns();
    s.run(`${ACLS} create ${CLIENT}`);
    expect(s.fail(`${ACLS} tag ${CLIENT} web.1`).message).toBe("'.' not permitted in tag names.");
    expect(s.fail(`${ACLS} tag nosuch web`).message).toBe('wwn_or_tag nosuch not found.');
    expect(s.fail(`${ACLS} untag nosuch`).message).toBe('wwn_or_tag nosuch not found.');
  });
});

describe('ACL node', () => {
  function withAcl() {
    const s = withLuns();
    s.run(`${ACLS} create ${CLIENT} add_mapped_luns=false`);
    return s;
  }
  const ACL = `${ACLS}/${CLIENT}`;

  it('maps a TPG LUN by N or lunN; write_protect is a real boolean', () => {
    const s = withAcl();
    expect(s.run(`${ACL} create 0 lun0`)).toEqual(['Created Mapped LUN 0.']);
    expect(s.run(`${ACL} create 5 3 write_protect=true`)).toEqual(['Created Mapped LUN 5.']);
    expect(s.run(`${ACL} create 6 lun3 write_protect=1`, `${ACL} create 7 lun3 yes`).filter((l) => !l.startsWith('Warning'))).toEqual([
      'Created Mapped LUN 6.',
      'Created Mapped LUN 7.',
    ]);
    expect(ls(s, ACL).slice(1)).toEqual([
      row('  o- ', 'mapped_lun0', 'lun0 fileio/disk1 (rw)'),
      row('  o- ', 'mapped_lun5', 'lun3 ramdisk/r1 (ro)'),
      row('  o- ', 'mapped_lun6', 'lun3 ramdisk/r1 (ro)'),
      row('  o- ', 'mapped_lun7', 'lun3 ramdisk/r1 (ro)'),
    ]);
    expect(s.fail(`${ACL} create 8 lun3 write_protect=junk`).message).toBe("Parameter write_protect: 'junk' is not a boolean (use true or false)");
    expect(s.sim.exists(`iscsi/${IQN}/tpgt_1/acls/${CLIENT}/lun_8`)).toBe(false);
  });

  it('warns when the TPG LUN is already mapped, as targetcli, and maps it anyway', () => {
    const s = withAcl();
    s.run(`${ACL} create 0 lun0`);
    expect(s.run(`${ACL} create 1 0`)).toEqual(['Warning: TPG LUN 0 already mapped to this NodeACL', 'Created Mapped LUN 1.']);
  });

  it('maps a storage object, reusing its TPG LUN or creating one, or a host file', () => {
    const s = withAcl();
    expect(s.run(`${ACL} create 2 /backstores/ramdisk/r1`)).toEqual(['Created Mapped LUN 2.']);
    s.run('/backstores/ramdisk create r2 1M');
    expect(s.run(`${ACL} create 4 /backstores/ramdisk/r2`)).toEqual(['Created LUN 1.', 'Created Mapped LUN 4.']);
    s.host.addFile('/srv/c.img', 1 << 20);
    expect(s.run(`${ACL} create 9 /srv/c.img`)).toEqual(['Created storage object c.img.', 'Created LUN 2.', 'Created Mapped LUN 9.']);
    expect(s.prefs.bookmarks().last).toBe(`${ACL}/mapped_lun9`);
  });

  it("refuses bad numbers and targets in targetcli's words", () => {
    const s = withAcl();
    expect(s.fail(`${ACL} create x lun0`).message).toBe('mapped_lun must be an integer');
    expect(s.fail(`${ACL} create 1 /nosuch/thing`).message).toBe('LUN, storage object, or path not valid');
    expect(s.fail(`${ACL} create 1 lun9`).message).toMatch(/^No LUN 9 in TPG/);
  });

  it('summarises per-ACL CHAP when the TPG requires it', () => {
    const s = withAcl();
    s.run(`${TPG1} set attribute authentication=1`);
    expect(s.session.resolve(ACL).summary()).toEqual({ text: '1-way auth, Mapped LUNs: 0', healthy: false });
    s.run(`${ACL} set auth userid=client1 password=client1secret`);
    expect(s.session.resolve(ACL).summary()).toEqual({ text: '1-way auth, Mapped LUNs: 0', healthy: true });
    s.run(`${ACL} set auth mutual_userid=tgt mutual_password=targetsecret1`);
    expect(s.session.resolve(ACL).summary()).toEqual({ text: 'mutual auth, Mapped LUNs: 0', healthy: true });
    s.run(`${TPG1} set attribute generate_node_acls=1`);
    expect(s.session.resolve(ACL).summary()).toEqual({ text: 'auth via tpg, Mapped LUNs: 0', healthy: null });
  });

  it('has attribute, read-only parameter and auth groups', () => {
    const s = withAcl();
    expect(s.run(`${ACL} get`)).toEqual(['AVAILABLE CONFIGURATION GROUPS\n==============================\nattribute parameter auth global']);
    expect(s.run(`${ACL} get parameter MaxConnections`)).toEqual(['MaxConnections=No Active iSCSI Session [ro]']);
    expect(s.fail(`${ACL} set parameter MaxConnections=2`).message).toBe('Parameter MaxConnections is read-only.');
  });

  it('completes LUNs and backstores for create, mapped LUNs for delete', () => {
    const s = withAcl();
    s.run(`${ACL} create 0 lun0`);
    expect(complete(s.session, `${ACL} create 1 `).candidates).toEqual(['/backstores/fileio/disk1', '/backstores/ramdisk/r1', 'lun0', 'lun3', 'tpg_lun_or_backstore=', 'write_protect=']);
    expect(complete(s.session, `${ACL} delete `).candidates).toEqual(['0', 'mapped_lun=']);
    expect(s.run(`${ACL}/mapped_lun0 info`)[0]).toMatch(/^alias: [0-9a-f]{10}\nindex: 0\ntpg_lun: 0\nwrite_protect: false$/);
  });
});
