import { STORAGE_PLUGINS, type StorageObject, type StoragePlugin } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type UiNode } from '../tree/ui-node.js';
import { aluaNode } from './alua-nodes.js';
import { createCommandFor, deleteCommandFor } from './backstore-commands.js';
import { storageObjectSaveconfigCommand } from './saveconfig-command.js';
import { infoResult } from './info-result.js';
import { makeNode, plain, settingsGroup } from './node-kit.js';
import type { ShellEnv } from './shell-env.js';
import { storageObjectSummary } from './storage-object-summary.js';

function storageObjectNode(env: ShellEnv, parent: string, so: StorageObject): UiNode {
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

/** `/backstores/<type>`: the storage objects of one plugin. */
function backstoreTypeNode(env: ShellEnv, plugin: StoragePlugin): UiNode {
  const path = `/backstores/${plugin}`;
  const create = createCommandFor(plugin, env);
  return makeNode({
    name: plugin,
    parent: '/backstores',
    summary: () => plain(`Storage Objects: ${env.lio.storageObjects(plugin).length}`),
    children: () => env.lio.storageObjects(plugin).map((so) => storageObjectNode(env, path, so)),
    child: (name) => {
      const so = env.lio.findStorageObject(plugin, name);
      return so === undefined ? undefined : storageObjectNode(env, path, so);
    },
    commands: () => [...(create ? [create] : []), deleteCommandFor(plugin, env)],
  });
}

/** The plugins shown under /backstores: `user` only when such objects exist (tcmu-runner serves them). */
function shownPlugins(env: ShellEnv): StoragePlugin[] {
  return STORAGE_PLUGINS.filter((p) => p !== 'user' || env.lio.storageObjects('user').length > 0);
}

/** `/backstores`. The old LIO wiki spelling `iblock` is resolved by the shell to `block`. */
export function backstoresNode(env: ShellEnv): UiNode {
  return makeNode({
    name: 'backstores',
    parent: '/',
    // No summary, as in targetcli: ls shows [...], status an empty text.
    summary: () => plain(''),
    children: () => shownPlugins(env).map((p) => backstoreTypeNode(env, p)),
    child: (name) => ((STORAGE_PLUGINS as readonly string[]).includes(name) ? backstoreTypeNode(env, name as StoragePlugin) : undefined),
  });
}
