import { basename } from 'node:path';
import { LioctlError } from '../../errors/index.js';
import { backstoreDirPlugin, type StorageObject } from '../../model/index.js';
import { splitPath } from '../paths/resolve-path.js';
import type { CommandContext } from '../session/command-context.js';
import type { ShellEnv } from './shell-env.js';

/** The storage object at a shell path such as /backstores/fileio/disk1, if that is what it names. */
export function storageObjectAtShellPath(ctx: CommandContext, env: ShellEnv, text: string): StorageObject | 'no-such-path' | undefined {
  let path: string;
  try {
    path = ctx.resolve(text).path;
  } catch (err) {
    if (err instanceof LioctlError) return 'no-such-path';
    throw err;
  }
  const [top, dir, name, ...rest] = splitPath(path);
  const plugin = dir === undefined ? undefined : backstoreDirPlugin(dir);
  if (top !== 'backstores' || plugin === undefined || name === undefined || rest.length > 0) return undefined;
  return env.lio.findStorageObject(plugin, name);
}

/**
 * targetcli's `storage_object` argument (LUN and mapped LUN create): a shell path to an
 * existing storage object, or a block device or regular file on the host, for which a
 * block or fileio object named after its basename is made first (rtslib's
 * StorageObjectFactory). Undefined when the text is neither.
 */
export function storageObjectFromArg(ctx: CommandContext, env: ShellEnv, text: string): StorageObject | undefined {
  const atPath = storageObjectAtShellPath(ctx, env, text);
  if (atPath !== 'no-such-path') return atPath;
  if (!text.startsWith('/')) return undefined;
  const name = basename(text);
  const kind = env.lio.host.stat(text)?.kind;
  let so: StorageObject;
  // rtslib's defaults for these objects: block read-only as the device is, fileio write-through.
  if (kind === 'block') so = env.lio.createBlock({ name, device: text });
  else if (kind === 'file') so = env.lio.createFileio({ name, file: text, writeBack: false });
  else return undefined;
  ctx.info(`Created storage object ${so.name}.`);
  return so;
}
