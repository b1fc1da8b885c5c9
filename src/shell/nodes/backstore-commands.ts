import { asLioctlError, NotFoundError, PartialFailureError } from '../../errors/index.js';
import type { StorageObject, StorageObjectSpec, StoragePlugin } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { CommandContext } from '../session/command-context.js';
import type { CommandOutcome } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { created } from './created.js';
import { checkSavefileMergeable, saveLiveConfig } from './saveconfig-command.js';
import { defaultSavefile, type ShellEnv } from './shell-env.js';
import { storageObjectShellPath } from './storage-object-path.js';

const nameParam = { name: 'name', type: { kind: 'string' }, required: true, help: 'name of the new storage object' } as const;
const wwnParam = { name: 'wwn', type: { kind: 'string' }, help: 'unit serial number (VPD 0x80); a random UUID when omitted' } as const;

/** Creates through the model, then logs, bookmarks and maybe cds, as targetcli does. */
export function finish(ctx: CommandContext, env: ShellEnv, spec: StorageObjectSpec, message: (so: StorageObject) => string): CommandOutcome {
  const attributes = spec.plugin !== 'pscsi' && spec.plugin !== 'user' && ctx.prefs.get('export_backstore_name_as_model') ? { emulate_model_alias: 1, ...spec.attributes } : spec.attributes;
  const so = env.lio.createStorageObject({ ...spec, ...(attributes === undefined ? {} : { attributes }) } as StorageObjectSpec);
  ctx.info(message(so));
  return created(ctx, storageObjectShellPath(so));
}

/**
 * The size to ask the model for: targetcli exports an existing file at its own length and
 * ignores a size given for it, with a note; lioctl does the same unless resize=true.
 */
function fileioSize(ctx: CommandContext, env: ShellEnv, file: string, size: number | undefined, resize: boolean): { size?: number } {
  if (size === undefined) return {};
  const found = resize ? undefined : env.lio.host.stat(file);
  if (found?.kind !== 'file' || found.size === 0 || found.size === size) return { size };
  ctx.warn(`File ${file} exists with ${found.size} bytes; size ${size} ignored, as targetcli does (resize=true resizes it).`);
  return {};
}

function fileioCreate(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Creates a fileio storage object on a file (created when missing) or a block device.',
      description:
        'A missing file needs a size and is created sparse (sparse=false allocates every block). For an existing file its length is used. write_back=true reports a write cache to initiators and uses buffered I/O.',
      params: [
        nameParam,
        { name: 'file_or_dev', type: { kind: 'file' }, required: true, help: 'backing file or block device', aliases: [{ name: 'path' }] },
        { name: 'size', type: { kind: 'size' }, help: 'size of a new file: 1048576, 512K, 100M, 10G, 2T' },
        { name: 'write_back', type: { kind: 'bool' }, default: true, help: 'buffered I/O with a write cache (false: O_DSYNC)' },
        { name: 'sparse', type: { kind: 'bool' }, default: true, help: 'create a new file sparse' },
        wwnParam,
        { name: 'aio', type: { kind: 'bool' }, default: false, help: 'asynchronous I/O' },
        { name: 'resize', type: { kind: 'bool' }, default: false, help: 'export an existing file with a size other than its length' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      const file = v.file_or_dev.replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
      return finish(
        ctx,
        env,
        {
          plugin: 'fileio',
          name: v.name,
          file,
          writeBack: v.write_back,
          sparse: v.sparse,
          aio: v.aio,
          resize: v.resize,
          ...fileioSize(ctx, env, file, v.size, v.resize),
          ...(v.wwn === undefined ? {} : { wwn: v.wwn }),
        },
        (so) => `Created fileio ${so.name} with size ${so.describe().size ?? 0}`,
      );
    },
  );
}

function blockCreate(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Creates a block storage object on a block device.',
      description: 'readonly defaults to the device being read-only. exclusive=false needs Linux 6.17 or later.',
      params: [
        nameParam,
        { name: 'dev', type: { kind: 'file' }, required: true, help: 'block device, preferably /dev/disk/by-id/...' },
        { name: 'readonly', type: { kind: 'bool' }, help: 'export read-only' },
        wwnParam,
        { name: 'exclusive', type: { kind: 'bool' }, default: true, help: 'open the device exclusively' },
      ],
    }),
    true,
    (ctx, { values: v }) =>
      finish(
        ctx,
        env,
        {
          plugin: 'block',
          name: v.name,
          device: v.dev,
          exclusive: v.exclusive,
          ...(v.readonly === undefined ? {} : { readOnly: v.readonly }),
          ...(v.wwn === undefined ? {} : { wwn: v.wwn }),
        },
        (so) => `Created block storage object ${so.name} using ${v.dev}.`,
      ),
  );
}

function ramdiskCreate(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Creates a ramdisk storage object (memory-backed, or nullio: discards writes, reads zeros).',
      params: [nameParam, { name: 'size', type: { kind: 'size' }, required: true, help: 'size: 512K, 100M, 1G' }, { name: 'nullio', type: { kind: 'bool' }, default: false, help: 'discard writes, read zeros' }, wwnParam],
    }),
    true,
    (ctx, { values: v }) =>
      finish(ctx, env, { plugin: 'ramdisk', name: v.name, size: v.size, nullio: v.nullio, ...(v.wwn === undefined ? {} : { wwn: v.wwn }) }, (so) => `Created ramdisk ${so.name} with size ${v.size}.`),
  );
}

function pscsiCreate(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Creates a pscsi storage object passing a SCSI device through (block is recommended for disks).',
      params: [nameParam, { name: 'dev', type: { kind: 'file' }, required: true, help: 'SCSI device path or H:C:T:L address' }],
    }),
    true,
    (ctx, { values: v }) => finish(ctx, env, { plugin: 'pscsi', name: v.name, device: v.dev }, (so) => `Created pscsi storage object ${so.name} using ${v.dev}`),
  );
}

export function createCommandFor(plugin: StoragePlugin, env: ShellEnv): NodeCommand | undefined {
  switch (plugin) {
    case 'fileio':
      return fileioCreate(env);
    case 'block':
      return blockCreate(env);
    case 'ramdisk':
      return ramdiskCreate(env);
    case 'pscsi':
      return pscsiCreate(env);
    default:
      return undefined;
  }
}

/** `delete name [save]`; `shown` limits the names completed and accepted (one user:<handler>'s objects). */
export function deleteCommandFor(plugin: StoragePlugin, env: ShellEnv, shown: (so: StorageObject) => boolean = () => true): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: 'Deletes a storage object, and every LUN that exports it with the mapped LUNs pointing at those.',
      description:
        'With save=true, the default configuration file is then updated for this object only: it is removed from the file, and every target that used it is written as it now is; the rest of the file is kept.',
      params: [
        { name: 'name', type: { kind: 'string' }, required: true, help: 'the storage object' },
        { name: 'save', type: { kind: 'bool' }, default: false, help: 'update the default configuration file for this object' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      const so = env.lio.storageObject(plugin, v.name);
      if (!shown(so)) throw new NotFoundError(`No storage object ${v.name} here; it is at ${storageObjectShellPath(so)}`);
      // A file that cannot take the update is found before anything is deleted.
      if (v.save) checkSavefileMergeable(defaultSavefile(env).path);
      const result = so.delete({ cascade: true });
      for (const lun of result.removedLuns) ctx.info(`Deleted LUN ${lun} that exported it.`);
      ctx.info(`Deleted storage object ${v.name}.`);
      if (!v.save) return;
      try {
        saveLiveConfig(ctx, env, undefined, { storageObject: { plugin, name: v.name } });
      } catch (err) {
        const cause = asLioctlError(err);
        throw new PartialFailureError(`Deleted storage object ${v.name}, but the configuration file was not updated: ${cause.message}`, [cause]);
      }
    },
    { name: () => env.lio.storageObjects(plugin).filter(shown).map((so) => so.name) },
  );
}
