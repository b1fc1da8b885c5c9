import { formatPortalAddress, parsePortalAddress, parsePortalPort } from '../../model/validate/index.js';
import { childPath, type JsonPath } from '../json-path.js';
import { portalKey, type PortalConfig } from '../schema.js';
import { kindOf, type ParseContext } from './context.js';
import { listItems, readBool, readObject, readRequired } from './values.js';

const KNOWN = ['ip_address', 'port', 'iser', 'offload'];

function readPortal(ctx: ParseContext, path: JsonPath, value: unknown): PortalConfig | undefined {
  const obj = readObject(ctx, path, value);
  if (obj === undefined) return undefined;
  ctx.checkKeys(path, obj, KNOWN);
  const at = (key: string): JsonPath => childPath(path, key);
  const rawIp = readRequired(ctx, at('ip_address'), obj['ip_address']);
  let ip: string | undefined;
  if (typeof rawIp === 'string') {
    // Stored bracketed for IPv6, as the configfs directory name `[addr]:port` needs it.
    ip = ctx.validated(at('ip_address'), () => formatPortalAddress(parsePortalAddress(rawIp)));
  } else if (rawIp !== undefined) {
    ctx.error(at('ip_address'), `expected an IP address, got ${kindOf(rawIp)}`);
  }
  const rawPort = readRequired(ctx, at('port'), obj['port']);
  let port: number | undefined;
  if (typeof rawPort === 'number' || typeof rawPort === 'string') port = ctx.validated(at('port'), () => parsePortalPort(rawPort));
  else if (rawPort !== undefined) ctx.error(at('port'), `expected a TCP port, got ${kindOf(rawPort)}`);
  // rtslib's restore reads both with `get(key, False)`.
  const iser = obj['iser'] === undefined ? false : readBool(ctx, at('iser'), obj['iser']);
  const offload = obj['offload'] === undefined ? false : readBool(ctx, at('offload'), obj['offload']);
  if (ip === undefined || port === undefined || iser === undefined || offload === undefined) return undefined;
  return { ip_address: ip, port, iser, offload };
}

export function readPortals(ctx: ParseContext, path: JsonPath, value: unknown): PortalConfig[] {
  const out: PortalConfig[] = [];
  const seen = new Set<string>();
  for (const [at, item] of listItems(ctx, path, value)) {
    const portal = readPortal(ctx, at, item);
    if (portal === undefined) continue;
    const key = portalKey(portal);
    if (seen.has(key)) {
      ctx.error(at, `duplicate portal ${portal.ip_address}:${portal.port}`);
      continue;
    }
    seen.add(key);
    out.push(portal);
  }
  return out;
}
