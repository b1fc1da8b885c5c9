#!/usr/bin/env node
// Cheap correctness checks for the benchmark, so a tool that exits 0 without
// building the config is never reported as fast.
//
//   node bench/check.mjs expect CONFIG.json   counts a restore of CONFIG must produce
//   node bench/check.mjs live                  the same counts read from configfs now
//   node bench/check.mjs compare A.json B.json differences between two saveconfig files
//
// Counts: storage objects (and how many are enabled), targets, TPGs (and how
// many are enabled), LUNs, portals, ACLs, ACLs with a CHAP userid, mapped
// LUNs. `compare` ignores list order and the two device attributes the
// generator leaves out on purpose (see gen-config.mjs).
import { readFileSync, readdirSync } from 'node:fs';

const ROOT = process.env.BENCH_CONFIGFS || '/sys/kernel/config/target';

function counts() {
  return { so: 0, so_enabled: 0, targets: 0, tpgs: 0, tpgs_enabled: 0, luns: 0, portals: 0, acls: 0, chap: 0, mluns: 0 };
}
const line = (c) => Object.entries(c).map(([k, v]) => `${k}=${v}`).join(' ');

function expect(cfg) {
  const c = counts();
  c.so = c.so_enabled = cfg.storage_objects.length;
  for (const t of cfg.targets) {
    c.targets++;
    for (const tpg of t.tpgs) {
      c.tpgs++;
      if (tpg.enable !== false) c.tpgs_enabled++;
      c.luns += tpg.luns.length;
      c.portals += tpg.portals.length;
      for (const acl of tpg.node_acls) {
        c.acls++;
        if (acl.chap_userid) c.chap++;
        c.mluns += acl.mapped_luns.length;
      }
    }
  }
  return c;
}

const dirs = (p) => {
  try {
    return readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
};
const read = (p) => {
  try {
    return readFileSync(p, 'utf8').trim();
  } catch {
    return '';
  }
};

function live() {
  const c = counts();
  for (const hba of dirs(`${ROOT}/core`).filter((n) => /_\d+$/.test(n))) {
    for (const dev of dirs(`${ROOT}/core/${hba}`)) {
      c.so++;
      if (read(`${ROOT}/core/${hba}/${dev}/enable`) === '1') c.so_enabled++;
    }
  }
  for (const fabric of dirs(ROOT).filter((n) => n !== 'core')) {
    for (const wwn of dirs(`${ROOT}/${fabric}`).filter((n) => n !== 'discovery_auth')) {
      c.targets++;
      for (const tpg of dirs(`${ROOT}/${fabric}/${wwn}`).filter((n) => /^tpgt_\d+$/.test(n))) {
        const d = `${ROOT}/${fabric}/${wwn}/${tpg}`;
        c.tpgs++;
        if (read(`${d}/enable`) === '1') c.tpgs_enabled++;
        c.luns += dirs(`${d}/lun`).length;
        c.portals += dirs(`${d}/np`).length;
        for (const acl of dirs(`${d}/acls`)) {
          c.acls++;
          if (read(`${d}/acls/${acl}/auth/userid`)) c.chap++;
          c.mluns += dirs(`${d}/acls/${acl}`).filter((n) => /^lun_\d+$/.test(n)).length;
        }
      }
    }
  }
  return c;
}

// Order-free form of a saveconfig file: lists keyed by their identity.
function normalize(cfg) {
  const byKey = (list, key) => Object.fromEntries((list ?? []).map((x) => [x[key], x]));
  const so = {};
  for (const s of cfg.storage_objects ?? []) {
    const { alua_support, pgr_support, ...attributes } = s.attributes ?? {};
    so[`${s.plugin}/${s.name}`] = { ...s, attributes, alua_tpgs: byKey(s.alua_tpgs, 'name') };
  }
  const targets = {};
  for (const t of cfg.targets ?? []) {
    const tpgs = {};
    for (const tpg of t.tpgs ?? []) {
      const acls = {};
      for (const a of tpg.node_acls ?? []) acls[a.node_wwn] = { ...a, mapped_luns: byKey(a.mapped_luns, 'index') };
      tpgs[tpg.tag] = {
        ...tpg,
        luns: byKey(tpg.luns, 'index'),
        portals: byKey(tpg.portals?.map((p) => ({ ...p, id: `${p.ip_address}:${p.port}` })), 'id'),
        node_acls: acls,
      };
    }
    targets[`${t.fabric}/${t.wwn}`] = { ...t, tpgs };
  }
  return { fabric_modules: byKey(cfg.fabric_modules, 'name'), storage_objects: so, targets };
}

function diff(a, b, path, out) {
  if (out.length >= 20) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], `${path}/${k}`, out);
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  }
  return out;
}

const load = (f) => JSON.parse(readFileSync(f, 'utf8'));
const [cmd, a, b] = process.argv.slice(2);
if (cmd === 'expect') console.log(line(expect(load(a))));
else if (cmd === 'live') console.log(line(live()));
else if (cmd === 'compare') {
  const d = diff(normalize(load(a)), normalize(load(b)), '', []);
  for (const x of d) console.log(x);
  process.exit(d.length ? 1 : 0);
} else {
  console.error('usage: check.mjs expect CONFIG | live | compare A B');
  process.exit(2);
}
