import type { FabricSpec } from '../../model/fabric/fabric-specs.js';
import { DEFAULT_ALUA_GROUP, portalKey, type LunConfig, type PortalConfig, type TpgConfig } from '../schema.js';
import type { PlanBuilder } from './builder.js';
import { credentialChange, fromChapKeys, isEmptyChange } from './credentials.js';
import { byKey, storageIdFromRef } from './ids.js';
import type { TpgId } from './operations.js';
import type { KeptLun } from './plan-alua.js';
import { createAcl, removeAcl, updateAcl } from './plan-acls.js';
import { changedAttributes, changedParameters } from './setting-rules.js';

export interface TpgPlanContext {
  readonly b: PlanBuilder;
  readonly spec: FabricSpec;
  /** Storage objects deleted and created again: their LUNs must follow. */
  readonly replacedStorage: ReadonlyMap<string, string>;
  /** Filled in: LUNs that exist now and survive the change. */
  readonly keptLuns: KeptLun[];
}

function createLun(b: PlanBuilder, tpg: TpgId, lun: LunConfig): void {
  const storage = storageIdFromRef(lun.storage_object);
  if (storage === undefined) return; // the parser refuses such references
  const group = lun.alua_tg_pt_gp_name;
  b.add({
    kind: 'create-lun',
    tpg,
    index: lun.index,
    storage,
    ...(lun.alias === undefined ? {} : { alias: lun.alias }),
    ...(typeof group === 'string' && group !== DEFAULT_ALUA_GROUP ? { aluaGroup: group } : {}),
  });
}

function createPortal(b: PlanBuilder, tpg: TpgId, p: PortalConfig): void {
  b.add({ kind: 'create-portal', tpg, ipAddress: p.ip_address, port: p.port });
  // A kernel that refuses iSER (no ib_isert, no RDMA) costs the flag, not the portal initiators use.
  const flags = { ...(p.iser ? { iser: true } : {}), ...(p.offload ? { offload: true } : {}) };
  if (p.iser || p.offload) b.add({ kind: 'set-portal', tpg, ipAddress: p.ip_address, port: p.port, ...flags });
}

function setEnable(ctx: TpgPlanContext, tpg: TpgId, enable: boolean): void {
  // Fabrics without an `enable` file are always enabled; rtslib dumps them as enabled.
  if (ctx.spec.tpgEnable) ctx.b.add({ kind: 'set-tpg-enable', tpg, enable });
}

export function removeTpg(ctx: TpgPlanContext, id: TpgId, tpg: TpgConfig, reason?: string): void {
  const { b } = ctx;
  for (const acl of tpg.node_acls) removeAcl(b, id, acl);
  for (const lun of tpg.luns) b.add({ kind: 'delete-lun', tpg: id, index: lun.index });
  for (const p of tpg.portals) b.add({ kind: 'delete-portal', tpg: id, ipAddress: p.ip_address, port: p.port });
  b.add({ kind: 'delete-tpg', tpg: id, ...(reason === undefined ? {} : { reason }) });
}

export function createTpg(ctx: TpgPlanContext, id: TpgId, tpg: TpgConfig, nexus: string | undefined): void {
  const { b } = ctx;
  b.add({ kind: 'create-tpg', tpg: id, ...(nexus === undefined ? {} : { nexus }) });
  const attributes = changedAttributes(tpg.attributes, undefined);
  if (attributes.length > 0) b.add({ kind: 'set-tpg-attributes', tpg: id, attributes });
  const parameters = changedParameters(tpg.parameters, undefined);
  if (parameters.length > 0) b.add({ kind: 'set-tpg-parameters', tpg: id, parameters });
  for (const lun of tpg.luns) createLun(b, id, lun);
  for (const p of tpg.portals) createPortal(b, id, p);
  for (const acl of tpg.node_acls) createAcl(b, id, acl);
  const credentials = credentialChange(fromChapKeys(tpg), undefined);
  if (!isEmptyChange(credentials)) b.add({ kind: 'set-tpg-auth', tpg: id, credentials });
  if (tpg.enable) setEnable(ctx, id, true);
}

/** Why a live LUN cannot stay as it is, or undefined. */
function lunReplacement(ctx: TpgPlanContext, have: LunConfig, want: LunConfig): string | undefined {
  if (have.storage_object !== want.storage_object) return `it now exports ${want.storage_object}`;
  if (ctx.replacedStorage.has(want.storage_object)) return `${want.storage_object} is recreated`;
  return undefined;
}

/** LUNs of a TPG in both documents; returns the live LUNs deleted (and maybe created again). */
function planLuns(ctx: TpgPlanContext, id: TpgId, have: TpgConfig, want: TpgConfig): Set<number> {
  const { b } = ctx;
  const wanted = byKey(want.luns, (l) => String(l.index));
  const removed = new Set<number>();
  for (const lun of have.luns) {
    const w = wanted.get(String(lun.index));
    const reason = w === undefined ? undefined : lunReplacement(ctx, lun, w);
    if (w !== undefined && reason === undefined) {
      const group = w.alua_tg_pt_gp_name;
      // null/absent is "no ALUA" or "not recorded": nothing to ask of the kernel.
      if (typeof group === 'string' && group !== lun.alua_tg_pt_gp_name) b.add({ kind: 'set-lun-alua-group', tpg: id, index: lun.index, aluaGroup: group });
      ctx.keptLuns.push({ tpg: id, index: lun.index, storage: w.storage_object, ...(typeof group === 'string' ? { aluaGroup: group } : {}) });
      continue;
    }
    removed.add(lun.index);
    b.add({ kind: 'delete-lun', tpg: id, index: lun.index, ...(reason === undefined ? {} : { reason }) });
    if (w !== undefined) createLun(b, id, w);
  }
  const live = new Set(have.luns.map((l) => l.index));
  for (const lun of want.luns) if (!live.has(lun.index)) createLun(b, id, lun);
  return removed;
}

function planPortals(b: PlanBuilder, id: TpgId, have: TpgConfig, want: TpgConfig): void {
  const wanted = byKey(want.portals, portalKey);
  for (const p of have.portals) {
    const w = wanted.get(portalKey(p));
    if (w === undefined) {
      b.add({ kind: 'delete-portal', tpg: id, ipAddress: p.ip_address, port: p.port });
      continue;
    }
    const change = { ...(w.iser !== p.iser ? { iser: w.iser } : {}), ...(w.offload !== p.offload ? { offload: w.offload } : {}) };
    if (Object.keys(change).length > 0) b.add({ kind: 'set-portal', tpg: id, ipAddress: p.ip_address, port: p.port, ...change });
  }
  const live = new Set(have.portals.map(portalKey));
  for (const p of want.portals) if (!live.has(portalKey(p))) createPortal(b, id, p);
}

export function updateTpg(ctx: TpgPlanContext, id: TpgId, have: TpgConfig, want: TpgConfig): void {
  const { b } = ctx;
  const attributes = changedAttributes(want.attributes, have.attributes ?? {});
  if (attributes.length > 0) b.add({ kind: 'set-tpg-attributes', tpg: id, attributes });
  const parameters = changedParameters(want.parameters, have.parameters ?? {});
  if (parameters.length > 0) b.add({ kind: 'set-tpg-parameters', tpg: id, parameters });
  const replacedLuns = planLuns(ctx, id, have, want);
  planPortals(b, id, have, want);

  const wantedAcls = byKey(want.node_acls, (a) => a.node_wwn);
  for (const acl of have.node_acls) {
    const w = wantedAcls.get(acl.node_wwn);
    if (w === undefined) removeAcl(b, id, acl);
    else updateAcl(b, id, acl, w, replacedLuns);
  }
  const liveAcls = new Set(have.node_acls.map((a) => a.node_wwn));
  for (const acl of want.node_acls) if (!liveAcls.has(acl.node_wwn)) createAcl(b, id, acl);

  const credentials = credentialChange(fromChapKeys(want), fromChapKeys(have));
  if (!isEmptyChange(credentials)) b.add({ kind: 'set-tpg-auth', tpg: id, credentials });
  if (want.enable !== have.enable) setEnable(ctx, id, want.enable);
}
