import type { MappedLunConfig, NodeAclConfig } from '../schema.js';
import type { PlanBuilder } from './builder.js';
import { credentialChange, fromChapKeys, isEmptyChange } from './credentials.js';
import { byKey } from './ids.js';
import type { TpgId } from './operations.js';
import { NEW_OBJECT, changedAttributes } from './setting-rules.js';

function createMappedLun(b: PlanBuilder, tpg: TpgId, nodeWwn: string, m: MappedLunConfig): void {
  b.add({
    kind: 'create-mapped-lun',
    tpg,
    nodeWwn,
    index: m.index,
    tpgLun: m.tpg_lun,
    writeProtect: m.write_protect,
    ...(m.alias === undefined ? {} : { alias: m.alias }),
  });
}

/**
 * Mapped LUNs are only ever removed here and in updateAcl, never on behalf of the LUN
 * they point at: every mapped LUN whose LUN goes either goes with its ACL, or is missing
 * from (or points elsewhere in) the desired ACL, which the parser guarantees.
 */
export function removeAcl(b: PlanBuilder, tpg: TpgId, acl: NodeAclConfig): void {
  for (const m of acl.mapped_luns) b.add({ kind: 'delete-mapped-lun', tpg, nodeWwn: acl.node_wwn, index: m.index });
  b.add({ kind: 'delete-node-acl', tpg, nodeWwn: acl.node_wwn });
}

export function createAcl(b: PlanBuilder, tpg: TpgId, acl: NodeAclConfig): void {
  const nodeWwn = acl.node_wwn;
  b.add({ kind: 'create-node-acl', tpg, nodeWwn });
  const attributes = changedAttributes(acl.attributes, undefined, NEW_OBJECT);
  if (attributes.length > 0) b.add({ kind: 'set-node-acl-attributes', tpg, nodeWwn, attributes });
  if (acl.tag !== undefined) b.add({ kind: 'set-node-acl-tag', tpg, nodeWwn, tag: acl.tag });
  for (const m of acl.mapped_luns) createMappedLun(b, tpg, nodeWwn, m);
  const credentials = credentialChange(fromChapKeys(acl), undefined);
  if (!isEmptyChange(credentials)) b.add({ kind: 'set-node-acl-auth', tpg, nodeWwn, credentials });
}

/**
 * An ACL in both documents. `replacedLuns` are TPG LUNs deleted and created again: a
 * mapped LUN pointing at one must go before it and come back after.
 */
export function updateAcl(b: PlanBuilder, tpg: TpgId, have: NodeAclConfig, want: NodeAclConfig, replacedLuns: ReadonlySet<number>): void {
  const nodeWwn = want.node_wwn;
  const attributes = changedAttributes(want.attributes, have.attributes ?? {}, b.lacking('attribute', `${tpg.fabric} acl`));
  if (attributes.length > 0) b.add({ kind: 'set-node-acl-attributes', tpg, nodeWwn, attributes });
  if ((want.tag ?? null) !== (have.tag ?? null)) b.add({ kind: 'set-node-acl-tag', tpg, nodeWwn, tag: want.tag ?? null });

  const wanted = byKey(want.mapped_luns, (m) => String(m.index));
  for (const m of have.mapped_luns) {
    const w = wanted.get(String(m.index));
    if (w === undefined) {
      b.add({ kind: 'delete-mapped-lun', tpg, nodeWwn, index: m.index });
    } else if (w.tpg_lun !== m.tpg_lun) {
      b.add({ kind: 'delete-mapped-lun', tpg, nodeWwn, index: m.index, reason: `it now maps LUN ${w.tpg_lun} instead of ${m.tpg_lun}` });
      createMappedLun(b, tpg, nodeWwn, w);
    } else if (replacedLuns.has(m.tpg_lun)) {
      b.add({ kind: 'delete-mapped-lun', tpg, nodeWwn, index: m.index, reason: `LUN ${m.tpg_lun} is recreated` });
      createMappedLun(b, tpg, nodeWwn, w);
    } else if (w.write_protect !== m.write_protect) {
      b.add({ kind: 'set-mapped-lun-write-protect', tpg, nodeWwn, index: m.index, writeProtect: w.write_protect });
    }
  }
  const live = new Set(have.mapped_luns.map((m) => m.index));
  for (const m of want.mapped_luns) if (!live.has(m.index)) createMappedLun(b, tpg, nodeWwn, m);

  const credentials = credentialChange(fromChapKeys(want), fromChapKeys(have));
  if (!isEmptyChange(credentials)) b.add({ kind: 'set-node-acl-auth', tpg, nodeWwn, credentials });
}
