import { parseRestoreOptions, type RestoreArgValue } from '../../config/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { restoreFromFile } from './restore-from-file.js';
import { defaultSavefile, type ShellEnv } from './shell-env.js';

const declaration = defineCommand({
  name: 'restoreconfig',
  summary: 'Restores a configuration saved by saveconfig or by targetcli (default /etc/target/saveconfig.json).',
  description:
    'The whole file is checked before anything changes. Without clear_existing, a file whose storage objects or targets are already live is refused; ' +
    'with it, the live configuration (or just the named target or storage objects) is removed first. Errors on single objects are collected, the rest ' +
    'is restored, and the command fails listing them. To change only what differs, use apply.',
  params: [
    { name: 'savefile', type: { kind: 'file' }, help: 'the file to restore' },
    { name: 'clear_existing', type: { kind: 'bool' }, default: false, help: 'remove the live configuration (or what target/storage_object name) first' },
    { name: 'target', type: { kind: 'wwn' }, help: 'restore only this target (its LUNs use live storage objects)' },
    { name: 'storage_object', type: { kind: 'string' }, help: 'restore only the storage objects of this name' },
    { name: 'dry_run', type: { kind: 'bool' }, default: false, help: 'list the operations, change nothing' },
    { name: 'abort_on_error', type: { kind: 'bool' }, default: false, help: 'stop at the first failure' },
  ],
});

/** `restoreconfig [savefile] [clear_existing=false] [target=WWN] [storage_object=NAME] [dry_run=false]`. */
export function restoreconfigCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(declaration, false, (ctx, { values: v }) => {
    const args: Record<string, RestoreArgValue> = {
      savefile: v.savefile,
      clear_existing: v.clear_existing,
      target: v.target,
      storage_object: v.storage_object,
      dry_run: v.dry_run,
      abort_on_error: v.abort_on_error,
    };
    const options = parseRestoreOptions(args);
    let path = options.file;
    if (path === undefined) {
      const choice = defaultSavefile(env);
      if (choice.reason !== 'upstream-default') ctx.info(`restoreconfig: ${choice.message}`);
      path = choice.path;
    }
    return restoreFromFile(ctx, env, options, path, { bestEffort: false });
  });
}
