import { NotFoundError } from '../../errors/index.js';
import { storageObjectRef, type LioctlSection, type SaveConfig, type TargetConfig } from '../schema.js';

/** What `restoreconfig target=... storage_object=...` limits a restore to; neither means all. */
export interface RestoreScope {
  /** A target's WWN, as written in the file (compared without regard to case). */
  readonly target?: string;
  /** A storage object's name (every plugin's object of that name, as rtslib). */
  readonly storageObject?: string;
}

const EMPTY: SaveConfig = { fabric_modules: [], storage_objects: [], targets: [] };

function isPartial(scope: RestoreScope): boolean {
  return scope.target !== undefined || scope.storageObject !== undefined;
}

function sameWwn(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** lioctl's section without the discovery credentials, which a partial restore leaves alone. */
function withoutFabricExtras(section: LioctlSection | undefined): { lioctl?: LioctlSection } {
  if (section === undefined) return {};
  const { fabric_modules: _left, ...rest } = section;
  return { lioctl: rest };
}

/**
 * The part of `doc` a restore covers. With `target`, only that target (its LUNs use live
 * storage objects); with `storage_object`, only objects of that name; with both, both.
 * A partial restore leaves discovery authentication as it is. Naming something the file
 * does not hold is an error, so a typo never looks like a successful restore.
 */
export function scopedDocument(doc: SaveConfig, scope: RestoreScope, source: string): SaveConfig {
  if (!isPartial(scope)) return doc;
  const targets = scope.target === undefined ? [] : doc.targets.filter((t) => sameWwn(t.wwn, scope.target ?? ''));
  if (scope.target !== undefined && targets.length === 0) throw new NotFoundError(`No target ${scope.target} in ${source}`);
  const storage = scope.storageObject === undefined ? [] : doc.storage_objects.filter((so) => so.name === scope.storageObject);
  if (scope.storageObject !== undefined && storage.length === 0) throw new NotFoundError(`No storage object named ${scope.storageObject} in ${source}`);
  return { fabric_modules: [], storage_objects: storage, targets, ...withoutFabricExtras(doc.lioctl) };
}

/**
 * What restoring `scoped` without clearing would collide with: rtslib refuses the whole
 * restore then, and so does lioctl, listing every collision instead of the first. Only
 * the restored part is compared (rtslib compared the whole file, so a partial restore
 * into a running system was refused for objects it was not going to touch).
 */
export function restoreConflicts(live: SaveConfig, scoped: SaveConfig): string[] {
  const liveObjects = new Set(live.storage_objects.map(storageObjectRef));
  const liveTargets = live.targets.map((t) => `${t.fabric}/${t.wwn}`);
  return [
    ...scoped.storage_objects.filter((so) => liveObjects.has(storageObjectRef(so))).map((so) => `storage object ${so.plugin}/${so.name} exists`),
    ...scoped.targets.filter((t) => liveTargets.some((l) => sameWwn(l, `${t.fabric}/${t.wwn}`))).map((t) => `${t.fabric} target ${t.wwn} exists`),
  ];
}

/** A target without the LUNs that export `refs`, and without the mapped LUNs that point at those LUNs. */
function withoutExportsOf(target: TargetConfig, refs: ReadonlySet<string>): TargetConfig {
  return {
    ...target,
    tpgs: target.tpgs.map((tpg) => {
      const gone = new Set(tpg.luns.filter((l) => refs.has(l.storage_object)).map((l) => l.index));
      return {
        ...tpg,
        luns: tpg.luns.filter((l) => !gone.has(l.index)),
        node_acls: tpg.node_acls.map((acl) => ({ ...acl, mapped_luns: acl.mapped_luns.filter((m) => !gone.has(m.tpg_lun)) })),
      };
    }),
  };
}

/**
 * The live configuration as `clear_existing` leaves it: empty, or without the named
 * target, or without the named storage objects and the LUNs exporting them (rtslib
 * deletes those with the object). Planning live → this gives the removals in order.
 */
export function clearedConfig(live: SaveConfig, scope: RestoreScope): SaveConfig {
  if (!isPartial(scope)) return EMPTY;
  const name = scope.storageObject;
  const removedObjects = new Set(live.storage_objects.filter((so) => so.name === name).map(storageObjectRef));
  const targets = live.targets.filter((t) => scope.target === undefined || !sameWwn(t.wwn, scope.target));
  return {
    ...live,
    storage_objects: live.storage_objects.filter((so) => !removedObjects.has(storageObjectRef(so))),
    targets: removedObjects.size === 0 ? targets : targets.map((t) => withoutExportsOf(t, removedObjects)),
  };
}
