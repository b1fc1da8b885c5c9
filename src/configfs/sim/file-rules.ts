import type { DeviceState, ObjectKind } from './sim-state.js';

/** What file rules may ask of the simulator. */
export interface SimContext {
  kindOf(objectPath: string): ObjectKind | undefined;
  device(devicePath: string): DeviceState | undefined;
  /** Number of LUN links pointing at the device. */
  exportCount(devicePath: string): number;
  /** Device linked by a LUN, if any. */
  lunDevice(lunPath: string): string | undefined;
  /** Stored content of a file, without computing. */
  stored(path: string): string | undefined;
  store(path: string, content: string): void;
  exists(path: string): boolean;
  /** LUN paths whose ALUA group is `groupPath`. */
  aluaMembers(groupPath: string): string[];
  /** Name of the ALUA group a LUN belongs to. */
  lunAluaGroup(lunPath: string): string;
  setLunAluaGroup(lunPath: string, group: string): void;
  /** Every simulated device, by path. */
  devices(): Iterable<readonly [string, DeviceState]>;
  /** Content of a file of the imitated kernel's recorded tree of `kind`. */
  templateValue(kind: string, path: string): string | undefined;
  /** Names in a directory ([] when it does not exist). */
  listDir(path: string): string[];
  /** The value read from the object's nexus (loopback/vhost), if set. */
  /** Whether the host serves iSER (ib_isert loads), as the host the fixtures come from did. */
  iserAvailable(): boolean;
}

/** Result of a write rule: the content to store, or the errno to fail with. */
export type WriteVerdict = { readonly store: string } | { readonly errno: string } | { readonly handled: true };

const chomp = (v: string): string => v.replace(/\n$/, '');
const isInt = (v: string): boolean => /^\s*-?\d+\s*$/.test(v);
const line = (v: string): string => (v === '' ? '' : `${v}\n`);

/** Device attributes the kernel refuses once the device is exported (export_count > 0). */
const FROZEN_WHEN_EXPORTED = new Set([
  'attrib/block_size',
  'attrib/queue_depth',
  'attrib/optimal_sectors',
  'attrib/emulate_model_alias',
  'attrib/emulate_tas',
  'attrib/emulate_ua_intlck_ctrl',
  'attrib/pi_prot_type',
  'attrib/pi_prot_format',
  'attrib/force_pr_aptpl',
  'attrib/unmap_zeroes_data',
  'wwn/vendor_id',
  'wwn/product_id',
  'wwn/revision',
  'wwn/vpd_unit_serial',
  'wwn/company_id',
  'pr/res_aptpl_metadata',
]);

const FLAG_ATTRS = new Set([
  'emulate_model_alias',
  'emulate_dpo',
  'emulate_fua_write',
  'emulate_fua_read',
  'emulate_write_cache',
  'emulate_ua_intlck_ctrl',
  'emulate_tas',
  'emulate_tpu',
  'emulate_tpws',
  'emulate_caw',
  'emulate_3pc',
  'emulate_pr',
  'enforce_pr_isids',
  'is_nonrot',
  'force_pr_aptpl',
  'unmap_zeroes_data',
]);

const NEEDS_UNMAP = new Set(['emulate_tpu', 'emulate_tpws', 'unmap_zeroes_data']);
const INQUIRY_LIMITS: Readonly<Record<string, number>> = { 'wwn/vendor_id': 8, 'wwn/product_id': 16, 'wwn/revision': 4 };

/** Whether a device has what its backend needs before `enable=1`. */
function configured(dev: DeviceState): boolean {
  const c = dev.control;
  switch (dev.plugin) {
    case 'fileio':
      // A block device sizes itself; a regular file needs fd_dev_size.
      return c.fd_dev_name !== undefined && (c.fd_dev_size !== undefined || isBlockDevicePath(c.fd_dev_name));
    case 'iblock':
      return c.udev_path !== undefined;
    case 'rd_mcp':
      return Number(c.rd_pages ?? 0) > 0;
    case 'pscsi':
      return c.scsi_host_id !== undefined || c.udev_path !== undefined;
    default:
      return c.dev_config !== undefined && c.dev_size !== undefined;
  }
}

function deviceWrite(ctx: SimContext, dev: string, rel: string, value: string): WriteVerdict {
  const state = ctx.device(dev);
  if (!state) return { errno: 'ENODEV' };
  const v = chomp(value);
  const exported = ctx.exportCount(dev) > 0;
  if (rel === 'control') {
    for (const pair of v.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) state.control[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    return { handled: true };
  }
  if (rel === 'enable') {
    if (v !== '1') return { errno: 'EINVAL' };
    if (state.enabled) return { errno: 'EEXIST' };
    if (!configured(state)) return { errno: 'EINVAL' };
    if (state.plugin === 'iblock' && claimedElsewhere(ctx, dev, state.control.udev_path)) return { errno: 'EBUSY' };
    state.enabled = true;
    applyEnabledDefaults(ctx, dev, state.plugin);
    return { store: '1\n' };
  }
  if (exported && FROZEN_WHEN_EXPORTED.has(rel)) return { errno: 'EINVAL' };
  if (rel === 'udev_path' || rel === 'alias' || rel === 'lba_map' || rel === 'alua_lu_gp') return { store: line(v) };
  if (rel.startsWith('wwn/')) {
    const limit = INQUIRY_LIMITS[rel];
    if (limit !== undefined && v.length > limit) return { errno: 'EOVERFLOW' };
    if (rel === 'wwn/vpd_unit_serial') return { store: `T10 VPD Unit Serial Number: ${v}\n` };
    return { store: `${v}\n` };
  }
  if (rel === 'pr/res_aptpl_metadata') return { handled: true };
  if (rel.startsWith('attrib/')) return attribWrite(ctx, dev, state, rel.slice('attrib/'.length), v);
  return { store: line(v) };
}

/** The simulator has no real devices: a path under /dev/ stands for a block device. */
function isBlockDevicePath(path: string): boolean {
  return path.startsWith('/dev/');
}

/** iblock opens its device exclusively: a second enabled iblock object on it gets EBUSY. */
function claimedElsewhere(ctx: SimContext, dev: string, udevPath: string | undefined): boolean {
  if (udevPath === undefined) return false;
  for (const [path, other] of ctx.devices()) {
    if (path !== dev && other.plugin === 'iblock' && other.enabled && other.control.udev_path === udevPath) return true;
  }
  return false;
}

function attribWrite(ctx: SimContext, dev: string, state: DeviceState, name: string, v: string): WriteVerdict {
  if (name === 'alua_support' || name === 'pgr_support') {
    return state.plugin === 'user' ? { store: `${v}\n` } : { errno: 'ENOSYS' };
  }
  if (!isInt(v)) return { errno: 'EINVAL' };
  const n = Number(v);
  if (FLAG_ATTRS.has(name) && n !== 0 && n !== 1) return { errno: 'EINVAL' };
  // iblock reports the device's own write cache and refuses to emulate one.
  if (name === 'emulate_write_cache' && n === 1 && state.plugin === 'iblock') return { errno: 'EINVAL' };
  if (name === 'block_size' && ![512, 1024, 2048, 4096].includes(n)) return { errno: 'EINVAL' };
  if (name === 'emulate_rest_reord' && n !== 0) return { errno: 'ENOSYS' };
  if (name === 'pi_prot_type') {
    if (![0, 1, 2, 3].includes(n)) return { errno: 'EINVAL' };
    if (n === 2) return { errno: 'ENOSYS' };
  }
  if (NEEDS_UNMAP.has(name) && n === 1) {
    const descs = Number(ctx.stored(`${dev}/attrib/max_unmap_block_desc_count`) ?? '0');
    if (descs === 0) return { errno: 'ENOSYS' };
  }
  return { store: `${n}\n` };
}

/** On enable the kernel takes geometry from the backend: copy what the fixture recorded. */
function applyEnabledDefaults(ctx: SimContext, dev: string, plugin: string): void {
  for (const file of ['block_size', 'hw_block_size', 'hw_max_sectors', 'hw_queue_depth', 'queue_depth', 'optimal_sectors', 'max_unmap_block_desc_count', 'max_unmap_lba_count', 'max_write_same_len', 'unmap_granularity', 'is_nonrot']) {
    const value = ctx.templateValue(`device:${plugin}:enabled`, `attrib/${file}`);
    if (value !== undefined && ctx.exists(`${dev}/attrib/${file}`)) ctx.store(`${dev}/attrib/${file}`, value);
  }
  ctx.store(`${dev}/alua_lu_gp`, 'LU Group Alias: default_lu_gp\nLU Group ID: 0\n');
  if (plugin === 'user') applyUserGeometry(ctx, dev);
}

/**
 * TCMU takes its geometry from the control tuples written before enable (target_core_user's
 * tcmu_configure_device): hw_max_sectors (128 unless given), and attrib/dev_config and
 * dev_size read back what control set.
 */
function applyUserGeometry(ctx: SimContext, dev: string): void {
  const c = ctx.device(dev)?.control ?? {};
  const attrib = (file: string, value: string | undefined): void => {
    if (value !== undefined && ctx.exists(`${dev}/attrib/${file}`)) ctx.store(`${dev}/attrib/${file}`, `${value}\n`);
  };
  const hwMax = chomp(ctx.stored(`${dev}/attrib/hw_max_sectors`) ?? '0');
  attrib('hw_max_sectors', c.hw_max_sectors ?? (hwMax === '0' ? '128' : undefined));
  attrib('dev_config', c.dev_config);
  attrib('dev_size', c.dev_size);
}

const ALUA_STATES: Readonly<Record<string, string>> = {
  '0': 'Active/Optimized',
  '1': 'Active/NonOptimized',
  '2': 'Standby',
  '3': 'Unavailable',
  '4': 'LBA Dependent',
  '14': 'Offline',
  '15': 'Transitioning',
};
const ALUA_TYPES = ['None', 'Implicit', 'Explicit', 'Implicit and Explicit'];
const ALUA_STATUSES = ['None', 'Altered by Explicit STPG', 'Altered by Implicit ALUA'];

function aluaGroupWrite(ctx: SimContext, group: string, rel: string, value: string): WriteVerdict {
  const v = chomp(value).trim();
  if (rel === 'tg_pt_gp_id') {
    if (!isInt(v) || Number(v) < 0 || Number(v) > 65535) return { errno: 'EINVAL' };
    // The id is set once, and is unique among the device's groups.
    if (chomp(ctx.stored(`${group}/tg_pt_gp_id`) ?? '') !== '') return { errno: 'EINVAL' };
    const alua = group.slice(0, group.lastIndexOf('/'));
    const taken = ctx.listDir(alua).some((g) => `${alua}/${g}` !== group && chomp(ctx.stored(`${alua}/${g}/tg_pt_gp_id`) ?? '') === String(Number(v)));
    if (taken) return { errno: 'EINVAL' };
    return { store: `${Number(v)}\n` };
  }
  if (rel === 'alua_access_type') {
    const t = ALUA_TYPES[Number(v)];
    return isInt(v) && t !== undefined ? { store: `${t}\n` } : { errno: 'EINVAL' };
  }
  if (rel === 'alua_access_status') {
    const s = ALUA_STATUSES[Number(v)];
    return isInt(v) && s !== undefined ? { store: `${s}\n` } : { errno: 'EINVAL' };
  }
  if (rel === 'alua_access_state') {
    if (!isInt(v) || ALUA_STATES[String(Number(v))] === undefined) return { errno: 'EINVAL' };
    ctx.store(`${group}/alua_access_status`, 'Altered by Implicit ALUA\n');
    return { store: `${Number(v)}\n` };
  }
  if (!isInt(v)) return { errno: 'EINVAL' };
  return { store: `${Number(v)}\n` };
}

function lunWrite(ctx: SimContext, lun: string, rel: string, value: string): WriteVerdict {
  const dev = ctx.lunDevice(lun);
  if (!dev) return { errno: 'ENODEV' };
  const v = chomp(value).trim();
  if (rel === 'alua_tg_pt_gp') {
    if (!ctx.exists(`${dev}/alua/${v}`)) return { errno: 'ENODEV' };
    ctx.setLunAluaGroup(lun, v);
    return { handled: true };
  }
  if (!isInt(v)) return { errno: 'EINVAL' };
  return { store: `${Number(v)}\n` };
}

const YES_NO_PARAMS = new Set(['DataPDUInOrder', 'DataSequenceInOrder', 'IFMarker', 'OFMarker', 'ImmediateData', 'InitialR2T']);
const NUMERIC_PARAMS = new Set([
  'MaxConnections',
  'MaxRecvDataSegmentLength',
  'MaxXmitDataSegmentLength',
  'MaxBurstLength',
  'FirstBurstLength',
  'DefaultTime2Wait',
  'DefaultTime2Retain',
  'MaxOutstandingR2T',
  'ErrorRecoveryLevel',
]);

/**
 * Since 6.x a TPG has `rtpi`, its relative target port id: 0 until the TPG is first
 * enabled, then the lowest id no other TPG holds (unless one was written before).
 */
function assignRtpi(ctx: SimContext, tpg: string): void {
  const own = `${tpg}/rtpi`;
  if (!ctx.exists(own) || Number(chomp(ctx.stored(own) ?? '0')) !== 0) return;
  const taken = new Set<number>();
  for (const fabric of ['iscsi', 'loopback', 'vhost']) {
    for (const target of ctx.listDir(fabric)) {
      for (const other of ctx.listDir(`${fabric}/${target}`)) {
        const rtpi = ctx.stored(`${fabric}/${target}/${other}/rtpi`);
        if (rtpi !== undefined) taken.add(Number(chomp(rtpi)));
      }
    }
  }
  let id = 1;
  while (taken.has(id)) id += 1;
  ctx.store(own, `0x${id.toString(16)}\n`);
}

function tpgWrite(ctx: SimContext, tpg: string, rel: string, value: string): WriteVerdict {
  const v = chomp(value);
  if (rel === 'enable') {
    if (v !== '0' && v !== '1') return { errno: 'EINVAL' };
    if (v === '1') assignRtpi(ctx, tpg);
    return { store: `${v}\n` };
  }
  if (rel === 'rtpi') {
    const n = Number(v);
    if (!/^\s*(0x[0-9a-f]+|\d+)\s*$/i.test(v) || n === 0 || n > 0xffff || chomp(ctx.stored(`${tpg}/enable`) ?? '0') === '1') return { errno: 'EINVAL' };
    return { store: `0x${n.toString(16)}\n` };
  }
  if (rel.startsWith('attrib/')) {
    if (!isInt(v)) return { errno: 'EINVAL' };
    const n = Number(v);
    const name = rel.slice('attrib/'.length);
    const flags = ['authentication', 'generate_node_acls', 'cache_dynamic_acls', 'demo_mode_write_protect', 'prod_mode_write_protect', 'demo_mode_discovery', 'tpg_enabled_sendtargets', 'login_keys_workaround', 't10_pi'];
    if (flags.includes(name) && n !== 0 && n !== 1) return { errno: 'EINVAL' };
    return { store: `${n}\n` };
  }
  if (rel.startsWith('param/')) {
    const name = rel.slice('param/'.length);
    if (NUMERIC_PARAMS.has(name) && !/^\d+$/.test(v)) return { errno: 'EINVAL' };
    if (YES_NO_PARAMS.has(name) && v !== 'Yes' && v !== 'No') return { errno: 'EINVAL' };
    if (name.endsWith('Digest') && !v.split(',').every((d) => d === 'CRC32C' || d === 'None')) return { errno: 'EINVAL' };
    if (name === 'AuthMethod' && !v.split(',').every((d) => d === 'CHAP' || d === 'None')) return { errno: 'EINVAL' };
    return { store: `${v}\n` };
  }
  return { store: `${v}\n` };
}

/** Validates a write to `rel` inside the object at `owner`, and says what to store. */
export function ruleForWrite(ctx: SimContext, owner: string, kind: ObjectKind, rel: string, value: string): WriteVerdict {
  const v = chomp(value);
  if (rel.startsWith('auth/') || rel.startsWith('discovery_auth/')) {
    if (rel.endsWith('enforce_discovery_auth')) return v === '0' || v === '1' ? { store: `${v}\n` } : { errno: 'EINVAL' };
    // The kernel's buffer is 256 bytes with the terminator; it counts the bytes written.
    return Buffer.byteLength(value) > 255 ? { errno: 'EINVAL' } : { store: `${v}\n` };
  }
  switch (kind) {
    case 'device':
      return deviceWrite(ctx, owner, rel, value);
    case 'alua-group':
      return aluaGroupWrite(ctx, owner, rel, value);
    case 'lun':
      return lunWrite(ctx, owner, rel, value);
    case 'tpg':
      if (rel === 'nexus') {
        if (ctx.stored(`${owner}/nexus`) !== undefined) return { errno: 'EEXIST' };
        return /^(naa|fc|iqn)\./.test(v) ? { store: `${v}\n` } : { errno: 'EINVAL' };
      }
      return tpgWrite(ctx, owner, rel, value);
    case 'mapped-lun':
      if (rel === 'write_protect') {
        if (!ctx.exists(owner) || !hasLink(ctx, owner)) return { errno: 'ENODEV' };
        return v === '0' || v === '1' ? { store: `${v}\n` } : { errno: 'EINVAL' };
      }
      return { store: `${v}\n` };
    case 'acl':
      if (rel === 'tag') return { store: v };
      if (!isInt(v)) return { errno: 'EINVAL' };
      return { store: `${Number(v)}\n` };
    case 'portal':
      // Without ib_isert the kernel cannot make the RDMA listener: EINVAL (test/kernel/model/accept.test.ts).
      if (rel === 'iser' && v === '1' && !ctx.iserAvailable()) return { errno: 'EINVAL' };
      return v === '0' || v === '1' ? { store: `${v}\n` } : { errno: 'EINVAL' };
    default:
      return isInt(v) || rel === 'dbroot' || rel === 'cpus_allowed_list' ? { store: `${v}\n` } : { errno: 'EINVAL' };
  }
}

function hasLink(ctx: SimContext, mappedLun: string): boolean {
  return ctx.stored(`${mappedLun}/write_protect`) !== '';
}

/** Files whose content the kernel computes on every read; undefined = read what is stored. */
export function computedRead(ctx: SimContext, owner: string, kind: ObjectKind, rel: string): string | undefined {
  if (rel === 'auth/authenticate_target' || rel === 'discovery_auth/authenticate_target') {
    const base = rel.slice(0, rel.indexOf('/'));
    const set = (f: string): boolean => {
      const v = chomp(ctx.stored(`${owner}/${base}/${f}`) ?? '');
      return v !== '' && v !== 'NULL';
    };
    return set('userid_mutual') && set('password_mutual') ? '1\n' : '0\n';
  }
  if (kind === 'device') return deviceRead(ctx, owner, rel);
  if (kind === 'alua-group' && rel === 'members') {
    return ctx.aluaMembers(owner).map((m) => `${m}\n\0`).join('');
  }
  if (kind === 'lun' && rel === 'alua_tg_pt_gp') {
    const dev = ctx.lunDevice(owner);
    if (!dev) return undefined;
    const group = `${dev}/alua/${ctx.lunAluaGroup(owner)}`;
    const state = chomp(ctx.stored(`${group}/alua_access_state`) ?? '0');
    return [
      `TG Port Alias: ${ctx.lunAluaGroup(owner)}`,
      `TG Port Group ID: ${chomp(ctx.stored(`${group}/tg_pt_gp_id`) ?? '0')}`,
      `TG Port Primary Access State: ${ALUA_STATES[state] ?? state}`,
      `TG Port Primary Access Status: ${chomp(ctx.stored(`${group}/alua_access_status`) ?? 'None')}`,
      'TG Port Secondary Access State: None',
      'TG Port Secondary Access Status: None',
      '',
    ].join('\n');
  }
  return undefined;
}

function deviceRead(ctx: SimContext, dev: string, rel: string): string | undefined {
  const state = ctx.device(dev);
  if (!state) return undefined;
  const exported = ctx.exportCount(dev);
  if (rel === 'statistics/scsi_dev/ports') return `${exported}\n`;
  if (rel === 'statistics/scsi_lu/status') return exported > 0 ? 'available\n' : 'notavailable\n';
  if (rel === 'statistics/scsi_tgt_dev/status') return exported > 0 ? 'activated' : 'deactivated';
  if (rel === 'statistics/scsi_tgt_dev/non_access_lus') return exported > 0 ? '0\n' : '1\n';
  if (rel.startsWith('alua/') && rel.endsWith('/members')) {
    return ctx.aluaMembers(`${dev}/${rel.slice(0, -'/members'.length)}`).map((m) => `${m}\n\0`).join('');
  }
  if (rel !== 'info') return undefined;
  const c = state.control;
  const status = exported > 0 ? 'ACTIVATED' : 'DEACTIVATED';
  // A user (TCMU) device has no attrib/block_size: the kernel reports its hw_block_size.
  const blockSize = chomp(ctx.stored(`${dev}/attrib/block_size`) ?? ctx.stored(`${dev}/attrib/hw_block_size`) ?? '0');
  const hwMax = chomp(ctx.stored(`${dev}/attrib/hw_max_sectors`) ?? '0');
  const head = `Status: ${status}  Max Queue Depth: 0  SectorSize: ${blockSize}  HwMaxSectors: ${hwMax}\n`;
  switch (state.plugin) {
    case 'fileio': {
      const mode = c.fd_buffered_io === '1' ? 'Buffered-WCE' : 'O_DSYNC';
      const size = state.enabled ? (c.fd_dev_size ?? '0') : '0';
      return `${head}        TCM FILEIO ID: 0        File: ${state.enabled ? (c.fd_dev_name ?? '') : ''}  Size: ${size}  Mode: ${mode} Async: ${c.fd_async_io === '1' ? 1 : 0}\n`;
    }
    case 'iblock': {
      const udev = c.udev_path ?? '';
      const dev0 = state.enabled ? `iBlock device: ${udev.slice(udev.lastIndexOf('/') + 1)}  UDEV PATH: ${udev}  ` : '  ';
      const claimed = state.enabled ? '  CLAIMED: IBLOCK' : '';
      return `${head}        ${dev0}readonly: ${c.readonly ?? '0'}\n        Major: 0 Minor: 0${claimed}\n`;
    }
    case 'rd_mcp': {
      const pages = state.enabled ? Number(c.rd_pages ?? 0) : 0;
      return `${head}        TCM RamDisk ID: 0  RamDisk Makeup: rd_mcp\n        PAGES/PAGE_SIZE: ${pages}*4096  SG_table_count: ${pages === 0 ? 0 : Math.ceil(pages / 2048) + 1}  nullio: ${c.rd_nullio ?? '0'} dummy: 0\n`;
    }
    case 'user': {
      const cfg = c.dev_config ?? 'NULL';
      return `${head}        Config: ${cfg} Size: ${c.dev_size ?? '0'} MaxDataAreaMB: ${c.max_data_area_mb ?? '1024'} DataPagesPerBlk: 1 CmdRingSizeMB: 8\n`;
    }
    default:
      return `${head}        SCSI Device Bus Location: Channel ID: ${c.scsi_channel_id ?? 0} Target ID: ${c.scsi_target_id ?? 0} LUN: ${c.scsi_lun_id ?? 0} Host ID: ${c.scsi_host_id ?? 0}\n`;
  }
}
