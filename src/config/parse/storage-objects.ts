import { parseSize, validateName } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { STORAGE_PLUGIN_NAMES, storageObjectRef, type AluaTpgConfig, type Attributes, type StorageObjectConfig, type StoragePluginName } from '../schema.js';
import { kindOf, optional, type ParseContext } from './context.js';
import { readAluaGroups } from './alua-groups.js';
import { readDevicePath, readSerial, readUserConfig } from './storage-fields.js';
import { readAttributes } from './settings.js';
import { listItems, readInteger, readObject, readOptionalBool, readRequired, readText } from './values.js';

/** Older rtslib spellings of the plugin, still accepted by its restore (`so_mapping`). */
export const PLUGIN_ALIASES: Readonly<Record<string, StoragePluginName>> = { iblock: 'block', rd_mcp: 'ramdisk' };

const COMMON_KEYS = ['name', 'plugin', 'attributes', 'alua_tpgs'];
const PLUGIN_KEYS: Readonly<Record<StoragePluginName, readonly string[]>> = {
  block: ['dev', 'wwn', 'readonly', 'write_back', 'exclusive'],
  fileio: ['dev', 'wwn', 'size', 'write_back', 'aio'],
  pscsi: ['dev'],
  ramdisk: ['wwn', 'size', 'nullio'],
  user: ['wwn', 'size', 'config', 'hw_max_sectors', 'control'],
};
/** Keys rtslib's restore drops before calling the constructor: older dumps carry them. */
const LEGACY_KEYS = ['exists', 'buffered_mode'];

export function readPluginName(ctx: ParseContext, path: JsonPath, value: unknown): StoragePluginName | undefined {
  if (typeof value !== 'string') return ctx.error(path, `expected one of ${STORAGE_PLUGIN_NAMES.join(', ')}, got ${kindOf(value)}`);
  const plugin = PLUGIN_ALIASES[value] ?? value;
  if ((STORAGE_PLUGIN_NAMES as readonly string[]).includes(plugin)) return plugin as StoragePluginName;
  return ctx.error(path, `unknown plugin '${value}'; expected one of ${STORAGE_PLUGIN_NAMES.join(', ')}`);
}

function readSize(ctx: ParseContext, path: JsonPath, value: unknown, required: boolean): number | undefined {
  if (value === undefined) return required ? ctx.error(path, 'missing') : undefined;
  // Hand-written files may say "10G"; rtslib itself always writes bytes.
  if (typeof value !== 'number' && typeof value !== 'string') return ctx.error(path, `expected a size in bytes, got ${kindOf(value)}`);
  return ctx.validated(path, () => parseSize(value));
}

/**
 * A fileio size of 0 is what some dumps hold for a file: the file's own size is used, as
 * targetcli's create does for an existing file (a missing file still needs a size).
 */
function readFileioSize(ctx: ParseContext, path: JsonPath, value: unknown): number | undefined {
  if (value !== 0 && value !== '0') return readSize(ctx, path, value, false);
  ctx.warn(path, "size 0; the file's own size is used");
  return undefined;
}

function readStorageObject(ctx: ParseContext, path: JsonPath, value: unknown): StorageObjectConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  const at = (key: string): JsonPath => childPath(path, key);
  const plugin = readPluginName(ctx, at('plugin'), readRequired(ctx, at('plugin'), obj['plugin']));
  const rawName = readText(ctx, at('name'), readRequired(ctx, at('name'), obj['name']));
  const name = rawName === undefined ? undefined : ctx.validated(at('name'), () => validateName(rawName));
  if (plugin === undefined) return undefined;
  ctx.checkKeys(path, obj, [...COMMON_KEYS, ...PLUGIN_KEYS[plugin]], { legacy: LEGACY_KEYS });

  const attributes = readAttributes(ctx, at('attributes'), obj['attributes']);
  const alua_tpgs = readAluaGroups(ctx, at('alua_tpgs'), obj['alua_tpgs'], plugin);
  const wwn = plugin === 'pscsi' ? undefined : readSerial(ctx, at('wwn'), obj['wwn']);
  const bool = (key: string): boolean | undefined => readOptionalBool(ctx, at(key), obj[key]);
  // An unusable name still leaves the other keys worth checking; '' stands in until the end.
  const common = { name: name ?? '', alua_tpgs, ...optional('attributes', attributes) };
  const so = readPluginKeys(ctx, path, obj, plugin, common, wwn, bool);
  return name === undefined ? undefined : so;
}

function readPluginKeys(
  ctx: ParseContext,
  path: JsonPath,
  obj: Readonly<Record<string, unknown>>,
  plugin: StoragePluginName,
  common: { readonly name: string; readonly alua_tpgs: readonly AluaTpgConfig[]; readonly attributes?: Attributes },
  wwn: string | undefined,
  bool: (key: string) => boolean | undefined,
): StorageObjectConfig | undefined {
  const at = (key: string): JsonPath => childPath(path, key);

  switch (plugin) {
    case 'block': {
      const dev = readDevicePath(ctx, at('dev'), obj['dev'], 'block');
      const flags = { ...optional('readonly', bool('readonly')), ...optional('write_back', bool('write_back')), ...optional('exclusive', bool('exclusive')) };
      return dev === undefined ? undefined : { plugin, ...common, dev, ...optional('wwn', wwn), ...flags };
    }
    case 'fileio': {
      const dev = readDevicePath(ctx, at('dev'), obj['dev'], 'fileio');
      const size = readFileioSize(ctx, at('size'), obj['size']);
      const flags = { ...optional('write_back', bool('write_back')), ...optional('aio', bool('aio')) };
      return dev === undefined ? undefined : { plugin, ...common, dev, ...optional('wwn', wwn), ...optional('size', size), ...flags };
    }
    case 'pscsi': {
      const dev = readDevicePath(ctx, at('dev'), obj['dev'], 'pscsi');
      return dev === undefined ? undefined : { plugin, ...common, dev };
    }
    case 'ramdisk': {
      const size = readSize(ctx, at('size'), obj['size'], true);
      // rtslib writes nullio only when true; false is kept absent so documents compare equal.
      const nullio = bool('nullio') === true ? { nullio: true } : {};
      return size === undefined ? undefined : { plugin, ...common, ...optional('wwn', wwn), size, ...nullio };
    }
    case 'user': {
      const size = readSize(ctx, at('size'), obj['size'], true);
      const config = readUserConfig(ctx, at('config'), obj['config']);
      const hw = obj['hw_max_sectors'] === undefined ? undefined : readInteger(ctx, at('hw_max_sectors'), obj['hw_max_sectors'], { min: 1, max: 0xffff_ffff });
      const control = obj['control'] === undefined ? undefined : readText(ctx, at('control'), obj['control'], { allowEmpty: true });
      if (size === undefined || config === undefined) return undefined;
      return { plugin, ...common, ...optional('wwn', wwn), size, config, ...optional('hw_max_sectors', hw), ...optional('control', control) };
    }
  }
}

export function readStorageObjects(ctx: ParseContext, path: JsonPath, value: unknown): StorageObjectConfig[] {
  const out: StorageObjectConfig[] = [];
  const seen = new Set<string>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const so = readStorageObject(ctx, at, item);
    if (so === undefined) continue;
    const ref = storageObjectRef(so);
    if (seen.has(ref)) {
      ctx.error(childPath(at, 'name'), `duplicate storage object ${so.plugin}/${so.name}`);
      continue;
    }
    seen.add(ref);
    out.push(so);
  }
  return out;
}
