import { chapWarning, type ChapChange, type ChapCredentials, type ChapField } from '../../model/index.js';
import type { ConfigGroup } from '../tree/ui-node.js';
import { param } from './node-kit.js';

interface ChapHolder {
  auth(): ChapCredentials;
  setAuth(change: ChapChange): void;
}

const FIELDS: ReadonlyArray<readonly [ChapField, keyof ChapCredentials, string, string]> = [
  ['userid', 'userid', 'userid', 'User name the initiator authenticates with (one-way CHAP).'],
  ['password', 'password', 'password', 'Secret the initiator authenticates with; empty unsets it.'],
  ['mutual_userid', 'mutualUserid', 'userid_mutual', 'User name the target authenticates with (mutual CHAP).'],
  ['mutual_password', 'mutualPassword', 'password_mutual', 'Secret the target authenticates with (mutual CHAP); empty unsets it.'],
];

/** `set auth` / `get auth` on TPGs and ACLs; the kernel's file names are accepted too. */
export function authGroup(holder: ChapHolder, name = 'auth'): ConfigGroup {
  return {
    name,
    mutates: true,
    params: () =>
      FIELDS.map(([uiName, key, kernelName, description]) => ({
        ...param(uiName, {
          secret: key === 'password' || key === 'mutualPassword',
          description,
          get: () => holder.auth()[key] ?? '',
          set: (value) => holder.setAuth({ [key]: value }),
        }),
        aliases: [kernelName === uiName ? undefined : kernelName].filter((a): a is string => a !== undefined),
        warning: (value: string) => chapWarning(uiName, value),
      })),
  };
}
