import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/shell/completion/complete.js';
import { CLIENT, CLIENT2, fabricShell, IQN, ls, row } from './fabric-shell.js';

const TPG1 = `/iscsi/${IQN}/tpg1`;
const LUNS = `${TPG1}/luns`;

function withTpg() {
  const s = fabricShell();
  s.run(`/iscsi create ${IQN}`, '/backstores/fileio create disk1 /srv/existing.img', '/backstores/ramdisk create r1 1M');
  return s;
}

describe('luns node', () => {
  it('exports a storage object by its path, lowest free LUN first', () => {
    const s = withTpg();
    expect(s.run(`${LUNS} create /backstores/fileio/disk1`)).toEqual(['Created LUN 0.']);
    expect(s.run(`${LUNS} create /backstores/ramdisk/r1 lun7`)).toEqual(['Created LUN 7.']);
    expect(s.prefs.bookmarks().last).toBe(`${LUNS}/lun7`);
    expect(ls(s, LUNS)).toEqual([
      row('o- ', 'luns', 'LUNs: 2'),
      row('  o- ', 'lun0', 'fileio/disk1 (/srv/existing.img) (default_tg_pt_gp)'),
      row('  o- ', 'lun7', 'ramdisk/r1 (default_tg_pt_gp)'),
    ]);
  });

  it('accepts a path relative to the current node', () => {
    const s = withTpg();
    s.run(`cd ${LUNS}`);
    expect(s.run('create ../../../../backstores/fileio/disk1 3')).toEqual(['Created LUN 3.']);
  });

  it('creates a fileio or block storage object first for a host file or block device', () => {
    const s = withTpg();
    s.host.addFile('/srv/vm.img', 4 << 20);
    expect(s.run(`${LUNS} create /srv/vm.img`)).toEqual(['Created storage object vm.img.', 'Created LUN 0.']);
    expect(s.run(`${LUNS} create /dev/sdb`)).toEqual(['Created storage object sdb.', 'Created LUN 1.']);
    expect(ls(s, LUNS).slice(1)).toEqual([row('  o- ', 'lun0', 'fileio/vm.img (/srv/vm.img) (default_tg_pt_gp)'), row('  o- ', 'lun1', 'block/sdb (/dev/sdb) (default_tg_pt_gp)')]);
    expect(ls(s, '/backstores/fileio', 1)[2]).toBe(row('  o- ', 'vm.img', '/srv/vm.img (4.0MiB) write-thru activated'));
  });

  it("refuses what is neither, and a second export of one object, in targetcli's words", () => {
    const s = withTpg();
    expect(s.fail(`${LUNS} create /backstores/fileio/nosuch`).message).toBe('storage object or path not valid');
    expect(s.fail(`${LUNS} create /iscsi`).message).toBe('storage object or path not valid');
    expect(s.fail(`${LUNS} create /srv`).message).toBe('storage object or path not valid');
    s.run(`${LUNS} create /backstores/fileio/disk1`);
    expect(s.fail(`${LUNS} create /backstores/fileio/disk1`).message).toBe('lun for storage object fileio/disk1 already exists');
    expect(s.fail(`${LUNS} create /backstores/ramdisk/r1 lun0`).message).toMatch(/^Cannot create LUN 0 in TPG .* it already exists/);
    expect(s.fail(`${LUNS} create /backstores/ramdisk/r1 70000`).message).toMatch(/^LUN 70000 is out of range/);
  });

  it('maps a new LUN into every ACL: under the number asked for, else 0, else the lowest free', () => {
    const s = withTpg();
    s.run(`${TPG1}/acls create ${CLIENT}`, `${TPG1}/acls create ${CLIENT2}`);
    // client2 sees LUN 0 twice, as its LUNs 0 and 1; client1 sees nothing yet.
    s.run(`${TPG1}/acls/${CLIENT2} create 0 /backstores/ramdisk/r1`, `${TPG1}/acls/${CLIENT2} create 1 lun0`);
    expect(s.run(`${LUNS} create /backstores/fileio/disk1 5`)).toEqual([
      'Created LUN 5.',
      `Created LUN 5->5 mapping in node ACL ${CLIENT}`,
      `Created LUN 5->5 mapping in node ACL ${CLIENT2}`,
    ]);
    s.host.addFile('/srv/b.img', 1 << 20);
    expect(s.run(`${LUNS} create /srv/b.img`)).toEqual([
      'Created storage object b.img.',
      'Created LUN 1.',
      `Created LUN 1->0 mapping in node ACL ${CLIENT}`,
      `Created LUN 1->2 mapping in node ACL ${CLIENT2}`,
    ]);
  });

  it('leaves ACLs alone with add_mapped_luns=false or auto_add_mapped_luns=false', () => {
    const s = withTpg();
    s.run(`${TPG1}/acls create ${CLIENT}`);
    expect(s.run(`${LUNS} create /backstores/fileio/disk1 add_mapped_luns=false`)).toEqual(['Created LUN 0.']);
    s.run('set global auto_add_mapped_luns=false');
    expect(s.run(`${LUNS} create /backstores/ramdisk/r1`)).toEqual(['Created LUN 1.']);
    expect(s.sim.list(`iscsi/${IQN}/tpgt_1/acls/${CLIENT}`).filter((n) => n.startsWith('lun_'))).toEqual([]);
  });

  it('deletes a LUN by N or lunN with the mapped LUNs pointing at it', () => {
    const s = withTpg();
    s.run(`${TPG1}/acls create ${CLIENT}`, `${LUNS} create /backstores/fileio/disk1`, `${LUNS} create /backstores/ramdisk/r1`);
    expect(s.run(`${LUNS} delete lun0`)).toEqual(['Deleted LUN 0.']);
    expect(s.run(`${LUNS} delete 1`)).toEqual(['Deleted LUN 1.']);
    expect(s.sim.list(`iscsi/${IQN}/tpgt_1/acls/${CLIENT}`).filter((n) => n.startsWith('lun_'))).toEqual([]);
    expect(s.fail(`${LUNS} delete 4`).message).toBe('Invalid LUN');
  });

  it('completes backstore paths for create and LUN numbers for delete', () => {
    const s = withTpg();
    s.run(`${LUNS} create /backstores/fileio/disk1`);
    expect(complete(s.session, `${LUNS} create /back`).candidates).toEqual(['/backstores/fileio/disk1', '/backstores/ramdisk/r1']);
    expect(complete(s.session, `${LUNS} delete `).candidates).toEqual(['0', 'lun=']);
  });
});

describe('LUN node', () => {
  it('moves between ALUA groups with set alua, and shows info', () => {
    const s = withTpg();
    s.run(`${LUNS} create /backstores/fileio/disk1`, '/backstores/fileio/disk1/alua create west 2');
    expect(s.run(`${LUNS}/lun0 get alua`)).toEqual(['ALUA CONFIG GROUP\n=================\nalua_tg_pt_gp_name=default_tg_pt_gp']);
    expect(s.run(`${LUNS}/lun0 set alua alua_tg_pt_gp_name=west`)).toEqual(["Parameter alua_tg_pt_gp_name is now 'west'."]);
    expect(s.run(`${LUNS}/lun0 status`)).toEqual([`Status for ${LUNS}/lun0: fileio/disk1 (/srv/existing.img) (west)`]);
    const [info] = s.run(`${LUNS}/lun0 info`);
    expect(info).toMatch(/^alias: [0-9a-f]{10}\nalua_tg_pt_gp_name: west\nindex: 0\nstorage_object: \/backstores\/fileio\/disk1$/);
  });

  it('shows a LUN without a storage link as broken', () => {
    const s = withTpg();
    s.sim.mkdir(`iscsi/${IQN}/tpgt_1/lun/lun_9`);
    expect(s.session.resolve(`${LUNS}/lun9`).summary()).toEqual({ text: 'BROKEN STORAGE LINK', healthy: false });
  });
});
