export const STORAGE_PLUGINS = ['block', 'fileio', 'pscsi', 'ramdisk', 'user'] as const;
/** Backstore kinds as targetcli names them (`/backstores/<plugin>`). */
export type StoragePlugin = (typeof STORAGE_PLUGINS)[number];

/** The kernel's backend names, used as HBA directory prefixes (`core/iblock_3`). */
export const HBA_PREFIX: Readonly<Record<StoragePlugin, string>> = {
  block: 'iblock',
  fileio: 'fileio',
  pscsi: 'pscsi',
  ramdisk: 'rd_mcp',
  user: 'user',
};

export function isStoragePlugin(name: string): name is StoragePlugin {
  return (STORAGE_PLUGINS as readonly string[]).includes(name);
}

/** The plugin of a `/backstores/<dir>` path: `fileio`, ..., and `user:<handler>` (or saveconfig's `user`) for user. */
export function backstoreDirPlugin(dir: string): StoragePlugin | undefined {
  if (dir.startsWith('user:')) return 'user';
  return isStoragePlugin(dir) ? dir : undefined;
}

/** `rd_mcp_3` → { plugin: 'ramdisk', index: 3 }; undefined for names that are not HBAs. */
export function parseHbaDir(dir: string): { plugin: StoragePlugin; index: number } | undefined {
  // Called for every LUN and storage object a listing shows; the names repeat.
  if (HBA_DIRS.has(dir)) return HBA_DIRS.get(dir);
  const parsed = parseHbaDirUncached(dir);
  if (HBA_DIRS.size < 65_536) HBA_DIRS.set(dir, parsed);
  return parsed;
}

const HBA_DIRS = new Map<string, { plugin: StoragePlugin; index: number } | undefined>();

function parseHbaDirUncached(dir: string): { plugin: StoragePlugin; index: number } | undefined {
  const m = /^([a-z_]+)_(\d+)$/.exec(dir);
  if (!m) return undefined;
  const plugin = STORAGE_PLUGINS.find((p) => HBA_PREFIX[p] === m[1]);
  return plugin === undefined ? undefined : { plugin, index: Number(m[2]) };
}

/** Files in an HBA directory that are not storage objects. */
export const HBA_FILES: ReadonlySet<string> = new Set(['hba_info', 'hba_mode']);
