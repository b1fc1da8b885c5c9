import type { ChapChange } from '../../../src/model/chap.js';
import type { PlanOperation, TpgId } from '../../../src/config/plan/operations.js';
import {
  DEFAULT_ALUA_GROUP,
  storageObjectRef,
  tpgRef,
  type AluaTpgConfig,
  type MappedLunConfig,
  type NodeAclConfig,
  type SaveConfig,
  type StorageObjectConfig,
  type TargetConfig,
  type TpgConfig,
} from '../../../src/config/schema.js';

/**
 * Applies plan operations to a document the way the kernel would let them apply, so
 * tests can check that a plan is executable in its order and reaches the desired state.
 * A step the kernel would refuse (a LUN on a missing storage object, removing a TPG that
 * still has LUNs, ...) throws.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };
type Doc = Mutable<SaveConfig>;
type Tpg = Mutable<TpgConfig>;

export interface Discovery {
  enforce: boolean;
  creds: Record<string, string>;
}

export interface State {
  doc: Doc;
  nexus: Map<string, string>;
  identity: Map<string, Record<string, string>>;
  discovery: Map<string, Discovery>;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function fail(op: PlanOperation, why: string): never {
  throw new Error(`${op.kind}: ${why}`);
}

const CHAP_FILE: Record<keyof ChapChange, string> = { userid: 'userid', password: 'password', mutualUserid: 'mutual_userid', mutualPassword: 'mutual_password' };

function applyCreds(target: Record<string, string>, change: ChapChange, prefix: string): void {
  for (const [field, name] of Object.entries(CHAP_FILE) as Array<[keyof ChapChange, string]>) {
    const v = change[field];
    if (v === undefined) continue;
    if (v === '') delete target[prefix + name];
    else target[prefix + name] = v;
  }
}

export function discoveryOf(doc: SaveConfig, fabric: string): Discovery {
  const fm = doc.fabric_modules.find((f) => f.name === fabric);
  const raw: Readonly<Record<string, unknown>> = { ...(fm ?? doc.lioctl?.fabric_modules?.[fabric] ?? {}) };
  const creds: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (k.startsWith('discovery_') && k !== 'discovery_enable_auth' && typeof v === 'string') creds[k] = v;
  return { enforce: fm?.discovery_enable_auth ?? false, creds };
}

export function stateOf(doc: SaveConfig): State {
  const nexus = new Map(Object.entries(doc.lioctl?.tpgs ?? {}).flatMap(([k, v]) => (v.nexus === undefined ? [] : [[k, v.nexus] as const])));
  const identity = new Map(Object.entries(doc.lioctl?.storage_objects ?? {}).map(([k, v]) => [k, { ...v } as Record<string, string>]));
  const discovery = new Map<string, Discovery>();
  for (const name of ['iscsi']) discovery.set(name, discoveryOf(doc, name));
  const state = { doc: clone(doc) as Doc, nexus, identity, discovery };
  // Every live object but pscsi has the default group, whatever a test document says.
  for (const s of state.doc.storage_objects) {
    if (s.plugin !== 'pscsi' && !s.alua_tpgs.some((g) => g.name === DEFAULT_ALUA_GROUP)) s.alua_tpgs.unshift({ name: DEFAULT_ALUA_GROUP, tg_pt_gp_id: 0 });
  }
  return state;
}

function so(state: State, op: PlanOperation, ref: string): Mutable<StorageObjectConfig> {
  return state.doc.storage_objects.find((s) => storageObjectRef(s) === ref) ?? fail(op, `no storage object ${ref}`);
}

function target(state: State, fabric: string, wwn: string): Mutable<TargetConfig> | undefined {
  return state.doc.targets.find((t) => t.fabric === fabric && t.wwn === wwn);
}

function tpg(state: State, op: PlanOperation, id: TpgId): Tpg {
  const t = target(state, id.fabric, id.wwn) ?? fail(op, `no target ${id.fabric}/${id.wwn}`);
  return t.tpgs.find((x) => x.tag === id.tag) ?? fail(op, `no TPG ${id.tag}`);
}

function acl(t: Tpg, op: PlanOperation, wwn: string): Mutable<NodeAclConfig> {
  return t.node_acls.find((a) => a.node_wwn === wwn) ?? fail(op, `no ACL ${wwn}`);
}

function isExported(state: State, ref: string): boolean {
  return state.doc.targets.some((t) => t.tpgs.some((p) => p.luns.some((l) => l.storage_object === ref)));
}

function setAll(obj: Record<string, unknown>, key: string, list: readonly (readonly [string, unknown])[]): void {
  const map = (obj[key] ?? {}) as Record<string, unknown>;
  for (const [k, v] of list) map[k] = v;
  obj[key] = map;
}

function remove<T>(list: T[], pred: (t: T) => boolean, op: PlanOperation, what: string): void {
  const i = list.findIndex(pred);
  if (i < 0) fail(op, `no ${what}`);
  list.splice(i, 1);
}

let generated = 0;

/** Applies one operation; `locked` collects export-locked writes the kernel would refuse. */
export function apply(state: State, op: PlanOperation, locked: string[] = []): void {
  const { doc } = state;
  switch (op.kind) {
    case 'delete-mapped-lun':
      return remove(acl(tpg(state, op, op.tpg), op, op.nodeWwn).mapped_luns, (m) => m.index === op.index, op, 'mapped LUN');
    case 'delete-lun': {
      const t = tpg(state, op, op.tpg);
      if (t.node_acls.some((a) => a.mapped_luns.some((m) => m.tpg_lun === op.index))) fail(op, 'mapped LUNs still point at it');
      return remove(t.luns, (l) => l.index === op.index, op, 'LUN');
    }
    case 'delete-node-acl': {
      const t = tpg(state, op, op.tpg);
      if (acl(t, op, op.nodeWwn).mapped_luns.length > 0) fail(op, 'the ACL still has mapped LUNs');
      return remove(t.node_acls, (a) => a.node_wwn === op.nodeWwn, op, 'ACL');
    }
    case 'delete-portal':
      return remove(tpg(state, op, op.tpg).portals, (p) => p.ip_address === op.ipAddress && p.port === op.port, op, 'portal');
    case 'delete-tpg': {
      const t = tpg(state, op, op.tpg);
      if (t.luns.length + t.portals.length + t.node_acls.length > 0) fail(op, 'the TPG is not empty');
      state.nexus.delete(tpgRef(op.tpg.fabric, op.tpg.wwn, op.tpg.tag));
      const parent = target(state, op.tpg.fabric, op.tpg.wwn);
      return remove(parent?.tpgs ?? [], (x) => x.tag === op.tpg.tag, op, 'TPG');
    }
    case 'delete-target':
      if ((target(state, op.fabric, op.wwn)?.tpgs.length ?? 0) > 0) fail(op, 'the target still has TPGs');
      return remove(doc.targets, (t) => t.fabric === op.fabric && t.wwn === op.wwn, op, 'target');
    case 'delete-alua-group': {
      const ref = storageObjectRef(op.storage);
      return remove(so(state, op, ref).alua_tpgs, (g) => g.name === op.name, op, 'ALUA group');
    }
    case 'delete-storage-object': {
      const ref = storageObjectRef(op.storage);
      if (isExported(state, ref)) fail(op, 'LUNs still export it');
      if (so(state, op, ref).alua_tpgs.some((g) => g.name !== DEFAULT_ALUA_GROUP)) fail(op, 'it still has ALUA groups');
      state.identity.delete(ref);
      return remove(doc.storage_objects, (s) => storageObjectRef(s) === ref, op, 'storage object');
    }
    case 'create-storage-object': {
      const ref = storageObjectRef(op.config);
      if (doc.storage_objects.some((s) => storageObjectRef(s) === ref)) fail(op, 'exists');
      const { attributes: _a, alua_tpgs: _g, ...rest } = clone(op.config);
      const fresh = { ...rest, alua_tpgs: op.config.plugin === 'pscsi' ? [] : [{ name: DEFAULT_ALUA_GROUP, tg_pt_gp_id: 0 }] };
      doc.storage_objects.push(fresh as Mutable<StorageObjectConfig>);
      return;
    }
    case 'set-storage-identity': {
      const ref = storageObjectRef(op.storage);
      so(state, op, ref);
      if (isExported(state, ref)) locked.push(...Object.keys(op.identity));
      state.identity.set(ref, { ...state.identity.get(ref), ...(op.identity as Record<string, string>) });
      return;
    }
    case 'set-storage-attributes': {
      const ref = storageObjectRef(op.storage);
      if (isExported(state, ref)) locked.push(...op.attributes.map(([n]) => n));
      return setAll(so(state, op, ref) as unknown as Record<string, unknown>, 'attributes', op.attributes);
    }
    case 'create-alua-group': {
      const s = so(state, op, storageObjectRef(op.storage));
      if (s.alua_tpgs.some((g) => g.name === op.group.name)) fail(op, 'group exists');
      s.alua_tpgs.push(clone(op.group) as Mutable<AluaTpgConfig>);
      return;
    }
    case 'set-alua-group': {
      const g = so(state, op, storageObjectRef(op.storage)).alua_tpgs.find((x) => x.name === op.name) ?? fail(op, 'no group');
      for (const [k, v] of op.settings) (g as Record<string, unknown>)[k] = v;
      return;
    }
    case 'create-target':
      if (target(state, op.fabric, op.wwn) !== undefined) fail(op, 'exists');
      doc.targets.push({ fabric: op.fabric, wwn: op.wwn, tpgs: [] });
      return;
    case 'set-target-parameters':
      return setAll((target(state, op.fabric, op.wwn) ?? fail(op, 'no target')) as unknown as Record<string, unknown>, 'parameters', op.parameters);
    case 'create-tpg': {
      const t = target(state, op.tpg.fabric, op.tpg.wwn) ?? fail(op, 'no target');
      if (t.tpgs.some((x) => x.tag === op.tpg.tag)) fail(op, 'exists');
      t.tpgs.push({ tag: op.tpg.tag, enable: op.tpg.fabric !== 'iscsi', luns: [], portals: [], node_acls: [] });
      if (op.tpg.fabric === 'loopback' || op.tpg.fabric === 'vhost') {
        state.nexus.set(tpgRef(op.tpg.fabric, op.tpg.wwn, op.tpg.tag), op.nexus ?? `naa.5001405${(generated++).toString(16).padStart(9, '0')}`);
      }
      return;
    }
    case 'set-tpg-attributes':
      return setAll(tpg(state, op, op.tpg) as unknown as Record<string, unknown>, 'attributes', op.attributes);
    case 'set-tpg-parameters':
      return setAll(tpg(state, op, op.tpg) as unknown as Record<string, unknown>, 'parameters', op.parameters);
    case 'create-lun': {
      const t = tpg(state, op, op.tpg);
      if (t.luns.some((l) => l.index === op.index)) fail(op, 'LUN exists');
      const ref = storageObjectRef(op.storage);
      const s = so(state, op, ref);
      if (op.aluaGroup !== undefined && !s.alua_tpgs.some((g) => g.name === op.aluaGroup)) fail(op, `no ALUA group ${op.aluaGroup}`);
      const group = s.plugin === 'pscsi' ? null : (op.aluaGroup ?? DEFAULT_ALUA_GROUP);
      t.luns.push({ index: op.index, storage_object: ref, alias: op.alias ?? 'generated', alua_tg_pt_gp_name: group });
      return;
    }
    case 'set-lun-alua-group': {
      const lun = tpg(state, op, op.tpg).luns.find((l) => l.index === op.index) ?? fail(op, 'no LUN');
      const s = so(state, op, lun.storage_object);
      if (op.aluaGroup !== DEFAULT_ALUA_GROUP && !s.alua_tpgs.some((g) => g.name === op.aluaGroup)) fail(op, `no ALUA group ${op.aluaGroup}`);
      lun.alua_tg_pt_gp_name = op.aluaGroup;
      return;
    }
    case 'create-portal': {
      const t = tpg(state, op, op.tpg);
      if (t.portals.some((p) => p.ip_address === op.ipAddress && p.port === op.port)) fail(op, 'portal exists');
      t.portals.push({ ip_address: op.ipAddress, port: op.port, iser: false, offload: false });
      return;
    }
    case 'set-portal': {
      const p = tpg(state, op, op.tpg).portals.find((x) => x.ip_address === op.ipAddress && x.port === op.port) ?? fail(op, 'no portal');
      if (op.iser !== undefined) p.iser = op.iser;
      if (op.offload !== undefined) p.offload = op.offload;
      return;
    }
    case 'create-node-acl': {
      const t = tpg(state, op, op.tpg);
      if (t.node_acls.some((a) => a.node_wwn === op.nodeWwn)) fail(op, 'ACL exists');
      t.node_acls.push({ node_wwn: op.nodeWwn, mapped_luns: [] });
      return;
    }
    case 'set-node-acl-attributes':
      return setAll(acl(tpg(state, op, op.tpg), op, op.nodeWwn) as unknown as Record<string, unknown>, 'attributes', op.attributes);
    case 'set-node-acl-tag': {
      const a = acl(tpg(state, op, op.tpg), op, op.nodeWwn);
      if (op.tag === null) delete a.tag;
      else a.tag = op.tag;
      return;
    }
    case 'create-mapped-lun': {
      const t = tpg(state, op, op.tpg);
      const a = acl(t, op, op.nodeWwn);
      if (!t.luns.some((l) => l.index === op.tpgLun)) fail(op, `no TPG LUN ${op.tpgLun}`);
      if (a.mapped_luns.some((m) => m.index === op.index)) fail(op, 'mapped LUN exists');
      const m: Mutable<MappedLunConfig> = { index: op.index, tpg_lun: op.tpgLun, write_protect: op.writeProtect, alias: op.alias ?? 'generated' };
      a.mapped_luns.push(m);
      return;
    }
    case 'set-mapped-lun-write-protect': {
      const m = acl(tpg(state, op, op.tpg), op, op.nodeWwn).mapped_luns.find((x) => x.index === op.index) ?? fail(op, 'no mapped LUN');
      m.write_protect = op.writeProtect;
      return;
    }
    case 'set-tpg-auth':
      return applyCreds(tpg(state, op, op.tpg) as unknown as Record<string, string>, op.credentials, 'chap_');
    case 'set-node-acl-auth':
      return applyCreds(acl(tpg(state, op, op.tpg), op, op.nodeWwn) as unknown as Record<string, string>, op.credentials, 'chap_');
    case 'set-discovery-auth': {
      const d = state.discovery.get(op.fabric) ?? { enforce: false, creds: {} };
      applyCreds(d.creds, op.credentials, 'discovery_');
      d.enforce = op.enforce;
      state.discovery.set(op.fabric, d);
      return;
    }
    case 'set-tpg-enable':
      tpg(state, op, op.tpg).enable = op.enable;
      return;
  }
}
