import { networkInterfaces } from 'node:os';
import { LioctlError } from '../../errors/index.js';
import { DEFAULT_PORTAL_ADDRESS, DEFAULT_PORTAL_PORT, parsePortalDirName, type Portal, type Tpg } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand, type UiNode } from '../tree/ui-node.js';
import { created } from './created.js';
import { infoCommand } from './info-command.js';
import { makeNode, ok, plain } from './node-kit.js';

/** Local addresses for completing ip_address, plus the wildcards (link-local ones cannot be portals). */
function localAddresses(): string[] {
  const out = new Set<string>([DEFAULT_PORTAL_ADDRESS, '0.0.0.0']);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (!a.internal && !a.address.toLowerCase().startsWith('fe80')) out.add(a.address);
  }
  return [...out].sort();
}

function switchCommand(name: 'enable_iser' | 'enable_offload', what: string, set: (on: boolean) => void, get: () => boolean): NodeCommand {
  return nodeCommand(
    defineCommand({
      name,
      summary: `Turns ${what} on or off for this portal.`,
      params: [{ name: 'boolean', type: { kind: 'bool' }, required: true, help: 'true or false' }],
    }),
    true,
    (ctx, { values: v }) => {
      set(v.boolean);
      // targetcli echoes Python's True/False.
      ctx.info(`${name === 'enable_iser' ? 'iSER' : 'offload'} enable now: ${get() ? 'True' : 'False'}`);
    },
  );
}

function portalNode(parent: string, portal: Portal): UiNode {
  return makeNode({
    name: portal.dirName,
    parent,
    summary: () => {
      const info = portal.describe();
      return ok(info.iser ? 'iser' : info.offload ? 'offload' : '');
    },
    commands: () => [
      switchCommand('enable_iser', 'iSER (RDMA)', (on) => portal.setIser(on), () => portal.iser()),
      switchCommand('enable_offload', 'Chelsio cxgbit offload', (on) => portal.setOffload(on), () => portal.offload()),
      infoCommand('Shows the address, port and transport of the portal.', () => {
        const info = portal.describe();
        return { ip_address: info.ipAddress, port: info.port, iser: info.iser, offload: info.offload };
      }),
    ],
  });
}

function portalCreateCommand(portalsPath: string, tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Adds a network portal: an address and TCP port this TPG listens on.',
      description: '::0 listens on every IPv4 and IPv6 address (unless IPV6_V6ONLY is set). Link-local IPv6 addresses are not supported.',
      params: [
        { name: 'ip_address', type: { kind: 'string' }, default: DEFAULT_PORTAL_ADDRESS, help: 'IPv4 or IPv6 address' },
        { name: 'ip_port', type: { kind: 'number', min: 1, max: 65535 }, default: DEFAULT_PORTAL_PORT, help: 'TCP port' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      if (v.ip_port === DEFAULT_PORTAL_PORT) ctx.info(`Using default IP port ${DEFAULT_PORTAL_PORT}`);
      if (v.ip_address === DEFAULT_PORTAL_ADDRESS) ctx.info(`Binding to INADDR_ANY (${DEFAULT_PORTAL_ADDRESS})`);
      const portal = tpg.createPortal(v.ip_address, v.ip_port);
      ctx.info(`Created network portal ${v.ip_address}:${v.ip_port}.`);
      return created(ctx, `${portalsPath}/${portal.dirName}`);
    },
    { ip_address: () => localAddresses() },
  );
}

function portalDeleteCommand(tpg: Tpg): NodeCommand {
  const existing = (): Portal[] => tpg.portals();
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: 'Removes a network portal.',
      params: [
        { name: 'ip_address', type: { kind: 'string' }, required: true, help: 'IPv4 or IPv6 address, as created' },
        { name: 'ip_port', type: { kind: 'number', min: 1, max: 65535 }, required: true, help: 'TCP port' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      const exact = tpg.findPortal(v.ip_address, v.ip_port);
      if (exact !== undefined) {
        exact.delete();
        ctx.info(`Deleted network portal ${v.ip_address}:${v.ip_port}`);
        return;
      }
      // `delete 0.0.0.0 3260` of targetcli 2.1 scripts removes the default [::0]:3260, and the other way round.
      const wildcard = tpg.findWildcardPortal(v.ip_address, v.ip_port) ?? tpg.portal(v.ip_address, v.ip_port);
      ctx.warn(`${v.ip_address}:${v.ip_port} is the wildcard portal, which listens here as ${wildcard.dirName}; deleting that.`);
      wildcard.delete();
      ctx.info(`Deleted network portal ${wildcard.dirName}`);
    },
    {
      ip_address: () => [...new Set(existing().map((p) => p.address.address))],
      ip_port: () => [...new Set(existing().map((p) => String(p.port)))],
    },
  );
}

/** `<tpg>/portals` (iSCSI): the addresses the TPG listens on. */
export function portalsNode(parent: string, tpg: Tpg): UiNode {
  const path = `${parent === '/' ? '' : parent}/portals`;
  return makeNode({
    name: 'portals',
    parent,
    summary: () => plain(`Portals: ${tpg.portals().length}`),
    children: () => tpg.portals().map((p) => portalNode(path, p)),
    child: (name) => {
      let portal: Portal | undefined;
      try {
        const spec = parsePortalDirName(name);
        const address = spec.family === 'ipv6' ? `[${spec.address}]` : spec.address;
        // As in `delete`: scripts for targetcli 2.1 name the default portal 0.0.0.0:3260
        // (Ansible's portal module checks `portals/0.0.0.0:3260 status` before deleting it).
        portal = tpg.findPortal(address, spec.port) ?? tpg.findWildcardPortal(address, spec.port);
      } catch (err) {
        if (err instanceof LioctlError) return undefined; // not an ip:port name
        throw err;
      }
      return portal === undefined ? undefined : portalNode(path, portal);
    },
    commands: () => [portalCreateCommand(path, tpg), portalDeleteCommand(tpg)],
  });
}
