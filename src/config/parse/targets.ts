import { FABRICS, FABRIC_NAMES, isFabricName, type FabricSpec } from '../../model/fabric/fabric-specs.js';
import { childPath, type JsonPath } from '../json-path.js';
import type { TargetConfig } from '../schema.js';
import { kindOf, optional, type ParseContext } from './context.js';
import { readParameters } from './settings.js';
import { readTpgs } from './tpgs.js';
import { listItems, readObject, readRequired } from './values.js';

const KNOWN = ['wwn', 'fabric', 'tpgs', 'parameters'];

export function readFabric(ctx: ParseContext, path: JsonPath, value: unknown): FabricSpec | undefined {
  if (typeof value !== 'string') return ctx.error(path, `expected a fabric name, got ${kindOf(value)}`);
  if (isFabricName(value)) return FABRICS[value];
  return ctx.error(path, `unknown fabric '${value}'; expected one of ${FABRIC_NAMES.join(', ')}`);
}

function readTarget(ctx: ParseContext, path: JsonPath, value: unknown): TargetConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, KNOWN);
  const at = (key: string): JsonPath => childPath(path, key);
  const rawFabric = readRequired(ctx, at('fabric'), obj['fabric']);
  const spec = rawFabric === undefined ? undefined : readFabric(ctx, at('fabric'), rawFabric);
  const rawWwn = readRequired(ctx, at('wwn'), obj['wwn']);
  let wwn: string | undefined;
  if (typeof rawWwn !== 'string') {
    if (rawWwn !== undefined) ctx.error(at('wwn'), `expected a target WWN, got ${kindOf(rawWwn)}`);
  } else if (spec !== undefined) {
    // Legacy 16-digit naa.6 names become naa.5, exactly as rtslib's Target() rewrites them.
    wwn = ctx.wwn(at('wwn'), rawWwn, spec.wwnTypes);
  }
  const parameters = readParameters(ctx, at('parameters'), obj['parameters']);
  if (spec === undefined) return undefined;
  const tpgs = readTpgs(ctx, at('tpgs'), obj['tpgs'], spec);
  if (wwn === undefined) return undefined;
  return { wwn, fabric: spec.name, tpgs, ...optional('parameters', parameters) };
}

export function readTargets(ctx: ParseContext, path: JsonPath, value: unknown): TargetConfig[] {
  const out: TargetConfig[] = [];
  const seen = new Set<string>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const target = readTarget(ctx, at, item);
    if (target === undefined) continue;
    const key = `${target.fabric}/${target.wwn}`;
    if (seen.has(key)) {
      ctx.error(childPath(at, 'wwn'), `duplicate target ${key}`);
      continue;
    }
    seen.add(key);
    out.push(target);
  }
  return out;
}
