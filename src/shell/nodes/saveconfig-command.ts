import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultConfigPath, effectiveMaxBackupFiles, saveConfigFile, serializeConfig } from '../../config/index.js';
import { dumpConfig } from '../../config/dump/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { CommandContext } from '../session/command-context.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import type { ShellEnv } from './shell-env.js';

function readConf(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Saves the live configuration; backups only for the default file, as targetcli. */
export function saveLiveConfig(ctx: CommandContext, env: ShellEnv, savefile: string | undefined): string {
  const choice = savefile === undefined ? defaultConfigPath() : undefined;
  const path = savefile ?? choice?.path ?? '';
  if (choice !== undefined && choice.reason !== 'upstream-default') ctx.info(`saveconfig: ${choice.message}`);
  const text = serializeConfig(dumpConfig(env.lio));
  const max = effectiveMaxBackupFiles(ctx.prefs.get('max_backup_files'), readConf(join(dirname(path), 'targetcli.conf')));
  const saved = saveConfigFile(text, {
    path,
    backup: choice === undefined ? false : { maxBackupFiles: max },
    privateDirectory: choice !== undefined,
  });
  if (saved.backup !== undefined && max > 0) ctx.info(`Last ${max} configs saved in ${join(dirname(path), 'backup')}/.`);
  ctx.info(`Configuration saved to ${path}`);
  return path;
}

/** `saveconfig [savefile]`. */
export function saveconfigCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'saveconfig',
      summary: 'Saves the live configuration to a file (default /etc/target/saveconfig.json), atomically, mode 0600.',
      description:
        'When saving to the default file, the previous one is kept gzipped in backup/ next to it (max_backup_files of them). The file has targetcli-fb’s format; targetcli can restore it.',
      params: [{ name: 'savefile', type: { kind: 'file' }, help: 'where to save' }],
    }),
    false,
    // Under the lock: a save must not catch another process's object half-made.
    (ctx, { values: v }) => {
      ctx.exclusive(() => saveLiveConfig(ctx, env, v.savefile));
    },
  );
}
