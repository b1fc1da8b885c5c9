import { hasFeature } from '../../model/fabric/fabric-specs.js';
import { childPath, type JsonPath } from '../json-path.js';
import { DISCOVERY_KEYS, type FabricModuleConfig } from '../schema.js';
import type { ParseContext } from './context.js';
import { MAN_PAGE_DISCOVERY_KEYS, readDiscoveryKeys } from './credentials.js';
import { readFabric } from './targets.js';
import { listItems, readBool, readObject, readRequired } from './values.js';

const KNOWN = ['name', 'discovery_enable_auth', ...DISCOVERY_KEYS];

function readFabricModule(ctx: ParseContext, path: JsonPath, value: unknown): FabricModuleConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, KNOWN, { renamed: MAN_PAGE_DISCOVERY_KEYS });
  const namePath = childPath(path, 'name');
  const rawName = readRequired(ctx, namePath, obj['name']);
  const spec = rawName === undefined ? undefined : readFabric(ctx, namePath, rawName);
  if (spec !== undefined && !hasFeature(spec, 'discovery_auth')) ctx.error(namePath, `${spec.name} has no discovery authentication`);
  // Without the key rtslib leaves enforcement as it is, which after a clear means off.
  const enable = obj['discovery_enable_auth'] === undefined ? false : readBool(ctx, childPath(path, 'discovery_enable_auth'), obj['discovery_enable_auth']);
  const credentials = readDiscoveryKeys(ctx, path, obj);
  if (spec === undefined || enable === undefined) return undefined;
  return { name: spec.name, discovery_enable_auth: enable, ...credentials };
}

export function readFabricModules(ctx: ParseContext, path: JsonPath, value: unknown): FabricModuleConfig[] {
  const out: FabricModuleConfig[] = [];
  const seen = new Set<string>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const fm = readFabricModule(ctx, at, item);
    if (fm === undefined) continue;
    if (seen.has(fm.name)) {
      ctx.error(childPath(at, 'name'), `duplicate fabric module ${fm.name}`);
      continue;
    }
    seen.add(fm.name);
    out.push(fm);
  }
  return out;
}
