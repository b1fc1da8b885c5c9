import { describe, expect, it } from 'vitest';
import { describeOperation, redactOperation } from '../../../src/config/plan/describe.js';
import { planConfig, planRestore } from '../../../src/config/plan/plan-config.js';
import { at, sample, smallDoc } from './config-samples.js';
import { EMPTY, doc, lines, planAndRun } from './plan-helpers.js';

const TPG = 'iscsi/iqn.2003-01.org.example:t1/tpg1';

function small(change: (d: Record<string, unknown>) => void = () => undefined): ReturnType<typeof doc> {
  const d = smallDoc();
  change(d);
  return doc(d);
}

describe('planConfig', () => {
  it('plans nothing for a document against itself', () => {
    expect(planConfig(doc(sample()), doc(sample()))).toEqual({ operations: [], warnings: [], missing: [] });
    expect(planConfig(small(), small())).toEqual({ operations: [], warnings: [], missing: [] });
  });

  it('restores in the kernel order, enabling the TPG last', () => {
    const { plan } = planAndRun(EMPTY, small());
    expect(lines(plan)).toEqual([
      'create fileio storage object disk1 (/srv/disk1.img, 1.0GiB)',
      'set attributes of fileio/disk1: block_size=512',
      'create iscsi target iqn.2003-01.org.example:t1',
      `create TPG ${TPG}`,
      `set attributes of TPG ${TPG}: authentication=0`,
      `set parameters of TPG ${TPG}: TargetAlias="LIO Target"`,
      `create LUN 0 in ${TPG} for /backstores/fileio/disk1`,
      `create portal [::0]:3260 in ${TPG}`,
      `create ACL iqn.1994-05.com.redhat:client1 in ${TPG}`,
      `map LUN 0 as mapped LUN 0 (read-write) for ACL iqn.1994-05.com.redhat:client1 in ${TPG}`,
      `change CHAP credentials of ACL iqn.1994-05.com.redhat:client1 in ${TPG} (set userid, password)`,
      `enable TPG ${TPG}`,
    ]);
    expect(planRestore(small())).toEqual(plan);
  });

  it('keeps saved aliases so a restore needs no random names', () => {
    const ops = planRestore(small()).operations;
    expect(ops.find((o) => o.kind === 'create-lun')).toMatchObject({ alias: 'aaaaaaaaaa' });
    expect(ops.find((o) => o.kind === 'create-mapped-lun')).toMatchObject({ alias: 'bbbbbbbbbb' });
  });

  it('creates a storage object from its plugin keys alone; attributes follow as their own step', () => {
    const [create] = planRestore(small()).operations;
    expect(create).toEqual({
      kind: 'create-storage-object',
      config: { name: 'disk1', plugin: 'fileio', dev: '/srv/disk1.img', size: 1073741824, write_back: false, wwn: '11111111-2222-4333-8444-555555555555', alua_tpgs: [] },
    });
  });

  it('restores the whole targetcli-fb sample with every step allowed by the kernel rules', () => {
    const { plan } = planAndRun(EMPTY, doc(sample()));
    const kinds = plan.operations.map((o) => o.kind);
    expect(kinds.lastIndexOf('set-storage-attributes')).toBeLessThan(kinds.indexOf('create-lun'));
    expect(kinds.at(-1)).toBe('set-tpg-enable');
  });

  it('removes everything from the leaves up, storage objects last', () => {
    const { plan } = planAndRun(small(), EMPTY);
    expect(lines(plan)).toEqual([
      `delete mapped LUN 0 of ACL iqn.1994-05.com.redhat:client1 in ${TPG}`,
      `delete LUN 0 in ${TPG}`,
      `delete ACL iqn.1994-05.com.redhat:client1 in ${TPG}`,
      `delete portal [::0]:3260 in ${TPG}`,
      `delete TPG ${TPG}`,
      'delete iscsi target iqn.2003-01.org.example:t1',
      'delete fileio storage object disk1',
    ]);
  });

  it('adds a LUN without touching the LUN that already matches', () => {
    const desired = small((d) => {
      (d['storage_objects'] as unknown[]).push({ name: 'rd', plugin: 'ramdisk', size: 1048576 });
      (at(d, 'targets', 0, 'tpgs', 0)['luns'] as unknown[]).push({ index: 1, storage_object: '/backstores/ramdisk/rd' });
    });
    expect(lines(planAndRun(small(), desired).plan)).toEqual([
      'create ramdisk storage object rd (1.0MiB)',
      `create LUN 1 in ${TPG} for /backstores/ramdisk/rd`,
    ]);
  });

  it('sets changed attributes in place, block_size before optimal_sectors, ignoring what the kernel derives', () => {
    const current = small((d) => {
      at(d, 'storage_objects', 0)['attributes'] = { block_size: 512, optimal_sectors: 16384, hw_max_sectors: 16384, alua_support: 1, pgr_support: 1 };
      at(d, 'targets', 0, 'tpgs', 0)['luns'] = [];
      at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['mapped_luns'] = [];
    });
    const desired = small((d) => {
      at(d, 'storage_objects', 0)['attributes'] = { optimal_sectors: 2048, block_size: 4096, hw_max_sectors: 2048, alua_support: 0, pgr_support: 0 };
      at(d, 'targets', 0, 'tpgs', 0)['luns'] = [];
      at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['mapped_luns'] = [];
    });
    const { plan } = planAndRun(current, desired);
    expect(plan.operations).toEqual([
      { kind: 'set-storage-attributes', storage: { plugin: 'fileio', name: 'disk1' }, attributes: [['block_size', 4096], ['optimal_sectors', 2048]] },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('warns when a setting the kernel locks while exported changes on an object that stays exported', () => {
    const desired = small((d) => {
      at(d, 'storage_objects', 0)['attributes'] = { block_size: 4096, emulate_tpu: 1 };
    });
    const { plan, locked } = planAndRun(small(), desired);
    expect(lines(plan)).toEqual(['set attributes of fileio/disk1: block_size=4096, emulate_tpu=1']);
    expect(locked).toContain('block_size');
    expect(plan.warnings).toEqual([
      'fileio/disk1 stays exported by 1 LUN(s), and the kernel refuses to change block_size while it is exported; remove its LUNs first or apply in two steps',
    ]);
  });

  it('recreates a storage object whose backing changes, and the LUNs and mapped LUNs that use it', () => {
    const desired = small((d) => {
      at(d, 'storage_objects', 0)['size'] = 2147483648;
    });
    expect(lines(planAndRun(small(), desired).plan)).toEqual([
      `delete mapped LUN 0 of ACL iqn.1994-05.com.redhat:client1 in ${TPG} (to recreate it: LUN 0 is recreated)`,
      `delete LUN 0 in ${TPG} (to recreate it: /backstores/fileio/disk1 is recreated)`,
      'delete fileio storage object disk1 (to recreate it: size changes from 1.0GiB to 2.0GiB)',
      'create fileio storage object disk1 (/srv/disk1.img, 2.0GiB)',
      'set attributes of fileio/disk1: block_size=512',
      `create LUN 0 in ${TPG} for /backstores/fileio/disk1`,
      `map LUN 0 as mapped LUN 0 (read-write) for ACL iqn.1994-05.com.redhat:client1 in ${TPG}`,
    ]);
  });

  it('treats keys a hand-written document leaves out as "keep what is there"', () => {
    const desired = small((d) => {
      const so = at(d, 'storage_objects', 0);
      delete so['wwn'];
      delete so['size'];
      delete so['write_back'];
      delete so['attributes'];
      delete at(d, 'targets', 0, 'tpgs', 0)['attributes'];
      delete at(d, 'targets', 0, 'tpgs', 0, 'luns', 0)['alias'];
      delete at(d, 'targets', 0, 'tpgs', 0, 'luns', 0)['alua_tg_pt_gp_name'];
    });
    expect(planAndRun(small(), desired).plan.operations).toEqual([]);
  });

  it('changes mapped LUNs, portals, tags and enable in place', () => {
    const desired = small((d) => {
      at(d, 'targets', 0, 'tpgs', 0)['enable'] = false;
      at(d, 'targets', 0, 'tpgs', 0, 'portals', 0)['iser'] = true;
      at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['tag'] = 'db';
      at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0, 'mapped_luns', 0)['write_protect'] = true;
    });
    expect(lines(planAndRun(small(), desired).plan)).toEqual([
      `set portal [::0]:3260 (iser=true) in ${TPG}`,
      `tag ACL iqn.1994-05.com.redhat:client1 in ${TPG} as db`,
      `make mapped LUN 0 of ACL iqn.1994-05.com.redhat:client1 in ${TPG} read-only`,
      `disable TPG ${TPG}`,
    ]);
  });

  it('never puts a secret in a description, and masks secrets on request', () => {
    const desired = small((d) => {
      const acl = at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0);
      acl['chap_password'] = 'brandnewsecret99';
      acl['chap_mutual_userid'] = 'target';
      acl['chap_mutual_password'] = 'mutualsecret123';
      delete acl['chap_userid'];
    });
    const { plan } = planAndRun(small(), desired);
    expect(lines(plan)).toEqual([`change CHAP credentials of ACL iqn.1994-05.com.redhat:client1 in ${TPG} (set password, mutual_userid, mutual_password; unset userid)`]);
    const [op] = plan.operations;
    if (op === undefined) throw new Error('no operation');
    expect(JSON.stringify(op)).toContain('brandnewsecret99');
    const masked = JSON.stringify(redactOperation(op));
    expect(masked).not.toContain('brandnewsecret99');
    expect(masked).not.toContain('mutualsecret123');
    expect(masked).toContain('"userid":""');
    expect(describeOperation(op)).not.toMatch(/secret|target\b/);
  });

  it('moves a LUN between ALUA groups, and rebuilds a group whose id changes', () => {
    const withGroups = (id: number, lunGroup: string) =>
      small((d) => {
        at(d, 'storage_objects', 0)['alua_tpgs'] = [
          { name: 'default_tg_pt_gp', tg_pt_gp_id: 0 },
          { name: 'ao', tg_pt_gp_id: id, preferred: 1 },
        ];
        at(d, 'targets', 0, 'tpgs', 0, 'luns', 0)['alua_tg_pt_gp_name'] = lunGroup;
      });
    expect(lines(planAndRun(small(), withGroups(1, 'ao')).plan)).toEqual([
      'create ALUA group ao (id 1) on fileio/disk1',
      `move LUN 0 in ${TPG} to ALUA group ao`,
    ]);
    expect(lines(planAndRun(withGroups(1, 'ao'), withGroups(2, 'ao')).plan)).toEqual([
      'delete ALUA group ao of fileio/disk1 (to recreate it: id changes from 1 to 2)',
      'create ALUA group ao (id 2) on fileio/disk1',
      `move LUN 0 in ${TPG} to ALUA group ao`,
    ]);
    expect(lines(planAndRun(withGroups(1, 'ao'), small()).plan)).toEqual([
      'delete ALUA group ao of fileio/disk1',
      `move LUN 0 in ${TPG} to ALUA group default_tg_pt_gp`,
    ]);
  });

  it("recreates a loopback TPG whose nexus changes, and leaves fabrics without 'enable' alone", () => {
    const loop = (nexus: string | undefined, enable: boolean) =>
      doc({
        storage_objects: [{ name: 'rd', plugin: 'ramdisk', size: 4096 }],
        targets: [{ fabric: 'loopback', wwn: 'naa.5001405a1b2c3d4e', tpgs: [{ tag: 1, enable, luns: [{ index: 0, storage_object: '/backstores/ramdisk/rd' }] }] }],
        ...(nexus === undefined ? {} : { lioctl: { version: 1, tpgs: { 'loopback/naa.5001405a1b2c3d4e/tpgt_1': { nexus } } } }),
      });
    expect(lines(planAndRun(EMPTY, loop('naa.5001405000000001', true)).plan)).toContain(
      'create TPG loopback/naa.5001405a1b2c3d4e/tpg1 with nexus naa.5001405000000001',
    );
    expect(planAndRun(loop('naa.5001405000000001', true), loop(undefined, false)).plan.operations).toEqual([]);
    expect(lines(planAndRun(loop('naa.5001405000000001', true), loop('naa.5001405000000002', true)).plan)).toEqual([
      'delete LUN 0 in loopback/naa.5001405a1b2c3d4e/tpg1',
      'delete TPG loopback/naa.5001405a1b2c3d4e/tpg1 (to recreate it: its nexus changes from naa.5001405000000001 to naa.5001405000000002)',
      'create TPG loopback/naa.5001405a1b2c3d4e/tpg1 with nexus naa.5001405000000002',
      'create LUN 0 in loopback/naa.5001405a1b2c3d4e/tpg1 for /backstores/ramdisk/rd',
    ]);
  });

  it('keeps discovery credentials that are set but not enforced', () => {
    const enforced = small((d) => {
      d['fabric_modules'] = [{ name: 'iscsi', discovery_enable_auth: true, discovery_userid: 'disc', discovery_password: 'discoverysecret1' }];
    });
    const unenforced = small((d) => {
      d['lioctl'] = { version: 1, fabric_modules: { iscsi: { discovery_userid: 'disc', discovery_password: 'discoverysecret1' } } };
    });
    expect(lines(planAndRun(enforced, unenforced).plan)).toEqual(['set iscsi discovery authentication not enforced']);
    expect(lines(planAndRun(small(), unenforced).plan)).toEqual(['set iscsi discovery authentication not enforced (set userid, password)']);
    expect(lines(planAndRun(unenforced, small()).plan)).toEqual(['set iscsi discovery authentication not enforced (unset userid, password)']);
  });

  it('sets storage identity from lioctl\'s section before any LUN', () => {
    const desired = small((d) => {
      d['lioctl'] = { version: 1, storage_objects: { '/backstores/fileio/disk1': { vendor_id: 'ACME', product_id: 'Disk' } } };
    });
    const { plan } = planAndRun(EMPTY, desired);
    expect(lines(plan).slice(0, 3)).toEqual([
      'create fileio storage object disk1 (/srv/disk1.img, 1.0GiB)',
      'set identity of fileio/disk1: vendor_id="ACME", product_id="Disk"',
      'set attributes of fileio/disk1: block_size=512',
    ]);
  });
});
