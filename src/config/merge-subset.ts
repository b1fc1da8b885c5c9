import { NotFoundError } from '../errors/index.js';
import { parseConfigText } from './parse-config.js';
import { PLUGIN_ALIASES } from './parse/storage-objects.js';
import { LIOCTL_SECTION, LIOCTL_SECTION_VERSION, storageObjectRef, type SaveConfig, type StoragePluginName } from './schema.js';

/** What a partial save writes: storage objects (by name, optionally of one plugin) and/or targets (by WWN). */
export interface SubsetSelection {
  readonly storageObject?: { readonly name: string; readonly plugin?: StoragePluginName };
  readonly target?: string;
}

export interface MergedSubset {
  /** The whole file to write: the saved document with the selected objects replaced by their live state. */
  readonly document: Record<string, unknown>;
  /** `/backstores/<plugin>/<name>` of each storage object written (or removed, when no longer live). */
  readonly storageObjects: readonly string[];
  /** `<fabric>/<wwn>` of each target written (or removed). */
  readonly targets: readonly string[];
}

type Json = Record<string, unknown>;

const rawSoRef = (so: Json): string => `/backstores/${PLUGIN_ALIASES[String(so['plugin'])] ?? String(so['plugin'])}/${String(so['name'])}`;
const rawTargetKey = (t: Json): string => `${String(t['fabric'])}/${String(t['wwn']).toLowerCase()}`;

function rawLunRefs(t: Json): string[] {
  const tpgs = Array.isArray(t['tpgs']) ? (t['tpgs'] as Json[]) : [];
  return tpgs.flatMap((p) => (Array.isArray(p['luns']) ? (p['luns'] as Json[]) : []).map((l) => String(l['storage_object'])));
}

/**
 * Replaces, in `list`, the entries whose key is in `keys` by the live ones: the first
 * saved entry keeps its place, a live object the file lacks is appended, and a saved
 * object that is no longer live is dropped.
 */
function mergeList(list: readonly Json[], live: readonly Json[], keyOf: (o: Json) => string, keys: ReadonlySet<string>): Json[] {
  const liveByKey = new Map(live.filter((o) => keys.has(keyOf(o))).map((o) => [keyOf(o), o]));
  const placed = new Set<string>();
  const out: Json[] = [];
  for (const entry of list) {
    const key = keyOf(entry);
    if (!keys.has(key)) out.push(entry);
    else if (!placed.has(key) && liveByKey.has(key)) {
      out.push(liveByKey.get(key) as Json);
      placed.add(key);
    }
  }
  for (const [key, o] of liveByKey) if (!placed.has(key)) out.push(o);
  return out;
}

/** lioctl's section: the selected objects' entries replaced by the live ones, the rest kept. */
function mergeSection(saved: unknown, live: SaveConfig, soRefs: ReadonlySet<string>, targets: ReadonlySet<string>): Json | undefined {
  const section: Json = typeof saved === 'object' && saved !== null ? { ...(saved as Json) } : { version: LIOCTL_SECTION_VERSION };
  const replace = (key: 'storage_objects' | 'tpgs', selected: (k: string) => boolean): void => {
    const kept = Object.entries((section[key] ?? {}) as Json).filter(([k]) => !selected(k));
    const fresh = Object.entries(live.lioctl?.[key] ?? {}).filter(([k]) => selected(k));
    const merged = Object.fromEntries([...kept, ...fresh]);
    if (Object.keys(merged).length > 0) section[key] = merged;
    else delete section[key];
  };
  replace('storage_objects', (ref) => soRefs.has(ref));
  // TPG keys are `<fabric>/<wwn>/tpgt_<tag>`.
  replace('tpgs', (ref) => targets.has(ref.slice(0, ref.lastIndexOf('/'))));
  return Object.keys(section).some((k) => k !== 'version') ? section : undefined;
}

/** Refuses (ConfigValidationError) a file a partial save would have to rewrite blind. */
export function checkMergeable(savedText: string, source: string): void {
  parseConfigText(savedText, { source, unknownKeys: 'warn', checkReferences: false });
}

/**
 * A partial save, as targetcli's storage-object `saveconfig` and `delete save=true` do:
 * the file on disk keeps everything else, and the selected objects are written as they
 * are live (or removed from the file when they are gone). Unlike rtslib, which takes only
 * the first target using a storage object, every target using it (live or in the file)
 * is written, so the file never keeps a LUN whose storage object it lost; and a storage
 * object a written target uses is added when the file lacks it.
 * `savedText` undefined means there is no file yet. A file that does not validate is
 * refused (ConfigValidationError) rather than rewritten, since it would be lost.
 */
export function mergeSubset(savedText: string | undefined, live: SaveConfig, selection: SubsetSelection, source: string): MergedSubset {
  if (savedText !== undefined) checkMergeable(savedText, source);
  const saved = (savedText === undefined ? { storage_objects: [], targets: [] } : JSON.parse(savedText)) as Json;
  const savedSos = (saved['storage_objects'] ?? []) as Json[];
  const savedTargets = (saved['targets'] ?? []) as Json[];
  const liveSos = live.storage_objects as unknown as Json[];
  const liveTargets = live.targets as unknown as Json[];

  const soRefs = new Set<string>();
  const wanted = selection.storageObject;
  if (wanted !== undefined) {
    const matches = (ref: string): boolean => ref.endsWith(`/${wanted.name}`) && (wanted.plugin === undefined || ref === `/backstores/${wanted.plugin}/${wanted.name}`);
    for (const ref of [...live.storage_objects.map(storageObjectRef), ...savedSos.map(rawSoRef)]) if (matches(ref)) soRefs.add(ref);
  }
  const targets = new Set<string>();
  const wwn = selection.target?.toLowerCase();
  for (const t of [...liveTargets, ...savedTargets]) {
    if (String(t['wwn']).toLowerCase() === wwn || rawLunRefs(t).some((r) => soRefs.has(r))) targets.add(rawTargetKey(t));
  }
  // A written target's LUNs must find their storage objects in the file: those it lacks are written too.
  const inFile = new Set(savedSos.map(rawSoRef));
  for (const t of liveTargets) {
    if (targets.has(rawTargetKey(t))) for (const ref of rawLunRefs(t)) if (!inFile.has(ref)) soRefs.add(ref);
  }
  if (soRefs.size === 0 && targets.size === 0) {
    const what = wanted !== undefined ? `storage object ${wanted.plugin === undefined ? '' : `${wanted.plugin}/`}${wanted.name}` : `target ${selection.target ?? ''}`;
    throw new NotFoundError(`No ${what}, neither live nor in ${source}`);
  }

  const document: Json = {
    ...saved,
    storage_objects: mergeList(savedSos, liveSos, rawSoRef, soRefs),
    targets: mergeList(savedTargets, liveTargets, rawTargetKey, targets),
  };
  const section = mergeSection(saved[LIOCTL_SECTION], live, soRefs, targets);
  if (section === undefined) delete document[LIOCTL_SECTION];
  else document[LIOCTL_SECTION] = section;
  return { document, storageObjects: [...soRefs].sort(), targets: [...targets].sort() };
}
