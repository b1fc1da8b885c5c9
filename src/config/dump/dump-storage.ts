import type { StorageObject, StorageObjectInfo } from '../../model/index.js';
import { ALUA_TPG_KEYS, type AluaTpgConfig, type Attributes, type StorageObjectConfig, type StorageObjectExtras } from '../schema.js';
import { dumpAttributes, type Building } from './dump-settings.js';

function aluaTpgs(so: StorageObject): AluaTpgConfig[] {
  if (!so.supportsAlua()) return [];
  return so.aluaGroups().map((group) => {
    // Not info(): its member list is not saved, and a save reads thousands of groups.
    const settings = group.settings();
    const out: Record<string, number | string> = { name: group.name, tg_pt_gp_id: group.id() ?? 0 };
    for (const key of ALUA_TPG_KEYS) out[key] = settings[key];
    return out as AluaTpgConfig;
  });
}

/** One storage object with exactly the keys rtslib's dump() writes for its plugin. */
export function dumpStorageObject(so: StorageObject): StorageObjectConfig {
  const d = so.describe();
  const attributes = dumpAttributes(so.attributes);
  const out = withPluginKeys(so.name, aluaTpgs(so), d, attributes);
  if (attributes !== undefined) out.attributes = attributes;
  return out;
}

function withPluginKeys(name: string, alua_tpgs: AluaTpgConfig[], d: StorageObjectInfo, attributes: Attributes | undefined): Building<StorageObjectConfig> {
  // rtslib reads write_back from emulate_write_cache for both block and fileio.
  const writeBack = attributes?.emulate_write_cache === 1;
  switch (d.plugin) {
    case 'block':
      return { name, alua_tpgs, plugin: 'block', dev: d.udevPath ?? '', wwn: d.wwn ?? '', readonly: d.readOnly === true, write_back: writeBack };
    case 'fileio':
      return { name, alua_tpgs, plugin: 'fileio', dev: d.udevPath ?? '', wwn: d.wwn ?? '', size: d.size ?? 0, write_back: writeBack, aio: d.aio === true };
    case 'ramdisk': {
      const out: Building<StorageObjectConfig> = { name, alua_tpgs, plugin: 'ramdisk', wwn: d.wwn ?? '', size: d.size ?? 0 };
      if (d.nullio) out.nullio = true;
      return out;
    }
    case 'pscsi':
      return { name, alua_tpgs, plugin: 'pscsi', dev: d.udevPath ?? d.hctl ?? '' };
    case 'user': {
      const out: Building<StorageObjectConfig> = { name, alua_tpgs, plugin: 'user', wwn: d.wwn ?? '', size: d.size ?? 0, config: d.config ?? '' };
      if (d.hwMaxSectors !== undefined) out.hw_max_sectors = d.hwMaxSectors;
      if (d.control !== undefined) out.control = d.control;
      return out;
    }
  }
}

/** What targetcli loses: the INQUIRY identity, kept only when it differs from the kernel default. */
export function storageExtras(so: StorageObject, defaults: { vendor: string }): StorageObjectExtras | undefined {
  if (so.plugin === 'pscsi') return undefined;
  const id = so.identity();
  const out: { -readonly [K in keyof StorageObjectExtras]?: string } = {};
  if (id.vendorId !== defaults.vendor) out.vendor_id = id.vendorId;
  const defaultProduct = DEFAULT_PRODUCT[so.plugin];
  if (id.productId !== defaultProduct && id.productId !== so.name.slice(0, 16)) out.product_id = id.productId;
  if (id.revision !== (DEFAULT_REVISION[so.plugin] ?? '4.0')) out.revision = id.revision;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The kernel's INQUIRY product id per backend (target_core_*.c). */
const DEFAULT_PRODUCT: Readonly<Record<string, string>> = { fileio: 'FILEIO', block: 'IBLOCK', ramdisk: 'RAMDISK-MCP', user: '' };
/** The kernel's INQUIRY revision: `4.0`, but empty for TCMU, whose handler answers INQUIRY itself. */
const DEFAULT_REVISION: Readonly<Record<string, string>> = { user: '' };
