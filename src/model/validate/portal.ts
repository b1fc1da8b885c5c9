import { invalid, ValidationCode } from './invalid.js';
import { isIPv4, isIPv6 } from './ip-address.js';
import { shown } from './text.js';

export type IpFamily = 'ipv4' | 'ipv6';

export interface PortalAddress {
  readonly family: IpFamily;
  /** As given (IPv6 without brackets); kept verbatim so `::0` stays `::0` as targetcli writes it. */
  readonly address: string;
}

export interface Portal extends PortalAddress {
  readonly port: number;
}

/** targetcli 3.0.1+ default: listen on all IPv4 and IPv6 addresses. */
export const DEFAULT_PORTAL_ADDRESS = '::0';
export const DEFAULT_PORTAL_PORT = 3260;

// fe80::/10: binding needs a scope (%eth0), which targetcli never supported and which
// collides with the daemon's '%' delimiter.
const LINK_LOCAL = /^fe[89ab][0-9a-f]:/i;
const LINK_LOCAL_RULE = 'link-local IPv6 portals are not supported; use a global or unique-local address, or ::0';

/** Parses a portal IP address: IPv4 dotted quad, or IPv6 with or without brackets. */
export function parsePortalAddress(input: string): PortalAddress {
  const text = input.trim();
  if (text === '') throw invalid(ValidationCode.portal, 'Portal address is empty; give an IP address such as 192.0.2.10 or ::0');
  const bracketed = text.startsWith('[') && text.endsWith(']');
  const bare = bracketed ? text.slice(1, -1) : text;
  if (bare.includes('%')) {
    throw invalid(ValidationCode.portal, `Portal address ${shown(text)} has a scope (%...); ${LINK_LOCAL_RULE}`);
  }
  if (!bracketed && isIPv4(bare)) return { family: 'ipv4', address: bare };
  if (isIPv6(bare)) {
    if (LINK_LOCAL.test(bare)) throw invalid(ValidationCode.portal, `Portal address ${shown(text)} is link-local; ${LINK_LOCAL_RULE}`);
    return { family: 'ipv6', address: bare };
  }
  throw invalid(
    ValidationCode.portal,
    `Portal address ${shown(text)} is not an IPv4 or IPv6 address; use e.g. 192.0.2.10, 2001:db8::1 or ::0`,
  );
}

/** 0.0.0.0, or the IPv6 unspecified address in any spelling (`::`, `::0`, `0::0`): a portal on every address. */
export function isWildcardAddress(address: PortalAddress): boolean {
  return address.family === 'ipv4' ? address.address === '0.0.0.0' : /^[0:]+$/.test(address.address);
}

/** Parses a TCP port, 1-65535. */
export function parsePortalPort(input: string | number): number {
  const text = typeof input === 'number' ? String(input) : input.trim();
  if (!/^\d+$/.test(text)) throw invalid(ValidationCode.portal, `Portal port ${shown(text)} is not a number; use 1-65535`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw invalid(ValidationCode.portal, `Portal port ${text} is out of range; use 1-65535`);
  return port;
}

/** The address as targetcli shows and saves it: IPv6 in brackets (`[::0]`). */
export function formatPortalAddress(address: PortalAddress): string {
  return address.family === 'ipv6' ? `[${address.address}]` : address.address;
}

/** The configfs directory name under `tpgt_N/np/`: `ip:port` or `[ipv6]:port`. */
export function portalDirName(portal: Portal): string {
  return `${formatPortalAddress(portal)}:${portal.port}`;
}

/** Parses an `np/` directory name back into a portal. */
export function parsePortalDirName(name: string): Portal {
  const split = name.startsWith('[') ? name.indexOf(']:') + 1 : name.lastIndexOf(':');
  if (split <= 0) {
    throw invalid(ValidationCode.portal, `Portal directory name ${shown(name)} is not ip:port or [ipv6]:port`);
  }
  const address = parsePortalAddress(name.slice(0, split));
  if (address.family === 'ipv6' && !name.startsWith('[')) {
    throw invalid(ValidationCode.portal, `Portal directory name ${shown(name)} needs brackets around the IPv6 address`);
  }
  return { ...address, port: parsePortalPort(name.slice(split + 1)) };
}
