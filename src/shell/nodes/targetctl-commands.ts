import { UsageError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { changeLiveConfig, readConfigFileIfExists } from './config-file-input.js';
import { restoreFromFile } from './restore-from-file.js';
import { saveLiveConfig } from './saveconfig-command.js';
import { defaultSavefile, type ShellEnv } from './shell-env.js';

/**
 * `restore [savefile]`: what `targetctl restore` does at boot (lioctl.service runs it).
 * The live configuration is cleared first; a missing file is no error (a machine that
 * never saved one boots fine); every object that can be restored is, also when a backing
 * device is missing, and the command fails listing what could not.
 */
export function restoreCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'restore',
      summary: 'Boot-time restore (as targetctl restore): clears the live configuration, then restores the saved file if there is one.',
      description:
        'Unlike restoreconfig, a missing file is not an error, and a missing backing device does not stop the rest of the restore. ' +
        'The command fails, listing them, when any object could not be restored.',
      params: [
        { name: 'savefile', type: { kind: 'file' }, help: 'the file to restore (default: the saved configuration)' },
        { name: 'dry_run', type: { kind: 'bool' }, default: false, help: 'list the operations, change nothing' },
      ],
    }),
    false,
    (ctx, { values: v }) => {
      const path = v.savefile ?? defaultSavefile(env).path;
      if (readConfigFileIfExists(path) === undefined) {
        ctx.info(`No saved config file at ${path}, ok, exiting`);
        return undefined;
      }
      return restoreFromFile(ctx, env, { file: path, clearExisting: true, dryRun: v.dry_run, abortOnError: false }, path, { bestEffort: true });
    },
  );
}

/** `save [savefile]`: targetctl's word for saveconfig. */
export function saveCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'save',
      summary: 'Saves the live configuration (as targetctl save; the same as saveconfig).',
      params: [{ name: 'savefile', type: { kind: 'file' }, help: 'where to save' }],
    }),
    false,
    (ctx, { values: v }) => {
      saveLiveConfig(ctx, env, v.savefile);
    },
  );
}

/**
 * `clear`: targetctl's word for clearconfig, without the confirmation, for scripts and
 * units (ExecStop=lioctl clear). In the interactive shell `clear` is what people type to
 * clear the screen, so there it is refused.
 */
export function clearCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'clear',
      summary: 'Removes the whole live configuration (as targetctl clear); only outside the interactive shell.',
      description: 'In the interactive shell, use clearconfig confirm=true. The saved configuration file is not touched.',
      params: [],
    }),
    false,
    (ctx) => {
      if (ctx.interactive) throw new UsageError('clear removes the whole live configuration; in the interactive shell use clearconfig confirm=true');
      changeLiveConfig(ctx, () => env.lio.clear());
      ctx.info('All configuration cleared');
    },
  );
}
