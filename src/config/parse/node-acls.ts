import { parseLun, parseMappedLun, validateTagName, type WwnType } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { CHAP_KEYS, type MappedLunConfig, type NodeAclConfig } from '../schema.js';
import { kindOf, optional, type ParseContext } from './context.js';
import { MAN_PAGE_CHAP_KEYS, hasAnyKey, readChapKeys } from './credentials.js';
import { readLunNumber } from './luns.js';
import { readAttributes } from './settings.js';
import { listItems, readBool, readLinkName, readObject, readRequired } from './values.js';

const ACL_KEYS = ['node_wwn', 'attributes', 'mapped_luns', 'tag', ...CHAP_KEYS];
/** rtslib's MappedLUN.setup reads a `tag` it never writes; harmless, so tolerated. */
const MAPPED_LUN_KEYS = ['index', 'tpg_lun', 'write_protect', 'alias'];

export interface AclRules {
  readonly wwnTypes: readonly WwnType[];
  /** Whether the fabric has CHAP (`auth`). */
  readonly auth: boolean;
  /** LUN numbers of the TPG: a mapped LUN must point at one of them. */
  readonly tpgLuns: ReadonlySet<number>;
  readonly fabric: string;
}

function readMappedLun(ctx: ParseContext, path: JsonPath, value: unknown, tpgLuns: ReadonlySet<number>): MappedLunConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, MAPPED_LUN_KEYS, { legacy: ['tag'] });
  const at = (key: string): JsonPath => childPath(path, key);
  const rawIndex = readRequired(ctx, at('index'), obj['index']);
  const index = rawIndex === undefined ? undefined : readLunNumber(ctx, at('index'), rawIndex, parseMappedLun);
  const rawTpgLun = readRequired(ctx, at('tpg_lun'), obj['tpg_lun']);
  const tpgLun = rawTpgLun === undefined ? undefined : readLunNumber(ctx, at('tpg_lun'), rawTpgLun, parseLun);
  if (tpgLun !== undefined && !tpgLuns.has(tpgLun)) ctx.error(at('tpg_lun'), `the TPG has no LUN ${tpgLun}`);
  // rtslib: `int(write_protect) > 0`, anything unreadable meaning read-write. Here unreadable is an error.
  const wp = obj['write_protect'] === undefined || obj['write_protect'] === null ? false : readBool(ctx, at('write_protect'), obj['write_protect']);
  const alias = obj['alias'] === undefined || obj['alias'] === null ? undefined : readLinkName(ctx, at('alias'), obj['alias']);
  if (index === undefined || tpgLun === undefined || wp === undefined || !tpgLuns.has(tpgLun)) return undefined;
  return { index, tpg_lun: tpgLun, write_protect: wp, ...optional('alias', alias) };
}

function readMappedLuns(ctx: ParseContext, path: JsonPath, value: unknown, tpgLuns: ReadonlySet<number>): MappedLunConfig[] {
  const out: MappedLunConfig[] = [];
  const seen = new Set<number>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const mlun = readMappedLun(ctx, at, item, tpgLuns);
    if (mlun === undefined) continue;
    if (seen.has(mlun.index)) {
      ctx.error(childPath(at, 'index'), `duplicate mapped LUN ${mlun.index}`);
      continue;
    }
    seen.add(mlun.index);
    out.push(mlun);
  }
  return out;
}

function readTag(ctx: ParseContext, path: JsonPath, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return ctx.error(path, `expected a tag name, got ${kindOf(value)}`);
  return ctx.validated(path, () => validateTagName(value));
}

function readNodeAcl(ctx: ParseContext, path: JsonPath, value: unknown, rules: AclRules): NodeAclConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, ACL_KEYS, { renamed: MAN_PAGE_CHAP_KEYS });
  const at = (key: string): JsonPath => childPath(path, key);
  const rawWwn = readRequired(ctx, at('node_wwn'), obj['node_wwn']);
  let wwn: string | undefined;
  if (typeof rawWwn === 'string') {
    // An initiator's name is its identity: a legacy naa.6 name is not rewritten as targets' are.
    wwn = ctx.wwn(at('node_wwn'), rawWwn, rules.wwnTypes, { rewriteLegacyNaa: false });
  } else if (rawWwn !== undefined) {
    ctx.error(at('node_wwn'), `expected an initiator WWN, got ${kindOf(rawWwn)}`);
  }
  const attributes = readAttributes(ctx, at('attributes'), obj['attributes']);
  const mappedLuns = readMappedLuns(ctx, at('mapped_luns'), obj['mapped_luns'], rules.tpgLuns);
  const tag = readTag(ctx, at('tag'), obj['tag']);
  if (!rules.auth && hasAnyKey(obj, CHAP_KEYS)) ctx.error(path, `${rules.fabric} has no CHAP authentication; remove the chap_* keys`);
  const chap = readChapKeys(ctx, path, obj);
  if (wwn === undefined) return undefined;
  return { node_wwn: wwn, ...optional('attributes', attributes), mapped_luns: mappedLuns, ...optional('tag', tag), ...chap };
}

export function readNodeAcls(ctx: ParseContext, path: JsonPath, value: unknown, rules: AclRules): NodeAclConfig[] {
  const out: NodeAclConfig[] = [];
  const seen = new Set<string>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const acl = readNodeAcl(ctx, at, item, rules);
    if (acl === undefined) continue;
    if (seen.has(acl.node_wwn)) {
      ctx.error(childPath(at, 'node_wwn'), `duplicate ACL for ${acl.node_wwn}`);
      continue;
    }
    seen.add(acl.node_wwn);
    out.push(acl);
  }
  return out;
}
