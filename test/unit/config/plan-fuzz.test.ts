import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { PHASE } from '../../../src/config/plan/operations.js';
import { planConfig } from '../../../src/config/plan/plan-config.js';
import type { SaveConfig } from '../../../src/config/schema.js';
import { at, sample, smallDoc } from './config-samples.js';
import { EMPTY, planAndRun } from './plan-helpers.js';
import { Random, mutate } from './random-json.js';

type Json = Record<string, unknown>;
const LOOPBACK_TPG = 'loopback/naa.5001405a1b2c3d4e/tpgt_1';

/** Changes a real administrator makes, applied to the targetcli-fb sample; each keeps it valid. */
const EDITS: ReadonlyArray<(d: Json, r: Random) => void> = [
  (d) => {
    const m = at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0, 'mapped_luns', 0);
    m['write_protect'] = m['write_protect'] !== true;
  },
  (d, r) => (at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 1, 'mapped_luns', 0)['tpg_lun'] = r.pick([0, 1, 2])),
  (d, r) => (at(d, 'targets', 0, 'tpgs', 0, 'luns', 1)['alua_tg_pt_gp_name'] = r.pick(['ao', 'default_tg_pt_gp'])),
  (d, r) => (at(d, 'storage_objects', 1, 'alua_tpgs', 1)['tg_pt_gp_id'] = r.pick([1, 2])),
  (d, r) => (at(d, 'storage_objects', 1)['size'] = r.pick([10737418240, 21474836480])),
  (d, r) => (at(d, 'storage_objects', 0, 'attributes')['emulate_tpu'] = r.pick([0, 1])),
  (d, r) => (at(d, 'targets', 0, 'tpgs', 0, 'portals', 1)['iser'] = r.next() < 0.5),
  (d, r) => (at(d, 'targets', 0, 'tpgs', 0)['enable'] = r.next() < 0.5),
  (d, r) => (at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 0)['chap_password'] = r.pick(['initiatorsecret1', 'anothersecret22'])),
  (d) => delete at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 1)['chap_mutual_userid'],
  (d, r) => Object.assign(at(d, 'targets', 0, 'tpgs', 0), { chap_userid: 'demo', chap_password: r.pick(['demosecret1234', 'demosecret5678']) }),
  (d, r) => {
    d['lioctl'] = {
      version: 1,
      tpgs: { [LOOPBACK_TPG]: { nexus: r.pick(['naa.5001405000000001', 'naa.5001405000000002']) } },
      storage_objects: { '/backstores/block/disk1': { vendor_id: r.pick(['ACME', 'LIO-ORG']) } },
    };
  },
  (d) => {
    // Remove LUN 2 and the mapped LUN that uses it.
    (at(d, 'targets', 0, 'tpgs', 0)['luns'] as unknown[]).splice(2, 1);
    at(d, 'targets', 0, 'tpgs', 0, 'node_acls', 1)['mapped_luns'] = [];
  },
  (d) => {
    d['fabric_modules'] = [];
  },
];

/** Valid documents near the samples: administrator edits plus random mutations that still parse. */
function validVariants(count: number, seed: number): SaveConfig[] {
  const out: SaveConfig[] = [];
  const r = new Random(seed);
  while (out.length < count) {
    const d: Json = r.next() < 0.8 ? sample() : smallDoc();
    if (d['storage_objects'] !== undefined && (d['targets'] as unknown[]).length > 1) {
      for (let n = r.int(4); n > 0; n--) r.pick(EDITS)(d, r);
    }
    for (let n = r.int(3); n > 0; n--) mutate(r, d);
    try {
      out.push(parseConfig(d).config);
    } catch (err) {
      if (!(err instanceof ConfigValidationError)) throw err;
    }
  }
  return out;
}

describe('planConfig on random valid documents', () => {
  const docs = validVariants(200, 7);

  it('plans nothing for each document against itself', () => {
    for (const d of docs) expect(planConfig(d, d).operations).toEqual([]);
  });

  it('builds each one from nothing and removes it again, every step allowed by the kernel rules', () => {
    for (const d of docs) {
      planAndRun(EMPTY, d);
      planAndRun(d, EMPTY);
    }
  });

  it('turns any one into any other, in phase order, reaching the desired state', () => {
    const r = new Random(11);
    const kinds = new Set<string>();
    for (let i = 0; i < 400; i++) {
      for (const op of planAndRun(r.pick(docs), r.pick(docs)).plan.operations) kinds.add(op.kind);
    }
    expect([...kinds].sort(), 'every kind of operation is exercised').toEqual(Object.keys(PHASE).sort());
  }, 30_000);
});
