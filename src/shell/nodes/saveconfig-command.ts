import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkMergeable, effectiveMaxBackupFiles, mergeSubset, saveConfigFile, serializeConfig, type StoragePluginName, type SubsetSelection } from '../../config/index.js';
import { dumpConfig } from '../../config/dump/index.js';
import { validateName } from '../../model/validate/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { CommandContext } from '../session/command-context.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { readConfigFileIfExists } from './config-file-input.js';
import { defaultSavefile, type ShellEnv } from './shell-env.js';

function readConf(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** How a partial save names what it wrote, targetcli's words for a storage object. */
function subsetNoun(selection: SubsetSelection): string {
  const so = selection.storageObject;
  if (so === undefined) return `Target ${selection.target ?? ''}`;
  return so.plugin === undefined ? `Storage object ${so.name}` : `Storage Object '${so.plugin}:${so.name}'`;
}

/**
 * Saves the live configuration, or with `selection` merges only those objects into the
 * file (the rest of the file is kept). Backups only for the default file, as targetcli.
 */
export function saveLiveConfig(ctx: CommandContext, env: ShellEnv, savefile: string | undefined, selection?: SubsetSelection): string {
  const choice = savefile === undefined ? defaultSavefile(env) : undefined;
  const path = savefile ?? choice?.path ?? '';
  if (choice !== undefined && choice.reason !== 'upstream-default') ctx.info(`saveconfig: ${choice.message}`);
  const live = dumpConfig(env.lio);
  const merged = selection === undefined ? undefined : { selection, ...mergeSubset(readConfigFileIfExists(path), live, selection, path) };
  const text = serializeConfig(merged === undefined ? live : merged.document);
  const max = effectiveMaxBackupFiles(ctx.prefs.get('max_backup_files'), readConf(join(dirname(path), 'targetcli.conf')));
  const saved = saveConfigFile(text, {
    path,
    backup: choice === undefined ? false : { maxBackupFiles: max },
    privateDirectory: choice !== undefined,
  });
  if (saved.backup !== undefined && max > 0) ctx.info(`Last ${max} configs saved in ${join(dirname(path), 'backup')}/.`);
  if (merged === undefined) {
    ctx.info(`Configuration saved to ${path}`);
  } else {
    ctx.info(`${subsetNoun(merged.selection)} config saved to ${path}.`);
    const written = [...merged.storageObjects, ...merged.targets];
    if (written.length > 1) ctx.info(`Written with it (the rest of the file is unchanged): ${written.join(', ')}`);
  }
  return path;
}

/** Throws when the file at `path` exists but a partial save could not merge into it. */
export function checkSavefileMergeable(path: string): void {
  const text = readConfigFileIfExists(path);
  if (text !== undefined) checkMergeable(text, path);
}

/** `saveconfig [savefile] [target=WWN] [storage_object=NAME]` at the root. */
export function saveconfigCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'saveconfig',
      summary: 'Saves the live configuration to a file (default /etc/target/saveconfig.json), atomically, mode 0600.',
      description:
        'When saving to the default file, the previous one is kept gzipped in backup/ next to it (max_backup_files of them). The file has targetcli-fb’s format; targetcli can restore it. ' +
        'With target= or storage_object=, only those objects are written into the existing file: a target (with the storage objects its LUNs use that the file lacks), a storage object with every target that uses it; ' +
        'the rest of the file is kept, and an object no longer live is removed from it.',
      params: [
        { name: 'savefile', type: { kind: 'file' }, help: 'where to save' },
        { name: 'target', type: { kind: 'wwn' }, help: 'write only this target (and storage objects it uses that the file lacks)' },
        { name: 'storage_object', type: { kind: 'string' }, help: 'write only the storage objects of this name (and the targets using them)' },
      ],
    }),
    false,
    // Under the lock: a save must not catch another process's object half-made.
    (ctx, { values: v }) => {
      const selection: SubsetSelection = {
        ...(v.target === undefined ? {} : { target: v.target }),
        ...(v.storage_object === undefined ? {} : { storageObject: { name: validateName(v.storage_object) } }),
      };
      const partial = selection.target !== undefined || selection.storageObject !== undefined;
      ctx.exclusive(() => saveLiveConfig(ctx, env, v.savefile, partial ? selection : undefined));
    },
  );
}

/** `saveconfig [savefile]` on a storage object: that object and the targets using it. */
export function storageObjectSaveconfigCommand(env: ShellEnv, so: { readonly plugin: StoragePluginName; readonly name: string }): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'saveconfig',
      summary: 'Saves this storage object, and every target using it, into the file (default /etc/target/saveconfig.json); the rest of the file is kept.',
      params: [{ name: 'savefile', type: { kind: 'file' }, help: 'where to save' }],
    }),
    false,
    (ctx, { values: v }) => {
      ctx.exclusive(() => saveLiveConfig(ctx, env, v.savefile, { storageObject: { plugin: so.plugin, name: so.name } }));
    },
  );
}
