import { readFileSync } from 'node:fs';

export const SAMPLE_TEXT = readFileSync(new URL('../../../fixtures/config/handwritten-targetcli-2.1.53.json', import.meta.url), 'utf8');

/** A fresh, mutable copy of the targetcli-fb sample as plain JSON data. */
export function sample(): Record<string, unknown> {
  return JSON.parse(SAMPLE_TEXT) as Record<string, unknown>;
}

/** A small document in targetcli's shape, easy to read in tests. */
export function smallDoc(): Record<string, unknown> {
  return {
    fabric_modules: [],
    storage_objects: [
      { name: 'disk1', plugin: 'fileio', dev: '/srv/disk1.img', size: 1073741824, write_back: false, wwn: '11111111-2222-4333-8444-555555555555', alua_tpgs: [], attributes: { block_size: 512 } },
    ],
    targets: [
      {
        fabric: 'iscsi',
        wwn: 'iqn.2003-01.org.example:t1',
        tpgs: [
          {
            tag: 1,
            enable: true,
            attributes: { authentication: 0 },
            parameters: { TargetAlias: 'LIO Target' },
            luns: [{ index: 0, storage_object: '/backstores/fileio/disk1', alias: 'aaaaaaaaaa', alua_tg_pt_gp_name: 'default_tg_pt_gp' }],
            portals: [{ ip_address: '[::0]', port: 3260, iser: false, offload: false }],
            node_acls: [
              {
                node_wwn: 'iqn.1994-05.com.redhat:client1',
                mapped_luns: [{ index: 0, tpg_lun: 0, write_protect: false, alias: 'bbbbbbbbbb' }],
                chap_userid: 'client1',
                chap_password: 'initiatorsecret1',
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Follows a path of keys and indexes into plain JSON data, for targeted mutations. */
export function at(doc: unknown, ...keys: Array<string | number>): Record<string, unknown> {
  let node: unknown = doc;
  for (const k of keys) node = (node as Record<string | number, unknown>)[k];
  return node as Record<string, unknown>;
}
