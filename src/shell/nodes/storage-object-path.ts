import type { StorageObject } from '../../model/index.js';

/** The handler of a user object: the `<handler>/` prefix of its config; '' before it has one. */
export function userHandlerOf(so: StorageObject): string {
  const config = so.describe().config ?? '';
  const slash = config.indexOf('/');
  return slash < 0 ? '' : config.slice(0, slash);
}

/** Where the shell shows a storage object: `/backstores/fileio/disk1`, `/backstores/user:qcow/q1`. */
export function storageObjectShellPath(so: StorageObject): string {
  return so.plugin === 'user' ? `/backstores/user:${userHandlerOf(so)}/${so.name}` : `/backstores/${so.plugin}/${so.name}`;
}
