import { STORAGE_PLUGINS, type StoragePlugin } from '../../model/index.js';
import type { UiNode } from '../tree/ui-node.js';
import { createCommandFor, deleteCommandFor } from './backstore-commands.js';
import { makeNode, plain } from './node-kit.js';
import type { ShellEnv } from './shell-env.js';
import { storageObjectNode } from './storage-object-node.js';
import { USER_PREFIX, userBackstoreNode, userBackstoreNodes } from './user-backstore-nodes.js';

/** `/backstores/<type>`: the storage objects of one kernel plugin (user ones are per handler). */
function backstoreTypeNode(env: ShellEnv, plugin: Exclude<StoragePlugin, 'user'>): UiNode {
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

const KERNEL_PLUGINS = STORAGE_PLUGINS.filter((p): p is Exclude<StoragePlugin, 'user'> => p !== 'user');

/**
 * `/backstores`: block, fileio, pscsi, ramdisk, then one `user:<handler>` per handler of
 * tcmu-runner or of an existing user object. The old LIO wiki spelling `iblock` is
 * resolved by the shell to `block`.
 */
export function backstoresNode(env: ShellEnv): UiNode {
  return makeNode({
    name: 'backstores',
    parent: '/',
    // No summary, as in targetcli: ls shows [...], status an empty text.
    summary: () => plain(''),
    children: () => [...KERNEL_PLUGINS.map((p) => backstoreTypeNode(env, p)), ...userBackstoreNodes(env)],
    child: (name) => {
      if (name.startsWith(USER_PREFIX)) return userBackstoreNode(env, name.slice(USER_PREFIX.length));
      return (KERNEL_PLUGINS as readonly string[]).includes(name) ? backstoreTypeNode(env, name as Exclude<StoragePlugin, 'user'>) : undefined;
    },
  });
}
