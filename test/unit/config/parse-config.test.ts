import { describe, expect, it } from 'vitest';
import { ConfigValidationError, type ConfigIssue } from '../../../src/config/config-error.js';
import { parseConfig, parseConfigText } from '../../../src/config/parse-config.js';
import type { FileioStorageObjectConfig, SaveConfig } from '../../../src/config/schema.js';
import { ValidationError } from '../../../src/errors/index.js';
import { at, sample, smallDoc } from './config-samples.js';

function issuesOf(value: unknown, options: Parameters<typeof parseConfig>[1] = {}): ConfigIssue[] {
  try {
    parseConfig(value, options);
  } catch (err) {
    if (err instanceof ConfigValidationError) return [...err.issues];
    throw err;
  }
  throw new Error('expected the document to be refused');
}

function parsed(value: unknown): SaveConfig {
  return parseConfig(value).config;
}

describe('parseConfig accepts what targetcli-fb writes', () => {
  it('takes the 2.1.53 sample whole', () => {
    const { config, warnings } = parseConfig(sample());
    expect(warnings).toEqual([]);
    expect(config.storage_objects.map((s) => `${s.plugin}/${s.name}`)).toEqual(['block/disk1', 'fileio/scratch', 'ramdisk/rd0', 'user/tcmu1']);
    expect(config.targets.map((t) => t.fabric)).toEqual(['iscsi', 'loopback']);
    const user = config.storage_objects[3];
    expect(user?.attributes?.['dev_config']).toBe('file//srv/images/tcmu.img');
  });

  it('fills in what rtslib restore assumes when a key is missing', () => {
    const doc = smallDoc();
    const tpg = at(doc, 'targets', 0, 'tpgs', 0);
    delete tpg['enable'];
    delete tpg['node_acls'];
    delete at(doc, 'targets', 0, 'tpgs', 0, 'portals', 0)['iser'];
    delete at(doc, 'targets', 0, 'tpgs', 0, 'portals', 0)['offload'];
    delete at(doc, 'storage_objects', 0)['alua_tpgs'];
    delete doc['fabric_modules'];
    const config = parsed(doc);
    const out = config.targets[0]?.tpgs[0];
    expect(out?.enable).toBe(true);
    expect(out?.node_acls).toEqual([]);
    expect(out?.portals[0]).toEqual({ ip_address: '[::0]', port: 3260, iser: false, offload: false });
    expect(config.storage_objects[0]?.alua_tpgs).toEqual([]);
    expect(config.fabric_modules).toEqual([]);
  });

  it('accepts older spellings: iblock/rd_mcp plugins, buffered_mode and exists keys, LUNs without alias', () => {
    const doc = {
      storage_objects: [
        { name: 'b', plugin: 'iblock', dev: '/dev/sdb', wwn: 'ABCDEF01-2345-4789-8BCD-EF0123456789', exists: true },
        { name: 'r', plugin: 'rd_mcp', size: 4096, buffered_mode: false },
      ],
      targets: [
        {
          fabric: 'loopback',
          wwn: 'naa.60014051a2b3c4d5',
          tpgs: [{ tag: 1, luns: [{ index: 0, storage_object: '/backstores/iblock/b' }, { index: 1, storage_object: '/backstores/rd_mcp/r' }] }],
        },
      ],
    };
    const config = parsed(doc);
    expect(config.storage_objects.map((s) => s.plugin)).toEqual(['block', 'ramdisk']);
    expect(config.storage_objects[0]).not.toHaveProperty('exists');
    expect(config.storage_objects[0]).toMatchObject({ wwn: 'abcdef01-2345-4789-8bcd-ef0123456789' });
    // rtslib rewrites legacy 16-digit naa.6 target names to naa.5
    expect(config.targets[0]?.wwn).toBe('naa.50014051a2b3c4d5');
    expect(config.targets[0]?.tpgs[0]?.luns.map((l) => l.storage_object)).toEqual(['/backstores/block/b', '/backstores/ramdisk/r']);
  });

  it('normalises hand-written values: integer text attributes, numeric parameters, sizes, unbracketed IPv6, WWN case', () => {
    const doc = smallDoc();
    at(doc, 'storage_objects', 0)['attributes'] = { block_size: '4096', emulate_tpu: true, dev_note: 'x' };
    at(doc, 'storage_objects', 0)['size'] = '10G';
    at(doc, 'targets', 0, 'tpgs', 0)['parameters'] = { MaxConnections: 4 };
    at(doc, 'targets', 0, 'tpgs', 0, 'portals', 0)['ip_address'] = '2001:DB8::1';
    at(doc, 'targets', 0)['wwn'] = 'IQN.2003-01.org.Example:T1';
    const config = parsed(doc);
    const so = config.storage_objects[0] as FileioStorageObjectConfig;
    expect(so.attributes).toEqual({ block_size: 4096, emulate_tpu: 1, dev_note: 'x' });
    expect(so.size).toBe(10 * 1024 ** 3);
    expect(config.targets[0]?.tpgs[0]?.parameters).toEqual({ MaxConnections: '4' });
    expect(config.targets[0]?.tpgs[0]?.portals[0]?.ip_address).toBe('[2001:DB8::1]');
    expect(config.targets[0]?.wwn).toBe('iqn.2003-01.org.example:t1');
  });

  it('drops unset credentials and a false nullio, as rtslib leaves them out', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['chap_mutual_userid'] = '';
    (doc['storage_objects'] as unknown[]).push({ name: 'rd', plugin: 'ramdisk', size: 4096, nullio: false });
    const config = parsed(doc);
    expect(config.targets[0]?.tpgs[0]?.node_acls[0]).not.toHaveProperty('chap_mutual_userid');
    expect(config.storage_objects[1]).not.toHaveProperty('nullio');
  });
});

describe('parseConfig refuses, naming the JSON path', () => {
  it('points at a malformed LUN reference', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0, 'tpgs', 0, 'luns', 0)['storage_object'] = 'fileio/disk1';
    expect(issuesOf(doc)).toEqual([{ path: 'targets[0].tpgs[0].luns[0].storage_object', message: 'expected "/backstores/<plugin>/<name>"' }]);
  });

  it('puts every problem of the file in one error', () => {
    const doc = smallDoc();
    at(doc, 'storage_objects', 0)['dev'] = 'relative.img';
    at(doc, 'targets', 0, 'tpgs', 0)['tag'] = 0;
    at(doc, 'targets', 0, 'tpgs', 0, 'portals', 0)['port'] = 70000;
    at(doc, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['node_wwn'] = 'iqn.bad';
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual([
      'storage_objects[0].dev',
      'targets[0].tpgs[0].tag',
      'targets[0].tpgs[0].portals[0].port',
      'targets[0].tpgs[0].node_acls[0].node_wwn',
    ]);
  });

  it('throws a ValidationError whose message leads with the path', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0, 'tpgs', 0, 'portals', 0)['ip_address'] = '300.1.1.1';
    expect(() => parseConfig(doc, { source: '/etc/target/saveconfig.json' })).toThrow(ValidationError);
    expect(() => parseConfig(doc, { source: '/etc/target/saveconfig.json' })).toThrow(
      "Invalid configuration in /etc/target/saveconfig.json: targets[0].tpgs[0].portals[0].ip_address: Portal address '300.1.1.1' is not an IPv4 or IPv6 address; use e.g. 192.0.2.10, 2001:db8::1 or ::0",
    );
  });

  it.each([
    ['a list', []],
    ['null', null],
    ['text', 'hello'],
  ])('refuses a document that is %s', (_what, value) => {
    expect(issuesOf(value)).toEqual([{ path: '', message: expect.stringContaining('expected an object') as unknown as string }]);
  });

  it('refuses unknown keys, so a misspelt setting is not silently lost', () => {
    const doc = smallDoc();
    doc['target'] = [];
    at(doc, 'storage_objects', 0)['write_cache'] = true;
    expect(issuesOf(doc).map((i) => i.path)).toEqual(['target', 'storage_objects[0].write_cache']);
    expect(parseConfig(doc, { unknownKeys: 'warn' }).warnings.map((w) => w.path)).toEqual(['target', 'storage_objects[0].write_cache']);
  });

  it("refuses the man page's CHAP keys with the key rtslib reads, even when unknown keys only warn", () => {
    const doc = smallDoc();
    at(doc, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['password'] = 'xxxxxxxxxxxxxx';
    const issues = issuesOf(doc, { unknownKeys: 'warn' });
    expect(issues).toEqual([{ path: 'targets[0].tpgs[0].node_acls[0].password', message: "unknown key; rtslib and lioctl read 'chap_password'" }]);
  });

  it('never shows a secret in a message', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['chap_password'] = 'NULLsecret with space';
    at(doc, 'fabric_modules', 0);
    doc['fabric_modules'] = [{ name: 'iscsi', discovery_enable_auth: true, discovery_password: 42 }];
    const text = issuesOf(doc).map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(text).toContain('targets[0].tpgs[0].node_acls[0].chap_password');
    expect(text).toContain('fabric_modules[0].discovery_password: expected text, got an integer');
    expect(text).not.toContain('secret with');
    expect(text).not.toContain('42');
  });

  it('checks WWNs against the fabric', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0)['fabric'] = 'loopback';
    at(doc, 'targets', 0, 'tpgs', 0)['portals'] = [];
    at(doc, 'targets', 0, 'tpgs', 0)['node_acls'] = [];
    const [issue] = issuesOf(doc);
    expect(issue?.path).toBe('targets[0].wwn');
    expect(issue?.message).toMatch(/^WWN not valid as: naa/);
  });

  it('refuses what the fabric cannot have', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0)['fabric'] = 'loopback';
    at(doc, 'targets', 0)['wwn'] = 'naa.5001405a1b2c3d4e';
    at(doc, 'targets', 0, 'tpgs', 0)['tag'] = 40;
    const issues = issuesOf(doc).map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual([
      'targets[0].tpgs[0].tag: loopback TPG tags go up to 31',
      'targets[0].tpgs[0].portals: loopback targets have no network portals',
      'targets[0].tpgs[0].node_acls: loopback targets have no ACLs',
    ]);
  });

  it('refuses duplicates and dangling references', () => {
    const doc = smallDoc();
    const tpg = at(doc, 'targets', 0, 'tpgs', 0);
    (tpg['luns'] as unknown[]).push({ index: 0, storage_object: '/backstores/fileio/disk1' });
    (tpg['luns'] as unknown[]).push({ index: 5, storage_object: '/backstores/block/nothere' });
    (tpg['luns'] as unknown[]).push({ index: 6, storage_object: '/backstores/fileio/disk1', alua_tg_pt_gp_name: 'nogroup' });
    at(doc, 'targets', 0, 'tpgs', 0, 'node_acls', 0, 'mapped_luns', 0)['tpg_lun'] = 9;
    const issues = issuesOf(doc).map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual([
      'targets[0].tpgs[0].luns[1].index: duplicate LUN 0',
      'targets[0].tpgs[0].node_acls[0].mapped_luns[0].tpg_lun: the TPG has no LUN 9',
      'targets[0].tpgs[0].luns[1].storage_object: no storage object /backstores/block/nothere in storage_objects',
      "targets[0].tpgs[0].luns[2].alua_tg_pt_gp_name: /backstores/fileio/disk1 has no ALUA group 'nogroup'",
    ]);
    // A restore limited to targets resolves LUNs against the live objects instead.
    const withoutRefs = issuesOf(doc, { checkReferences: false }).map((i) => i.path);
    expect(withoutRefs).toEqual(['targets[0].tpgs[0].luns[1].index', 'targets[0].tpgs[0].node_acls[0].mapped_luns[0].tpg_lun']);
  });

  it('refuses names and paths that would escape or break configfs writes', () => {
    const doc = smallDoc();
    at(doc, 'storage_objects', 0)['name'] = '../etc';
    at(doc, 'storage_objects', 0)['dev'] = '/srv/a,fd_dev_size=1';
    at(doc, 'storage_objects', 0)['attributes'] = { '../enable': 1, __proto__: 2 };
    at(doc, 'targets', 0, 'tpgs', 0, 'luns', 0)['alias'] = 'a/b';
    const issues = issuesOf(doc).map((i) => i.path);
    expect(issues).toEqual([
      'storage_objects[0].name',
      'storage_objects[0].attributes["../enable"]',
      'storage_objects[0].dev',
      'targets[0].tpgs[0].luns[0].alias',
    ]);
  });

  it('keeps an own __proto__ key harmless', () => {
    const value = JSON.parse(
      '{"storage_objects": [{"name": "r", "plugin": "ramdisk", "size": 512, "attributes": {"__proto__": {"polluted": true}}}], "__proto__": {"polluted": true}}',
    ) as unknown;
    expect(issuesOf(value).map((i) => i.path)).toEqual(['__proto__', 'storage_objects[0].attributes.__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseConfig warnings', () => {
  it('warns about short secrets without showing them, and about what a fabric ignores', () => {
    const doc = smallDoc();
    at(doc, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['chap_password'] = 'short1';
    doc['targets'] = [
      ...(doc['targets'] as unknown[]),
      { fabric: 'loopback', wwn: 'naa.5001405a1b2c3d4e', tpgs: [{ tag: 1, enable: false, luns: [] }] },
    ];
    expect(parseConfig(doc).warnings).toEqual([
      {
        path: 'targets[0].tpgs[0].node_acls[0].chap_password',
        message: 'CHAP password is only 6 characters; use at least 12 (RFC 3720 recommends 96-bit secrets, Microsoft initiators require 12-16)',
      },
      { path: 'targets[1].tpgs[0].enable', message: 'loopback TPGs are always enabled; false is ignored' },
    ]);
  });
});

describe("lioctl's section", () => {
  function withSection(section: unknown): Record<string, unknown> {
    const doc = sample();
    doc['lioctl'] = section;
    return doc;
  }

  it('keeps nexus, identity and unenforced discovery credentials for objects in the file', () => {
    const doc = withSection({
      version: 1,
      storage_objects: { '/backstores/block/disk1': { vendor_id: 'ACME', product_id: 'Fast Disk', revision: '1.0' } },
      tpgs: { 'loopback/naa.5001405a1b2c3d4e/tpgt_1': { nexus: 'NAA.5001405FFFFFFFFF' } },
    });
    doc['fabric_modules'] = [];
    (doc['lioctl'] as Record<string, unknown>)['fabric_modules'] = { iscsi: { discovery_userid: 'disc', discovery_password: 'discoverysecret' } };
    const { config, warnings } = parseConfig(doc);
    expect(warnings).toEqual([]);
    expect(config.lioctl).toEqual({
      version: 1,
      storage_objects: { '/backstores/block/disk1': { vendor_id: 'ACME', product_id: 'Fast Disk', revision: '1.0' } },
      tpgs: { 'loopback/naa.5001405a1b2c3d4e/tpgt_1': { nexus: 'naa.5001405fffffffff' } },
      fabric_modules: { iscsi: { discovery_userid: 'disc', discovery_password: 'discoverysecret' } },
    });
  });

  it('ignores entries for objects the file does not hold, with a warning', () => {
    const doc = withSection({ version: 1, storage_objects: { '/backstores/fileio/gone': { vendor_id: 'X' } } });
    const { config, warnings } = parseConfig(doc);
    expect(config.lioctl).toBeUndefined();
    expect(warnings).toEqual([{ path: 'lioctl.storage_objects["/backstores/fileio/gone"]', message: 'no such storage object in this file; ignored' }]);
  });

  it('refuses bad values and credentials kept in two places', () => {
    const doc = withSection({
      version: 1,
      storage_objects: { '/backstores/block/disk1': { vendor_id: 'TOO-LONG-VENDOR' } },
      tpgs: { 'iscsi/iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa/tpgt_1': { nexus: 'naa.5001405fffffffff' } },
      fabric_modules: { iscsi: { discovery_userid: 'x' } },
    });
    expect(issuesOf(doc).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'lioctl.storage_objects["/backstores/block/disk1"].vendor_id: vendor_id \'TOO-LONG-VENDOR\' is 15 characters; the maximum is 8',
      'lioctl.tpgs["iscsi/iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa/tpgt_1"]: iscsi TPGs have no nexus',
      'lioctl.fabric_modules.iscsi: fabric_modules already has iscsi; keep its credentials there',
    ]);
  });

  it('reads a section from a newer lioctl, warning about what it does not know', () => {
    const doc = withSection({ version: 2, future_thing: {}, storage_objects: { '/backstores/block/disk1': { vendor_id: 'ACME', colour: 'red' } } });
    const { config, warnings } = parseConfig(doc);
    expect(config.lioctl?.storage_objects).toEqual({ '/backstores/block/disk1': { vendor_id: 'ACME' } });
    expect(warnings.map((w) => w.path)).toEqual(['lioctl.future_thing', 'lioctl.storage_objects["/backstores/block/disk1"].colour']);
  });
});

describe('parseConfigText', () => {
  it('says an empty file is empty', () => {
    expect(() => parseConfigText('', { source: 'saveconfig.json' })).toThrow(
      'Invalid configuration in saveconfig.json: (document): the file is empty (a save interrupted by power loss leaves such files)',
    );
  });

  it('reports a truncated file as invalid JSON', () => {
    try {
      parseConfigText('{"targets": [');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigValidationError);
      expect((err as ConfigValidationError).issues[0]?.message).toMatch(/^not valid JSON: /);
      expect((err as ConfigValidationError).exitCode).toBe(3);
    }
  });
});
