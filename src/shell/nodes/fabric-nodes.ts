import { hasFeature, isFabricName, type FabricModule } from '../../model/index.js';
import type { LsSummary } from '../render/ls-tree.js';
import { sortNodeNames } from '../../model/index.js';
import type { UiNode } from '../tree/ui-node.js';
import { discoveryAuthGroup } from './discovery-auth-group.js';
import { fabricInfoCommand, fabricVersionCommand, lookupTarget, targetCreateCommand, targetDeleteCommand } from './fabric-commands.js';
import { makeNode } from './node-kit.js';
import type { ShellEnv } from './shell-env.js';
import { targetNode } from './target-nodes.js';

/** `Targets: N`, after `1-way disc auth, ` / `mutual disc auth, ` when discovery must authenticate (red if credentials are missing). */
function fabricSummary(fabric: FabricModule): LsSummary {
  const parts: string[] = [];
  let healthy: boolean | null = null;
  if (hasFeature(fabric.spec, 'discovery_auth')) {
    // Never loads the module: an unloaded fabric enforces nothing (targetcli's read loaded iSCSI).
    const auth = fabric.discoveryAuth();
    if (auth.enforced) {
      healthy = auth.userid !== undefined && auth.password !== undefined;
      parts.push(auth.authenticateTarget ? 'mutual disc auth' : '1-way disc auth');
    }
  }
  parts.push(`Targets: ${fabric.targets({ includeInvalid: true }).length}`);
  return { text: parts.join(', '), healthy };
}

function fabricNodeFor(env: ShellEnv, fabric: FabricModule): UiNode {
  const path = `/${fabric.name}`;
  return makeNode({
    name: fabric.name,
    parent: '/',
    summary: () => fabricSummary(fabric),
    children: () => fabric.targets({ includeInvalid: true }).map((t) => targetNode(env, path, t)),
    child: (name) => {
      const target = lookupTarget(fabric, name);
      return target === undefined ? undefined : targetNode(env, path, target);
    },
    commands: () => [targetCreateCommand(fabric), targetDeleteCommand(fabric), fabricInfoCommand(env, fabric), fabricVersionCommand(fabric)],
    configGroups: () => (hasFeature(fabric.spec, 'discovery_auth') ? [discoveryAuthGroup(fabric)] : []),
  });
}

/**
 * The fabrics shown at `/`, in targetcli's (name) order: iscsi, loopback, vhost and
 * xen-pvscsi always; hardware fabrics (qla2xxx, srpt, ...) when they have ports or targets.
 */
export function fabricNodes(env: ShellEnv): UiNode[] {
  return sortNodeNames(
    env.lio.visibleFabrics().map((f) => fabricNodeFor(env, f)),
    (n) => n.name,
  );
}

/** One fabric's node by name (`iscsi`), without looking at the others; undefined when not shown. */
export function fabricNode(env: ShellEnv, name: string): UiNode | undefined {
  if (!isFabricName(name)) return undefined;
  const fabric = env.lio.fabric(name);
  return fabric.isVisible() ? fabricNodeFor(env, fabric) : undefined;
}
