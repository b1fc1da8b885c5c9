import type { StorageObject } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type UiNode } from '../tree/ui-node.js';
import { aluaNode } from './alua-nodes.js';
import { infoResult } from './info-result.js';
import { makeNode, settingsGroup } from './node-kit.js';
import { storageObjectSaveconfigCommand } from './saveconfig-command.js';
import type { ShellEnv } from './shell-env.js';
import { storageObjectSummary } from './storage-object-summary.js';

/** `/backstores/<type>/<name>`. */
export function storageObjectNode(env: ShellEnv, parent: string, so: StorageObject): UiNode {
  const path = `${parent}/${so.name}`;
  return makeNode({
    name: so.name,
    parent,
    summary: () => storageObjectSummary(so),
    children: () => (so.supportsAlua() ? [aluaNode(path, so)] : []),
    commands: () => [
      nodeCommand(defineCommand({ name: 'info', summary: 'Shows what the storage object is and how it is configured.', params: [] }), false, () => ({
        result: infoResult({ ...so.describe() }),
      })),
      storageObjectSaveconfigCommand(env, so),
    ],
    configGroups: () => [settingsGroup('attribute', so.attributes, { numeric: true })],
  });
}
