import { parseLun, validateName } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { storageObjectRef, type LunConfig } from '../schema.js';
import { kindOf, optional, type ParseContext } from './context.js';
import { readPluginName } from './storage-objects.js';
import { listItems, readLinkName, readObject, readRequired } from './values.js';

const KNOWN = ['index', 'storage_object', 'alias', 'alua_tg_pt_gp_name'];
const SO_PATH = /^\/backstores\/([^/]+)\/([^/]+)$/;
const SO_FORM = 'expected "/backstores/<plugin>/<name>"';

/** A LUN or mapped LUN number: rtslib writes integers; the validators also take `lun3` text. */
export function readLunNumber(ctx: ParseContext, path: JsonPath, value: unknown, parse: (v: string | number) => number): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return ctx.error(path, `expected an integer, got ${kindOf(value)}`);
  return ctx.validated(path, () => parse(value));
}

/** Normalises the reference (older `iblock`/`rd_mcp` spellings become `block`/`ramdisk`). */
function readStorageRef(ctx: ParseContext, path: JsonPath, value: unknown): string | undefined {
  if (typeof value !== 'string') return ctx.error(path, `${SO_FORM}, got ${kindOf(value)}`);
  const match = SO_PATH.exec(value.trim());
  if (match?.[1] === undefined || match[2] === undefined) return ctx.error(path, SO_FORM);
  const plugin = readPluginName(ctx, path, match[1]);
  const rawName = match[2];
  const name = ctx.validated(path, () => validateName(rawName));
  if (plugin === undefined || name === undefined) return undefined;
  return storageObjectRef({ plugin, name });
}

function readGroupName(ctx: ParseContext, path: JsonPath, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') return ctx.error(path, `expected an ALUA group name or null, got ${kindOf(value)}`);
  return ctx.validated(path, () => validateName(value, 'ALUA group'));
}

function readLun(ctx: ParseContext, path: JsonPath, value: unknown): LunConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, KNOWN);
  const at = (key: string): JsonPath => childPath(path, key);
  const rawIndex = readRequired(ctx, at('index'), obj['index']);
  const index = rawIndex === undefined ? undefined : readLunNumber(ctx, at('index'), rawIndex, parseLun);
  const rawRef = readRequired(ctx, at('storage_object'), obj['storage_object']);
  const ref = rawRef === undefined ? undefined : readStorageRef(ctx, at('storage_object'), rawRef);
  const alias = obj['alias'] === undefined || obj['alias'] === null ? undefined : readLinkName(ctx, at('alias'), obj['alias']);
  const group = readGroupName(ctx, at('alua_tg_pt_gp_name'), obj['alua_tg_pt_gp_name']);
  if (index === undefined || ref === undefined) return undefined;
  const groupKey = group === undefined ? {} : { alua_tg_pt_gp_name: group };
  return { index, storage_object: ref, ...optional('alias', alias), ...groupKey };
}

export function readLuns(ctx: ParseContext, path: JsonPath, value: unknown): LunConfig[] {
  const out: LunConfig[] = [];
  const seen = new Set<number>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const lun = readLun(ctx, at, item);
    if (lun === undefined) continue;
    if (seen.has(lun.index)) {
      ctx.error(childPath(at, 'index'), `duplicate LUN ${lun.index}`);
      continue;
    }
    seen.add(lun.index);
    out.push(lun);
  }
  return out;
}
