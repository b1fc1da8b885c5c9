import { FABRICS, hasFeature, isFabricName } from '../../model/fabric/fabric-specs.js';
import { INQUIRY_LIMITS, normalizeWwn, validateInquiryField, type InquiryField } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import {
  DISCOVERY_KEYS,
  LIOCTL_SECTION,
  LIOCTL_SECTION_VERSION,
  storageObjectRef,
  tpgRef,
  type FabricExtras,
  type LioctlSection,
  type SaveConfig,
  type StorageObjectExtras,
  type TpgExtras,
} from '../schema.js';
import { ParseContext, fromEntries, kindOf, optional } from './context.js';
import { MAN_PAGE_DISCOVERY_KEYS, readDiscoveryKeys } from './credentials.js';
import { readInteger, readObject, readRequired } from './values.js';

type Standard = Omit<SaveConfig, 'lioctl'>;
const IDENTITY_KEYS = Object.keys(INQUIRY_LIMITS) as InquiryField[];
const TPG_KEY = /^([^/]+)\/([^/]+)\/tpgt_(\d+)$/;

/** Entries of one keyed map, each checked by `read`; undefined results are dropped. */
function readMap<T>(
  ctx: ParseContext,
  path: JsonPath,
  value: unknown,
  read: (key: string, at: JsonPath, obj: Readonly<Record<string, unknown>>) => readonly [string, T] | undefined,
): Record<string, T> | undefined {
  if (value === undefined) return undefined;
  const map = readObject(ctx, path, value);
  if (map === undefined) return undefined;
  const out: Array<readonly [string, T]> = [];
  for (const [key, entry] of Object.entries(map)) {
    const at = childPath(path, key);
    const obj = readObject(ctx, at, entry);
    const result = obj === undefined ? undefined : read(key, at, obj);
    if (result !== undefined) out.push(result);
  }
  return out.length === 0 ? undefined : fromEntries(out);
}

function storageEntry(ctx: ParseContext, doc: Standard, key: string, at: JsonPath, obj: Readonly<Record<string, unknown>>): readonly [string, StorageObjectExtras] | undefined {
  ctx.checkKeys(at, obj, IDENTITY_KEYS);
  const identity: Partial<Record<InquiryField, string>> = {};
  for (const field of IDENTITY_KEYS) {
    const v = obj[field];
    if (v === undefined) continue;
    const fieldPath = childPath(at, field);
    if (typeof v !== 'string') ctx.error(fieldPath, `expected text, got ${kindOf(v)}`);
    else {
      const text = ctx.validated(fieldPath, () => validateInquiryField(field, v));
      if (text !== undefined) identity[field] = text;
    }
  }
  const so = doc.storage_objects.find((s) => storageObjectRef(s) === key);
  if (so === undefined) {
    ctx.warn(at, 'no such storage object in this file; ignored');
    return undefined;
  }
  // pscsi passes the device's own INQUIRY data through; there is nothing to set.
  if (so.plugin === 'pscsi') return ctx.error(at, 'pscsi storage objects report the device\'s own identity');
  return [key, identity];
}

function tpgEntry(ctx: ParseContext, doc: Standard, key: string, at: JsonPath, obj: Readonly<Record<string, unknown>>): readonly [string, TpgExtras] | undefined {
  ctx.checkKeys(at, obj, ['nexus']);
  const m = TPG_KEY.exec(key);
  const fabric = m?.[1];
  if (m?.[2] === undefined || m[3] === undefined || fabric === undefined || !isFabricName(fabric)) {
    return ctx.error(at, 'expected a key "<fabric>/<wwn>/tpgt_<tag>"');
  }
  const spec = FABRICS[fabric];
  const rawWwn = m[2];
  const wwn = ctx.validated(at, () => normalizeWwn(rawWwn, spec.wwnTypes).wwn);
  const tag = Number(m[3]);
  const nexusPath = childPath(at, 'nexus');
  const rawNexus = obj['nexus'];
  let nexus: string | undefined;
  if (rawNexus !== undefined) {
    if (!hasFeature(spec, 'nexus')) return ctx.error(at, `${spec.name} TPGs have no nexus`);
    if (typeof rawNexus !== 'string') return ctx.error(nexusPath, `expected a WWN, got ${kindOf(rawNexus)}`);
    nexus = ctx.validated(nexusPath, () => normalizeWwn(rawNexus, spec.wwnTypes, { rewriteLegacyNaa: false }).wwn);
  }
  if (wwn === undefined) return undefined;
  const target = doc.targets.find((t) => t.fabric === fabric && t.wwn === wwn);
  if (target?.tpgs.some((t) => t.tag === tag) !== true) {
    ctx.warn(at, 'no such TPG in this file; ignored');
    return undefined;
  }
  return [tpgRef(fabric, wwn, tag), optional('nexus', nexus)];
}

function fabricEntry(ctx: ParseContext, doc: Standard, key: string, at: JsonPath, obj: Readonly<Record<string, unknown>>): readonly [string, FabricExtras] | undefined {
  ctx.checkKeys(at, obj, DISCOVERY_KEYS, { renamed: MAN_PAGE_DISCOVERY_KEYS });
  if (!isFabricName(key) || !hasFeature(FABRICS[key], 'discovery_auth')) return ctx.error(at, 'not a fabric with discovery authentication');
  // With enforcement on, the credentials belong in fabric_modules, where targetcli reads them.
  if (doc.fabric_modules.some((f) => f.name === key)) return ctx.error(at, `fabric_modules already has ${key}; keep its credentials there`);
  return [key, readDiscoveryKeys(ctx, at, obj)];
}

/** Reads lioctl's section once the standard sections are known (entries refer to them). */
export function readLioctlSection(ctx: ParseContext, value: unknown, doc: Standard): LioctlSection | undefined {
  if (value === undefined) return undefined;
  const path = LIOCTL_SECTION;
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  const versionPath = childPath(path, 'version');
  const rawVersion = readRequired(ctx, versionPath, obj['version']);
  const version = rawVersion === undefined ? undefined : readInteger(ctx, versionPath, rawVersion, { min: 1, max: Number.MAX_SAFE_INTEGER });
  // A newer lioctl may add keys; this one keeps what it understands instead of refusing the file.
  const inner = version !== undefined && version > LIOCTL_SECTION_VERSION ? new ParseContext('warn') : ctx;
  inner.checkKeys(path, obj, ['version', 'storage_objects', 'tpgs', 'fabric_modules']);
  const storage = readMap(inner, childPath(path, 'storage_objects'), obj['storage_objects'], (k, at, o) => storageEntry(inner, doc, k, at, o));
  const tpgs = readMap(inner, childPath(path, 'tpgs'), obj['tpgs'], (k, at, o) => tpgEntry(inner, doc, k, at, o));
  const fabrics = readMap(inner, childPath(path, 'fabric_modules'), obj['fabric_modules'], (k, at, o) => fabricEntry(inner, doc, k, at, o));
  if (inner !== ctx) {
    ctx.issues.push(...inner.issues);
    ctx.warnings.push(...inner.warnings);
  }
  if (version === undefined || (storage === undefined && tpgs === undefined && fabrics === undefined)) return undefined;
  return {
    version: LIOCTL_SECTION_VERSION,
    ...optional('storage_objects', storage),
    ...optional('tpgs', tpgs),
    ...optional('fabric_modules', fabrics),
  };
}
