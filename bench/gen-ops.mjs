#!/usr/bin/env node
// Derive the configfs operation lists that bench/floor replays.
//
//   node bench/gen-ops.mjs CONFIG.json OUTDIR
//       writes OUTDIR/{restore,clear,extra,unextra,addlun,dellun}.ops
//   node bench/gen-ops.mjs --live-clear
//       prints the ops that tear down whatever is configured now
//   node bench/gen-ops.mjs --live-dellun TPG_DIR LUN
//       prints the ops that remove LUN from TPG_DIR and every mapped LUN
//       pointing at it (any alias: targetcli picks random ones)
//
// One op per line: `mkdir PATH`, `write PATH VALUE` (VALUE is the rest of the
// line, written without a newline), `symlink TARGET PATH`, `rmdir PATH`,
// `unlink PATH`. Paths and symlink targets are absolute: configfs resolves a
// relative target against the caller's working directory, not the link's.
//
// The restore order is rtslib's (reference §4.3, §5.4): each storage object
// is made, enabled and given its identity and attributes before any LUN links
// it; a TPG gets attributes, parameters, LUNs, portals, ACLs (attributes,
// mapped LUNs, CHAP), and is enabled last. The clear is the exact reverse,
// with the TPG disabled first so no login races the teardown. Only what the
// config states is written; nothing is read.
//
// BENCH_CONFIGFS overrides the root (default /sys/kernel/config/target), to
// try the lists on a scratch directory.
import { mkdirSync, readFileSync, readdirSync, readlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRA_SO } from './gen-config.mjs';

const ROOT = process.env.BENCH_CONFIGFS || '/sys/kernel/config/target';
const PAGE = 4096;

// rtslib's names for ramdisk HBAs and the plugin directory prefixes.
const HBA_PREFIX = { ramdisk: 'rd_mcp', fileio: 'fileio', block: 'iblock', pscsi: 'pscsi', user: 'user' };

class Ops {
  lines = [];
  mkdir(p) { this.lines.push(`mkdir ${p}`); }
  rmdir(p) { this.lines.push(`rmdir ${p}`); }
  unlink(p) { this.lines.push(`unlink ${p}`); }
  symlink(target, p) { this.lines.push(`symlink ${target} ${p}`); }
  write(p, value) {
    const v = String(value);
    if (v === '' || v.includes('\n')) throw new Error(`cannot express value ${JSON.stringify(v)} for ${p}`);
    this.lines.push(`write ${p} ${v}`);
  }
  text() { return this.lines.length ? `${this.lines.join('\n')}\n` : ''; }
}

// Storage-object directories, HBA index = position in the file: what rtslib
// allocates (lowest free index) when restoring into an empty config.
function soDirs(cfg) {
  const dirs = new Map();
  cfg.storage_objects.forEach((so, i) => {
    const prefix = HBA_PREFIX[so.plugin];
    if (prefix !== 'rd_mcp') throw new Error(`only ramdisk storage objects are generated, not ${so.plugin}`);
    const hba = `${ROOT}/core/${prefix}_${i}`;
    dirs.set(`/backstores/${so.plugin}/${so.name}`, { hba, dev: `${hba}/${so.name}` });
  });
  return dirs;
}

function createRamdisk(ops, so, hba, dev) {
  ops.mkdir(hba);
  ops.mkdir(dev);
  ops.write(`${dev}/control`, `rd_pages=${Math.max(1, Math.round(so.size / PAGE))}`);
  if (so.nullio) ops.write(`${dev}/control`, 'rd_nullio=1');
  ops.write(`${dev}/enable`, 1);
  ops.write(`${dev}/wwn/vpd_unit_serial`, so.wwn);
  for (const [k, v] of Object.entries(so.attributes ?? {})) ops.write(`${dev}/attrib/${k}`, v);
  // Only the default ALUA group is generated, and it exists by itself.
}

const tpgDir = (t, tpg) => `${ROOT}/${t.fabric}/${t.wwn}/tpgt_${tpg.tag}`;
const portalName = (p) => `${p.ip_address}:${p.port}`;
const CHAP = {
  chap_userid: 'userid',
  chap_password: 'password',
  chap_mutual_userid: 'userid_mutual',
  chap_mutual_password: 'password_mutual',
};

function chapWrites(ops, dir, obj) {
  for (const [k, v] of Object.entries(obj)) if (CHAP[k] && v) ops.write(`${dir}/auth/${CHAP[k]}`, v);
}

export function restoreOps(cfg) {
  const ops = new Ops();
  const dirs = soDirs(cfg);
  for (const so of cfg.storage_objects) {
    const { hba, dev } = dirs.get(`/backstores/${so.plugin}/${so.name}`);
    createRamdisk(ops, so, hba, dev);
  }
  for (const t of cfg.targets) {
    const tdir = `${ROOT}/${t.fabric}/${t.wwn}`;
    ops.mkdir(tdir);
    for (const [k, v] of Object.entries(t.parameters ?? {})) ops.write(`${tdir}/param/${k}`, v);
    for (const tpg of t.tpgs) {
      const d = tpgDir(t, tpg);
      ops.mkdir(d);
      for (const [k, v] of Object.entries(tpg.attributes ?? {})) ops.write(`${d}/attrib/${k}`, v);
      for (const [k, v] of Object.entries(tpg.parameters ?? {})) ops.write(`${d}/param/${k}`, v);
      for (const lun of tpg.luns) {
        const ldir = `${d}/lun/lun_${lun.index}`;
        ops.mkdir(ldir);
        ops.symlink(dirs.get(lun.storage_object).dev, `${ldir}/${lun.alias}`);
        if (lun.alua_tg_pt_gp_name) ops.write(`${ldir}/alua_tg_pt_gp`, lun.alua_tg_pt_gp_name);
      }
      // iser/offload false is what a fresh portal already is: nothing to write.
      for (const p of tpg.portals) ops.mkdir(`${d}/np/${portalName(p)}`);
      for (const acl of tpg.node_acls) {
        const adir = `${d}/acls/${acl.node_wwn}`;
        ops.mkdir(adir);
        for (const [k, v] of Object.entries(acl.attributes ?? {})) ops.write(`${adir}/attrib/${k}`, v);
        for (const m of acl.mapped_luns) {
          const mdir = `${adir}/lun_${m.index}`;
          ops.mkdir(mdir);
          ops.symlink(`${d}/lun/lun_${m.tpg_lun}`, `${mdir}/${m.alias}`);
          ops.write(`${mdir}/write_protect`, m.write_protect ? 1 : 0);
        }
        chapWrites(ops, adir, acl);
        if (acl.tag) ops.write(`${adir}/tag`, acl.tag);
      }
      if (tpg.enable !== false) ops.write(`${d}/enable`, 1);
      chapWrites(ops, d, tpg);
    }
  }
  return ops.text();
}

export function clearOps(cfg) {
  const ops = new Ops();
  const dirs = soDirs(cfg);
  for (const t of [...cfg.targets].reverse()) {
    for (const tpg of [...t.tpgs].reverse()) {
      const d = tpgDir(t, tpg);
      if (tpg.enable !== false) ops.write(`${d}/enable`, 0);
      for (const acl of [...tpg.node_acls].reverse()) {
        const adir = `${d}/acls/${acl.node_wwn}`;
        for (const m of [...acl.mapped_luns].reverse()) {
          ops.unlink(`${adir}/lun_${m.index}/${m.alias}`);
          ops.rmdir(`${adir}/lun_${m.index}`);
        }
        ops.rmdir(adir);
      }
      for (const p of [...tpg.portals].reverse()) ops.rmdir(`${d}/np/${portalName(p)}`);
      for (const lun of [...tpg.luns].reverse()) {
        ops.unlink(`${d}/lun/lun_${lun.index}/${lun.alias}`);
        ops.rmdir(`${d}/lun/lun_${lun.index}`);
      }
      ops.rmdir(d);
    }
    ops.rmdir(`${ROOT}/${t.fabric}/${t.wwn}`);
  }
  for (const so of [...cfg.storage_objects].reverse()) {
    const { hba, dev } = dirs.get(`/backstores/${so.plugin}/${so.name}`);
    ops.rmdir(dev);
    ops.rmdir(hba);
  }
  return ops.text();
}

// The "create one LUN" measurement: an extra storage object (set up
// untimed), then a LUN for it in the first TPG with a mapped LUN in every
// ACL of that TPG, as targetcli's `luns create` does (auto_add_mapped_luns).
function extraDirs(cfg) {
  const hba = `${ROOT}/core/rd_mcp_${cfg.storage_objects.length}`;
  return { hba, dev: `${hba}/${EXTRA_SO.name}` };
}

export function lunOps(cfg) {
  const t = cfg.targets[0];
  const tpg = t.tpgs[0];
  const d = tpgDir(t, tpg);
  const { hba, dev } = extraDirs(cfg);
  const index = Math.max(-1, ...tpg.luns.map((l) => l.index)) + 1;
  const alias = 'benchextra';
  const extra = new Ops();
  createRamdisk(extra, EXTRA_SO, hba, dev);
  const unextra = new Ops();
  unextra.rmdir(dev);
  unextra.rmdir(hba);
  const add = new Ops();
  const del = new Ops();
  add.mkdir(`${d}/lun/lun_${index}`);
  add.symlink(dev, `${d}/lun/lun_${index}/${alias}`);
  for (const acl of tpg.node_acls) {
    const used = new Set(acl.mapped_luns.map((m) => m.index));
    let m = 0;
    while (used.has(m)) m++;
    const mdir = `${d}/acls/${acl.node_wwn}/lun_${m}`;
    add.mkdir(mdir);
    add.symlink(`${d}/lun/lun_${index}`, `${mdir}/${alias}`);
    add.write(`${mdir}/write_protect`, 0);
    del.unlink(`${mdir}/${alias}`);
    del.rmdir(mdir);
  }
  del.unlink(`${d}/lun/lun_${index}/${alias}`);
  del.rmdir(`${d}/lun/lun_${index}`);
  return { extra: extra.text(), unextra: unextra.text(), addlun: add.text(), dellun: del.text() };
}

// --- live modes: read what is configured now (used to reset between tools)

const ls = (p) => {
  try {
    return readdirSync(p, { withFileTypes: true });
  } catch {
    return [];
  }
};
const subdirs = (p) => ls(p).filter((e) => e.isDirectory()).map((e) => e.name);
const links = (p) => ls(p).filter((e) => e.isSymbolicLink()).map((e) => e.name);

function clearTpg(ops, d) {
  try {
    if (lstatSync(`${d}/enable`).isFile()) ops.write(`${d}/enable`, 0);
  } catch {
    // fabrics without enable
  }
  for (const a of subdirs(`${d}/acls`)) {
    const adir = `${d}/acls/${a}`;
    for (const m of subdirs(adir).filter((n) => /^lun_\d+$/.test(n))) {
      for (const l of links(`${adir}/${m}`)) ops.unlink(`${adir}/${m}/${l}`);
      ops.rmdir(`${adir}/${m}`);
    }
    ops.rmdir(adir);
  }
  for (const p of subdirs(`${d}/np`)) ops.rmdir(`${d}/np/${p}`);
  for (const l of subdirs(`${d}/lun`)) {
    for (const a of links(`${d}/lun/${l}`)) ops.unlink(`${d}/lun/${l}/${a}`);
    ops.rmdir(`${d}/lun/${l}`);
  }
  ops.rmdir(d);
}

export function liveClearOps() {
  const ops = new Ops();
  for (const fabric of subdirs(ROOT).filter((n) => n !== 'core')) {
    for (const wwn of subdirs(`${ROOT}/${fabric}`).filter((n) => n !== 'discovery_auth')) {
      const tdir = `${ROOT}/${fabric}/${wwn}`;
      for (const tpg of subdirs(tdir).filter((n) => /^tpgt_\d+$/.test(n))) clearTpg(ops, `${tdir}/${tpg}`);
      ops.rmdir(tdir);
    }
  }
  for (const hba of subdirs(`${ROOT}/core`).filter((n) => /_\d+$/.test(n))) {
    for (const dev of subdirs(`${ROOT}/core/${hba}`)) {
      const ddir = `${ROOT}/core/${hba}/${dev}`;
      for (const g of subdirs(`${ddir}/alua`).filter((n) => n !== 'default_tg_pt_gp')) ops.rmdir(`${ddir}/alua/${g}`);
      ops.rmdir(ddir);
    }
    ops.rmdir(`${ROOT}/core/${hba}`);
  }
  return ops.text();
}

export function liveDelLunOps(tpg, index) {
  const ops = new Ops();
  const suffix = `/lun/lun_${index}`;
  for (const a of subdirs(`${tpg}/acls`)) {
    const adir = `${tpg}/acls/${a}`;
    for (const m of subdirs(adir).filter((n) => /^lun_\d+$/.test(n))) {
      const ls2 = links(`${adir}/${m}`);
      if (ls2.some((l) => readlinkSync(`${adir}/${m}/${l}`).replace(/\/$/, '').endsWith(suffix))) {
        for (const l of ls2) ops.unlink(`${adir}/${m}/${l}`);
        ops.rmdir(`${adir}/${m}`);
      }
    }
  }
  for (const l of links(`${tpg}${suffix}`)) ops.unlink(`${tpg}${suffix}/${l}`);
  if (subdirs(`${tpg}/lun`).includes(`lun_${index}`)) ops.rmdir(`${tpg}${suffix}`);
  return ops.text();
}

function main(argv) {
  if (argv[0] === '--live-clear') return process.stdout.write(liveClearOps());
  if (argv[0] === '--live-dellun') return process.stdout.write(liveDelLunOps(argv[1], Number(argv[2])));
  const [file, out] = argv;
  if (!file || !out) throw new Error('usage: gen-ops.mjs CONFIG.json OUTDIR | --live-clear | --live-dellun TPG_DIR LUN');
  const cfg = JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(out, { recursive: true });
  const lists = { restore: restoreOps(cfg), clear: clearOps(cfg), ...lunOps(cfg) };
  for (const [name, text] of Object.entries(lists)) writeFileSync(join(out, `${name}.ops`), text);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`gen-ops: ${e.message}\n`);
  process.exit(2);
}
