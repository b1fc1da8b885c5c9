import type { LioRoot, NodeAcl, StorageObject, Target, Tpg } from '../../model/index.js';
import type { StorageId, TpgId } from '../plan/operations.js';

/**
 * Model handles for the objects operations name. Each lookup checks that the object
 * exists, so an operation on a missing one fails with the model's "No ..." message that
 * names it, rather than with a bare errno from configfs.
 */
export function storageObject(lio: LioRoot, id: StorageId): StorageObject {
  return lio.storageObject(id.plugin, id.name);
}

export function target(lio: LioRoot, fabric: string, wwn: string): Target {
  return lio.fabric(fabric).target(wwn);
}

export function tpg(lio: LioRoot, id: TpgId): Tpg {
  return target(lio, id.fabric, id.wwn).tpg(id.tag);
}

export function nodeAcl(lio: LioRoot, id: TpgId, nodeWwn: string): NodeAcl {
  return tpg(lio, id).nodeAcl(nodeWwn);
}
