import type { StorageObject } from '../../model/index.js';

/** The `<handler>/` prefix of a user object's config (`qcow/img.qcow2` → qcow), if it has one. */
export function handlerOfConfig(config: string): string | undefined {
  const slash = config.indexOf('/');
  return slash < 0 ? undefined : config.slice(0, slash);
}

/** The handler of a user object; '' before it has one. */
export function userHandlerOf(so: StorageObject): string {
  return handlerOfConfig(so.describe().config ?? '') ?? '';
}

/** Where the shell shows a storage object: `/backstores/fileio/disk1`, `/backstores/user:qcow/q1`. */
export function storageObjectShellPath(so: StorageObject): string {
  return so.plugin === 'user' ? `/backstores/user:${userHandlerOf(so)}/${so.name}` : `/backstores/${so.plugin}/${so.name}`;
}
