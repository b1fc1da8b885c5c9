import { ConflictError, NotFoundError } from '../../errors/index.js';
import { ConfigValidationError, type ConfigIssue } from '../config-error.js';
import {
  LIOCTL_SECTION_VERSION,
  storageObjectRef,
  tpgRef,
  type LioctlSection,
  type SaveConfig,
  type StorageObjectExtras,
  type TargetConfig,
  type TpgExtras,
} from '../schema.js';

export interface RestoreSelection {
  /** Remove what is live first: everything, or only the named target / storage object. */
  readonly clearExisting: boolean;
  /** Only this target (its WWN). */
  readonly target?: string;
  /** Only this storage object (its name, any plugin). */
  readonly storageObject?: string;
}

const targetKey = (t: Pick<TargetConfig, 'fabric' | 'wwn'>): string => `${t.fabric}/${t.wwn}`;

/**
 * What a restore selects from the file, as rtslib's restore does: everything; or with
 * `storage_object=` only that object (and no target); with `target=` only that target
 * (and no storage object).
 */
function select(file: SaveConfig, sel: RestoreSelection, source: string): SaveConfig {
  const partial = sel.target !== undefined || sel.storageObject !== undefined;
  const storage = sel.storageObject === undefined ? (partial ? [] : file.storage_objects) : file.storage_objects.filter((s) => s.name === sel.storageObject);
  const wanted = sel.target?.toLowerCase();
  const targets = wanted === undefined ? (partial ? [] : file.targets) : file.targets.filter((t) => t.wwn === wanted);
  if (sel.storageObject !== undefined && storage.length === 0) throw new NotFoundError(`No storage object named ${sel.storageObject} in ${source}`);
  if (wanted !== undefined && targets.length === 0) throw new NotFoundError(`No target ${sel.target ?? ''} in ${source}`);
  return { fabric_modules: file.fabric_modules, storage_objects: storage, targets };
}

type Discovery = Pick<SaveConfig, 'fabric_modules'> & { readonly extras: NonNullable<LioctlSection['fabric_modules']> };

function discoveryOf(doc: SaveConfig): Discovery {
  return { fabric_modules: doc.fabric_modules, extras: doc.lioctl?.fabric_modules ?? {} };
}

/**
 * Discovery authentication after the restore: the live one for a partial restore, the
 * file's after clearing everything, and otherwise the file's for each fabric it mentions
 * (rtslib applies the file's fabric settings and leaves other fabrics alone).
 */
function discoveryAfter(current: SaveConfig, file: SaveConfig, sel: RestoreSelection, partial: boolean): Discovery {
  if (partial) return discoveryOf(current);
  if (sel.clearExisting) return discoveryOf(file);
  const fromFile = discoveryOf(file);
  const mentioned = new Set([...fromFile.fabric_modules.map((f) => f.name), ...Object.keys(fromFile.extras)]);
  const live = discoveryOf(current);
  return {
    fabric_modules: [...live.fabric_modules.filter((f) => !mentioned.has(f.name)), ...fromFile.fabric_modules],
    extras: {
      ...Object.fromEntries(Object.entries(live.extras).filter(([k]) => !mentioned.has(k))),
      ...fromFile.extras,
    },
  };
}

/** lioctl's section for `doc`: entries of its objects, the file's winning over live ones. */
function sectionFor(doc: Omit<SaveConfig, 'lioctl'>, discovery: Discovery, current: SaveConfig, file: SaveConfig): LioctlSection | undefined {
  const refs = new Set(doc.storage_objects.map(storageObjectRef));
  const tpgs = new Set(doc.targets.flatMap((t) => t.tpgs.map((p) => tpgRef(t.fabric, t.wwn, p.tag))));
  const pick = <T>(key: 'storage_objects' | 'tpgs', keep: ReadonlySet<string>): Record<string, T> =>
    Object.fromEntries([current, file].flatMap((d) => Object.entries((d.lioctl?.[key] ?? {}) as Record<string, T>).filter(([k]) => keep.has(k))));
  const so = pick<StorageObjectExtras>('storage_objects', refs);
  const tp = pick<TpgExtras>('tpgs', tpgs);
  const fm = discovery.extras;
  if (Object.keys(so).length + Object.keys(tp).length + Object.keys(fm).length === 0) return undefined;
  return {
    version: LIOCTL_SECTION_VERSION,
    ...(Object.keys(so).length > 0 ? { storage_objects: so } : {}),
    ...(Object.keys(tp).length > 0 ? { tpgs: tp } : {}),
    ...(Object.keys(fm).length > 0 ? { fabric_modules: fm } : {}),
  };
}

/** Every LUN must find its storage object among those the restore leaves live. */
function checkLunReferences(doc: Omit<SaveConfig, 'lioctl'>, source: string): void {
  const refs = new Set(doc.storage_objects.map(storageObjectRef));
  const issues: ConfigIssue[] = [];
  doc.targets.forEach((t) =>
    t.tpgs.forEach((p) =>
      p.luns.forEach((l) => {
        if (!refs.has(l.storage_object)) {
          issues.push({ path: `${targetKey(t)}/tpg${p.tag}/lun${l.index}`, message: `${l.storage_object} is neither in the file's selection nor live` });
        }
      }),
    ),
  );
  if (issues.length > 0) throw new ConfigValidationError(issues, source);
}

/**
 * The configuration a restore of `file` should leave, given the live one: the planner
 * then turns `current` into it, so objects that already match are left alone even with
 * `clear_existing`. Without `clear_existing`, an object the file would create but that is
 * live already is a conflict, as in rtslib ("storageobject 'fileio:disk1' exist not
 * restoring"). Throws before anything is planned, so a refused restore changes nothing.
 */
export function restoredConfig(current: SaveConfig, file: SaveConfig, sel: RestoreSelection, source = 'the file'): SaveConfig {
  const chosen = select(file, sel, source);
  const partial = sel.target !== undefined || sel.storageObject !== undefined;
  let keep: Pick<SaveConfig, 'storage_objects' | 'targets'>;
  if (sel.clearExisting && !partial) {
    keep = { storage_objects: [], targets: [] };
  } else if (sel.clearExisting) {
    const goneSo = new Set(chosen.storage_objects.map(storageObjectRef));
    const goneT = new Set(chosen.targets.map(targetKey));
    keep = {
      storage_objects: current.storage_objects.filter((s) => !goneSo.has(storageObjectRef(s))),
      targets: current.targets.filter((t) => !goneT.has(targetKey(t))),
    };
  } else {
    for (const so of chosen.storage_objects) {
      if (current.storage_objects.some((s) => storageObjectRef(s) === storageObjectRef(so))) {
        throw new ConflictError(`storage object ${so.plugin}/${so.name} exists; not restoring`, { hint: 'use clear_existing=true to replace it' });
      }
    }
    for (const t of chosen.targets) {
      if (current.targets.some((c) => c.wwn === t.wwn)) {
        throw new ConflictError(`target ${t.wwn} exists; not restoring`, { hint: 'use clear_existing=true to replace it' });
      }
    }
    keep = current;
  }
  const discovery = discoveryAfter(current, file, sel, partial);
  const doc = {
    fabric_modules: discovery.fabric_modules,
    storage_objects: [...keep.storage_objects, ...chosen.storage_objects],
    targets: [...keep.targets, ...chosen.targets],
  };
  checkLunReferences(doc, source);
  const lioctl = sectionFor(doc, discovery, current, file);
  return lioctl === undefined ? doc : { ...doc, lioctl };
}
