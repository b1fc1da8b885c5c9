import { MAX_ALUA_GROUP_ID, validateName } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { ALUA_TPG_KEYS, DEFAULT_ALUA_GROUP, type AluaTpgConfig, type AluaTpgKey } from '../schema.js';
import type { ParseContext } from './context.js';
import { listItems, readInteger, readObject, readRequired, readText } from './values.js';

const KNOWN = ['name', 'tg_pt_gp_id', ...ALUA_TPG_KEYS];

// The kernel's ALUA files take u32 text; delays are bounded lower down by the kernel itself.
const SETTING_RANGE = { min: 0, max: 0xffff_ffff };

function readGroup(ctx: ParseContext, path: JsonPath, value: unknown): AluaTpgConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, KNOWN);
  const namePath = childPath(path, 'name');
  const text = readText(ctx, namePath, readRequired(ctx, namePath, obj['name']));
  const name = text === undefined ? undefined : ctx.validated(namePath, () => validateName(text, 'ALUA group'));
  const isDefault = name === DEFAULT_ALUA_GROUP;
  const idPath = childPath(path, 'tg_pt_gp_id');
  const rawId = readRequired(ctx, idPath, obj['tg_pt_gp_id']);
  const id = rawId === undefined ? undefined : readInteger(ctx, idPath, rawId, isDefault ? { min: 0, max: 0 } : { min: 1, max: MAX_ALUA_GROUP_ID });
  const settings: Partial<Record<AluaTpgKey, number>> = {};
  for (const key of ALUA_TPG_KEYS) {
    const v = obj[key];
    // rtslib writes null when the kernel file could not be read; nothing to restore then.
    if (v === undefined || v === null) continue;
    const n = readInteger(ctx, childPath(path, key), v, SETTING_RANGE);
    if (n !== undefined) settings[key] = n;
  }
  if (name === undefined || id === undefined) return undefined;
  return { name, tg_pt_gp_id: id, ...settings };
}

export function readAluaGroups(ctx: ParseContext, path: JsonPath, value: unknown, plugin: string): AluaTpgConfig[] {
  const groups: AluaTpgConfig[] = [];
  const names = new Set<string>();
  const ids = new Map<number, string>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const group = readGroup(ctx, at, item);
    if (group === undefined) continue;
    if (names.has(group.name)) {
      ctx.error(childPath(at, 'name'), `duplicate ALUA group '${group.name}'`);
      continue;
    }
    const sameId = ids.get(group.tg_pt_gp_id);
    if (sameId !== undefined) {
      ctx.error(childPath(at, 'tg_pt_gp_id'), `id ${group.tg_pt_gp_id} is already used by ALUA group '${sameId}'`);
      continue;
    }
    names.add(group.name);
    ids.set(group.tg_pt_gp_id, group.name);
    groups.push(group);
  }
  if (plugin === 'pscsi' && groups.length > 0) {
    ctx.error(path, 'pscsi storage objects have no ALUA groups (the device implements ALUA itself)');
  }
  return groups;
}
