#!/usr/bin/env node
// Generate a targetcli-format saveconfig.json of any size, for the benchmarks.
//
//   node bench/gen-config.mjs SIZE [> file.json]
//
// SIZE is small | medium | large, or TxLxA: T iSCSI targets, each with one
// TPG holding L LUNs and A node ACLs; every ACL maps every LUN of its TPG and
// has CHAP credentials. One ramdisk storage object backs each LUN.
//
// The output is deterministic: object N of a size is the same as object N of
// any other size with the same L and A, so `1xLxA` is exactly the first
// target of `TxLxA` with its storage objects (the runner uses that as the
// "same target, nothing else configured" baseline).
//
// Values mirror what targetcli-fb 2.1.53 saves on Debian 12's kernel 6.1 for
// objects made with targetcli (every rw attribute and parameter is listed),
// so that a restore does the same amount of work as restoring a real file.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const SIZES = {
  small: { targets: 2, luns: 2, acls: 2 },
  medium: { targets: 16, luns: 4, acls: 8 },
  // ≥128 targets, ≥1000 LUNs, ≥2000 ACLs: 128 × 8 = 1024 LUNs,
  // 128 × 16 = 2048 ACLs, 16384 mapped LUNs.
  large: { targets: 128, luns: 8, acls: 16 },
};

// Ramdisks allocate their pages when enabled; 1024 of them must fit in the
// VM's 2 GiB next to python and node, so keep each one small.
const RAMDISK_BYTES = 256 * 1024;

export function parseSize(spec) {
  if (SIZES[spec]) return { name: spec, ...SIZES[spec] };
  const m = /^(\d+)x(\d+)x(\d+)$/.exec(spec ?? '');
  if (!m) throw new Error(`size must be ${Object.keys(SIZES).join(', ')} or TxLxA, not ${spec}`);
  const [targets, luns, acls] = m.slice(1).map(Number);
  if (targets < 1 || targets > 60000 || luns < 1 || luns > 255 || acls < 0) {
    throw new Error(`size out of range: ${spec}`);
  }
  return { name: spec, targets, luns, acls };
}

// Stable pseudo-random hex from a label, so reruns produce identical files.
const hex = (label, n) => createHash('sha256').update(label).digest('hex').slice(0, n);
const uuid = (label) => {
  const h = hex(label, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const pad = (n, w = 4) => String(n).padStart(w, '0');

export const targetWwn = (t) => `iqn.2003-01.org.example.bench:target${pad(t)}`;
export const initiatorWwn = (t, a) => `iqn.1994-05.org.example.bench:host${pad(t)}-${pad(a, 2)}`;
export const soName = (t, l) => `rd${pad(t)}_${pad(l, 2)}`;
// Distinct loopback addresses on the iSCSI port: the kernel refuses a
// wildcard portal next to specific ones on the same port, and all of
// 127.0.0.0/8 is local.
export const portalIp = (t) => `127.1.${Math.floor(t / 250)}.${(t % 250) + 1}`;

// Device attributes as targetcli saves them for a fresh ramdisk. targetcli's
// own dump also lists alua_support and pgr_support, but the kernel refuses
// writes to both for every backend but passthrough ones (fixed values), so
// restoring them only produces errors: they are left out.
const RAMDISK_ATTRIBUTES = {
  block_size: 512,
  emulate_3pc: 1,
  emulate_caw: 1,
  emulate_dpo: 1,
  emulate_fua_read: 1,
  emulate_fua_write: 1,
  emulate_model_alias: 1,
  emulate_pr: 1,
  emulate_rest_reord: 0,
  emulate_tas: 1,
  emulate_tpu: 0,
  emulate_tpws: 0,
  emulate_ua_intlck_ctrl: 0,
  emulate_write_cache: 0,
  enforce_pr_isids: 1,
  force_pr_aptpl: 0,
  is_nonrot: 1,
  max_unmap_block_desc_count: 0,
  max_unmap_lba_count: 0,
  max_write_same_len: 0,
  optimal_sectors: 4294967288,
  pi_prot_format: 0,
  pi_prot_type: 0,
  pi_prot_verify: 0,
  queue_depth: 128,
  unmap_granularity: 0,
  unmap_granularity_alignment: 0,
  unmap_zeroes_data: 0,
};

const DEFAULT_TG_PT_GP = {
  alua_access_state: 0,
  alua_access_status: 0,
  alua_access_type: 3,
  alua_support_active_nonoptimized: 1,
  alua_support_active_optimized: 1,
  alua_support_offline: 1,
  alua_support_standby: 1,
  alua_support_transitioning: 1,
  alua_support_unavailable: 1,
  alua_write_metadata: 0,
  implicit_trans_secs: 0,
  name: 'default_tg_pt_gp',
  nonop_delay_msecs: 100,
  preferred: 0,
  tg_pt_gp_id: 0,
  trans_delay_msecs: 0,
};

// CHAP enforced on the TPG (authentication=1, AuthMethod=CHAP), explicit
// ACLs only (generate_node_acls=0): the usual production iSCSI setup.
const TPG_ATTRIBUTES = {
  authentication: 1,
  cache_dynamic_acls: 0,
  default_cmdsn_depth: 64,
  default_erl: 0,
  demo_mode_discovery: 1,
  demo_mode_write_protect: 1,
  fabric_prot_type: 0,
  generate_node_acls: 0,
  login_keys_workaround: 1,
  login_timeout: 15,
  netif_timeout: 2,
  prod_mode_write_protect: 0,
  t10_pi: 0,
  tpg_enabled_sendtargets: 1,
};

const TPG_PARAMETERS = {
  AuthMethod: 'CHAP',
  DataDigest: 'CRC32C,None',
  DataPDUInOrder: 'Yes',
  DataSequenceInOrder: 'Yes',
  DefaultTime2Retain: '20',
  DefaultTime2Wait: '2',
  ErrorRecoveryLevel: '0',
  FirstBurstLength: '65536',
  HeaderDigest: 'CRC32C,None',
  IFMarkInt: 'Reject',
  IFMarker: 'No',
  ImmediateData: 'Yes',
  InitialR2T: 'Yes',
  MaxBurstLength: '262144',
  MaxConnections: '1',
  MaxOutstandingR2T: '1',
  MaxRecvDataSegmentLength: '8192',
  MaxXmitDataSegmentLength: '262144',
  OFMarkInt: 'Reject',
  OFMarker: 'No',
  TargetAlias: 'LIO Target',
};

// -1: inherit the TPG's authentication setting.
const ACL_ATTRIBUTES = {
  authentication: -1,
  dataout_timeout: 3,
  dataout_timeout_retries: 5,
  default_erl: 0,
  nopin_response_timeout: 30,
  nopin_timeout: 15,
  random_datain_pdu_offsets: 0,
  random_datain_seq_offsets: 0,
  random_r2t_offsets: 0,
};

function storageObject(t, l) {
  const name = soName(t, l);
  return {
    alua_tpgs: [{ ...DEFAULT_TG_PT_GP }],
    attributes: { ...RAMDISK_ATTRIBUTES },
    name,
    plugin: 'ramdisk',
    size: RAMDISK_BYTES,
    wwn: uuid(`so:${name}`),
  };
}

function nodeAcl(t, a, luns) {
  const acl = {
    attributes: { ...ACL_ATTRIBUTES },
    // Mutual CHAP on every other host: both kinds appear in real configs.
    ...(a % 2 === 0
      ? {
          chap_mutual_password: `m${hex(`mpw:${t}:${a}`, 15)}`,
          chap_mutual_userid: `target${pad(t)}`,
        }
      : {}),
    chap_password: `p${hex(`pw:${t}:${a}`, 15)}`,
    chap_userid: `host${pad(t)}-${pad(a, 2)}`,
    mapped_luns: [],
    node_wwn: initiatorWwn(t, a),
  };
  for (let l = 0; l < luns; l++) {
    acl.mapped_luns.push({ alias: hex(`mlun:${t}:${a}:${l}`, 10), index: l, tpg_lun: l, write_protect: false });
  }
  return acl;
}

function target(t, luns, acls) {
  const tpg = {
    attributes: { ...TPG_ATTRIBUTES },
    enable: true,
    luns: [],
    node_acls: [],
    parameters: { ...TPG_PARAMETERS },
    portals: [{ ip_address: portalIp(t), iser: false, offload: false, port: 3260 }],
    tag: 1,
  };
  for (let l = 0; l < luns; l++) {
    tpg.luns.push({
      alias: hex(`lun:${t}:${l}`, 10),
      alua_tg_pt_gp_name: 'default_tg_pt_gp',
      index: l,
      storage_object: `/backstores/ramdisk/${soName(t, l)}`,
    });
  }
  for (let a = 0; a < acls; a++) tpg.node_acls.push(nodeAcl(t, a, luns));
  return { fabric: 'iscsi', parameters: { cmd_completion_affinity: '-1' }, tpgs: [tpg], wwn: targetWwn(t) };
}

export function generate(size) {
  const cfg = { fabric_modules: [], storage_objects: [], targets: [] };
  for (let t = 0; t < size.targets; t++) {
    for (let l = 0; l < size.luns; l++) cfg.storage_objects.push(storageObject(t, l));
    cfg.targets.push(target(t, size.luns, size.acls));
  }
  return cfg;
}

// The extra storage object that the "create one LUN" measurement links.
export const EXTRA_SO = { name: 'benchextra', plugin: 'ramdisk', size: RAMDISK_BYTES, wwn: uuid('so:benchextra') };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const size = parseSize(process.argv[2]);
    // Same layout as targetcli: 2-space indent, trailing newline.
    process.stdout.write(`${JSON.stringify(generate(size), null, 2)}\n`);
  } catch (e) {
    process.stderr.write(`gen-config: ${e.message}\n`);
    process.exit(2);
  }
}
