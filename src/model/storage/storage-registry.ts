import type { ConfigFs } from '../../configfs/index.js';
import { ConfigFsError } from '../../configfs/index.js';
import { HBA_FILES, HBA_PREFIX, parseHbaDir, type StoragePlugin } from './plugins.js';

const MAX_HBA_ATTEMPTS = 100_000;
/** Lookups answered by probing before the index is built: a one-shot command makes one; a restore, thousands. */
const PROBES_BEFORE_SCAN = 1;

/**
 * Where each storage object lives (`plugin/name` → HBA directory), learnt with one scan of
 * `core/` (the first lookup probes instead, which is all a one-shot command needs) and
 * then kept up to date by this process's own creates and deletes. A hit is
 * always confirmed against configfs, so another process's changes cannot make us act on a
 * stale answer; a miss is rescanned only where a false "not found" would matter.
 */
export class StorageRegistry {
  private index: Map<string, string> | undefined;
  private usedHbaIndexes: Set<number> | undefined;
  private probes = 0;

  constructor(private readonly fs: ConfigFs) {}

  /** Every storage object as [hba, name], from a fresh scan. */
  scan(): Array<{ hba: string; name: string; plugin: StoragePlugin }> {
    const found: Array<{ hba: string; name: string; plugin: StoragePlugin }> = [];
    for (const { hba, plugin } of this.hbas().dirs) {
      for (const name of this.listHba(hba)) found.push({ hba, name, plugin });
    }
    this.index = new Map(found.map((f) => [key(f.plugin, f.name), f.hba]));
    return found;
  }

  /** The HBA directories of `core/` (one listing) and the indexes they take, kept for allocateHba. */
  private hbas(): { dirs: Array<{ hba: string; plugin: StoragePlugin }>; used: Set<number> } {
    const dirs: Array<{ hba: string; plugin: StoragePlugin }> = [];
    const used = new Set<number>();
    for (const hba of this.fs.list('core')) {
      const parsed = parseHbaDir(hba);
      if (!parsed) continue;
      used.add(parsed.index);
      dirs.push({ hba, plugin: parsed.plugin });
    }
    this.usedHbaIndexes = used;
    return { dirs, used };
  }

  /** HBA of `plugin/name`, confirmed to exist now; rescans on a miss when `rescan`. */
  locate(plugin: StoragePlugin, name: string, rescan: boolean): string | undefined {
    if (this.index === undefined && this.probes < PROBES_BEFORE_SCAN) {
      this.probes += 1;
      return this.probe(plugin, name);
    }
    const k = key(plugin, name);
    if (this.index === undefined) this.scan();
    const hba = this.index?.get(k);
    if (hba !== undefined && this.fs.exists(`core/${hba}/${name}`)) return hba;
    if (hba !== undefined) this.index?.delete(k);
    if (!rescan) return undefined;
    this.scan();
    return this.index?.get(k);
  }

  /**
   * The HBA holding `plugin/name`, read fresh: one stat per HBA directory of that plugin
   * instead of listing every HBA, so adding one LUN to a config of a thousand storage
   * objects does not read them all.
   */
  private probe(plugin: StoragePlugin, name: string): string | undefined {
    if (HBA_FILES.has(name)) return undefined;
    return this.hbas().dirs.find((h) => h.plugin === plugin && this.fs.exists(`core/${h.hba}/${name}`))?.hba;
  }

  /**
   * Makes a new HBA directory for `plugin`. mkdir is atomic in the kernel, so when another
   * process takes an index first we see EEXIST and move on to the next one.
   */
  allocateHba(plugin: StoragePlugin, mkdir: (path: string) => void): string {
    // Free indexes need only the HBA names, not what each holds.
    const used = this.usedHbaIndexes ?? this.hbas().used;
    let n = 0;
    for (let attempt = 0; attempt < MAX_HBA_ATTEMPTS; attempt++) {
      while (used.has(n)) n++;
      const dir = `${HBA_PREFIX[plugin]}_${n}`;
      try {
        mkdir(`core/${dir}`);
        used.add(n);
        return dir;
      } catch (err) {
        if (!(err instanceof ConfigFsError && err.errno === 'EEXIST')) throw err;
        used.add(n);
      }
    }
    throw new Error(`no free HBA index for ${plugin} after ${MAX_HBA_ATTEMPTS} attempts`);
  }

  /** After changes made past this registry (a clear): the next lookup scans again. */
  forget(): void {
    this.index = undefined;
    this.usedHbaIndexes = undefined;
  }

  added(plugin: StoragePlugin, name: string, hba: string): void {
    this.index?.set(key(plugin, name), hba);
  }

  removed(plugin: StoragePlugin, name: string, hba: string, hbaRemoved: boolean): void {
    this.index?.delete(key(plugin, name));
    const parsed = parseHbaDir(hba);
    if (hbaRemoved && parsed) this.usedHbaIndexes?.delete(parsed.index);
  }

  /** Storage object names inside one HBA directory. */
  listHba(hba: string): string[] {
    try {
      return this.fs.list(`core/${hba}`).filter((n) => !HBA_FILES.has(n));
    } catch (err) {
      if (err instanceof ConfigFsError && err.errno === 'ENOENT') return [];
      throw err;
    }
  }
}

function key(plugin: StoragePlugin, name: string): string {
  return `${plugin}/${name}`;
}
