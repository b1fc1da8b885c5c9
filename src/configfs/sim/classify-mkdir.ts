import { PLUGINS, SIM_FABRICS, type ObjectKind } from './sim-state.js';

/** The kind of object a mkdir creates, or the errno the kernel answers with. */
export type MkdirVerdict = { readonly kind: ObjectKind; readonly template: string } | { readonly errno: string };

export interface ParentInfo {
  /** Kind of the object owning the parent directory. */
  readonly ownerKind: ObjectKind | undefined;
  /** Path of the parent relative to its owner object ("" when the parent is the object). */
  readonly relToOwner: string;
  /** The fabric directory this path lives under, if any. */
  readonly fabric: string | undefined;
  /** Ownerless default directories: "core". */
  readonly path: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function validPortal(name: string): boolean {
  const m = /^(\[([0-9a-fA-F:.]+)\]|([0-9.]+)):(\d+)$/.exec(name);
  if (!m) return false;
  const port = Number(m[4]);
  if (port > 65535) return false;
  if (m[3] !== undefined) {
    const v4 = IPV4.exec(m[3]);
    return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
  }
  return (m[2] ?? '').includes(':');
}

function u16Suffix(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const digits = name.slice(prefix.length);
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return n <= 65535 ? n : undefined;
}

/** Fabric-specific WWN checks the kernel makes on target mkdir (iSCSI checks only length). */
function targetNameOk(fabric: string, name: string): boolean {
  if (fabric === 'iscsi') return Buffer.byteLength(name) < 224;
  return /^(naa|fc|iqn)\./.test(name);
}

export function classifyMkdir(parent: ParentInfo, name: string): MkdirVerdict {
  const { ownerKind, relToOwner } = parent;
  if (parent.path === '') {
    return name in SIM_FABRICS ? { kind: 'fabric', template: `fabric:${name}` } : { errno: 'EINVAL' };
  }
  if (parent.path === 'core') {
    const m = /^([a-z_]+)_(\d+)$/.exec(name);
    if (!m || !(PLUGINS as readonly string[]).includes(m[1] ?? '')) return { errno: 'EINVAL' };
    return { kind: 'hba', template: `hba:${m[1]}` };
  }
  if (ownerKind === 'hba' && relToOwner === '') return { kind: 'device', template: '' };
  if (ownerKind === 'device' && relToOwner === 'alua') return { kind: 'alua-group', template: 'alua-group' };
  const fabric = parent.fabric ?? '';
  if (ownerKind === 'fabric' && relToOwner === '') {
    return targetNameOk(fabric, name) ? { kind: 'target', template: `target:${fabric}` } : { errno: 'EINVAL' };
  }
  if (ownerKind === 'target' && relToOwner === '') {
    const tag = u16Suffix(name, 'tpgt_');
    if (tag === undefined || (fabric === 'loopback' && tag >= 32)) return { errno: 'EINVAL' };
    return { kind: 'tpg', template: `tpg:${fabric}` };
  }
  if (ownerKind === 'tpg' && relToOwner === 'lun') {
    return /^lun_\d+$/.test(name) ? { kind: 'lun', template: 'lun:iscsi' } : { errno: 'EINVAL' };
  }
  if (ownerKind === 'tpg' && relToOwner === 'np') {
    if (fabric !== 'iscsi') return { errno: 'EPERM' };
    return validPortal(name) ? { kind: 'portal', template: 'portal:iscsi' } : { errno: 'EINVAL' };
  }
  if (ownerKind === 'tpg' && relToOwner === 'acls') {
    if (fabric === 'loopback') return { errno: 'EPERM' };
    return { kind: 'acl', template: `acl:${fabric}` };
  }
  if (ownerKind === 'acl' && relToOwner === '') {
    return /^lun_\d+$/.test(name) ? { kind: 'mapped-lun', template: 'mapped-lun:iscsi' } : { errno: 'EINVAL' };
  }
  return { errno: 'EPERM' };
}
