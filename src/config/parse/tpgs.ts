import { hasFeature, type FabricSpec } from '../../model/fabric/fabric-specs.js';
import { parseLun, parseTpgTag } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { CHAP_KEYS, type TpgConfig } from '../schema.js';
import { isRecord, kindOf, optional, type ParseContext } from './context.js';
import { MAN_PAGE_CHAP_KEYS, hasAnyKey, readChapKeys } from './credentials.js';
import { readLuns } from './luns.js';
import { readNodeAcls } from './node-acls.js';
import { readPortals } from './portals.js';
import { readAttributes, readParameters } from './settings.js';
import { listItems, readBool, readObject, readRequired } from './values.js';

const TPG_KEYS = ['tag', 'enable', 'attributes', 'parameters', 'luns', 'portals', 'node_acls', ...CHAP_KEYS];

function readTag(ctx: ParseContext, path: JsonPath, value: unknown, spec: FabricSpec): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return ctx.error(path, `expected a TPG tag, got ${kindOf(value)}`);
  const tag = ctx.validated(path, () => parseTpgTag(value));
  if (tag !== undefined && tag > spec.maxTpgTag) return ctx.error(path, `${spec.name} TPG tags go up to ${spec.maxTpgTag}`);
  return tag;
}

/**
 * LUN numbers the document declares, even for LUNs refused for another reason, so a
 * mapped LUN is not reported as dangling because its LUN has a bad reference.
 */
function declaredLunIndexes(value: unknown): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(value)) return out;
  for (const item of value) {
    const index: unknown = isRecord(item) ? item['index'] : undefined;
    if (typeof index !== 'number' && typeof index !== 'string') continue;
    try {
      out.add(parseLun(index));
    } catch {
      // reported where the LUN itself is read
    }
  }
  return out;
}

/** Lists the fabric cannot have must be empty (rtslib still writes them, as []). */
function requireEmpty(ctx: ParseContext, path: JsonPath, value: unknown, what: string, spec: FabricSpec): void {
  if (Array.isArray(value) && value.length > 0) ctx.error(path, `${spec.name} targets have no ${what}`);
}

function readTpg(ctx: ParseContext, path: JsonPath, value: unknown, spec: FabricSpec): TpgConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, TPG_KEYS, { renamed: MAN_PAGE_CHAP_KEYS });
  const at = (key: string): JsonPath => childPath(path, key);
  const rawTag = readRequired(ctx, at('tag'), obj['tag']);
  const tag = rawTag === undefined ? undefined : readTag(ctx, at('tag'), rawTag, spec);
  // rtslib's restore: `tpg.get('enable', True)`.
  const enable = obj['enable'] === undefined ? true : readBool(ctx, at('enable'), obj['enable']);
  if (enable === false && !spec.tpgEnable) ctx.warn(at('enable'), `${spec.name} TPGs are always enabled; false is ignored`);
  const attributes = readAttributes(ctx, at('attributes'), obj['attributes']);
  const parameters = readParameters(ctx, at('parameters'), obj['parameters']);
  const luns = readLuns(ctx, at('luns'), obj['luns']);

  if (!hasFeature(spec, 'nps')) requireEmpty(ctx, at('portals'), obj['portals'], 'network portals', spec);
  const portals = hasFeature(spec, 'nps') ? readPortals(ctx, at('portals'), obj['portals']) : [];
  if (!hasFeature(spec, 'acls')) requireEmpty(ctx, at('node_acls'), obj['node_acls'], 'ACLs', spec);
  const aclRules = { wwnTypes: spec.wwnTypes, auth: hasFeature(spec, 'auth'), tpgLuns: declaredLunIndexes(obj['luns']), fabric: spec.name };
  const nodeAcls = hasFeature(spec, 'acls') ? readNodeAcls(ctx, at('node_acls'), obj['node_acls'], aclRules) : [];

  if (!hasFeature(spec, 'auth') && hasAnyKey(obj, CHAP_KEYS)) ctx.error(path, `${spec.name} has no CHAP authentication; remove the chap_* keys`);
  const chap = readChapKeys(ctx, path, obj);
  if (tag === undefined || enable === undefined) return undefined;
  return {
    tag,
    enable,
    ...optional('attributes', attributes),
    ...optional('parameters', parameters),
    luns,
    portals,
    node_acls: nodeAcls,
    ...chap,
  };
}

export function readTpgs(ctx: ParseContext, path: JsonPath, value: unknown, spec: FabricSpec): TpgConfig[] {
  const out: TpgConfig[] = [];
  const seen = new Set<number>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const tpg = readTpg(ctx, at, item, spec);
    if (tpg === undefined) continue;
    if (seen.has(tpg.tag)) {
      ctx.error(childPath(at, 'tag'), `duplicate TPG ${tpg.tag}`);
      continue;
    }
    if (!hasFeature(spec, 'tpgts') && seen.size > 0) {
      ctx.error(at, `${spec.name} targets have a single TPG`);
      continue;
    }
    seen.add(tpg.tag);
    out.push(tpg);
  }
  return out;
}
