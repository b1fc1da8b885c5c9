import { ConfigFsError } from '../../configfs/index.js';
import type { ConfigGroup as ModelGroup } from '../../model/index.js';
import type { ParamType } from '../commands/param-types.js';
import type { ConfigGroup, ConfigParam } from '../tree/ui-node.js';

export interface SettingsGroupOptions {
  /** Types by setting name; others are numbers when their value is a whole number, else text. */
  readonly types?: Readonly<Record<string, ParamType>>;
  readonly descriptions?: Readonly<Record<string, string>>;
  /** Kernel-typed values like `CRC32C,None` are text even when a value looks numeric. */
  readonly inferNumbers?: boolean;
}

const NUMBER: ParamType = { kind: 'number' };
const STRING: ParamType = { kind: 'string' };

/**
 * A `set`/`get` group over kernel settings directories that should stay identical: read
 * from the first, written to all. One directory for a TPG; every ACL sharing a tag for a
 * tagged ACL group (targetcli: "gets from the first, sets on all").
 */
export function settingsGroupOf(name: string, groups: readonly [ModelGroup, ...ModelGroup[]], options: SettingsGroupOptions = {}): ConfigGroup {
  const [first] = groups;
  return {
    name,
    mutates: true,
    params: () =>
      first.entries().map((entry): ConfigParam => {
        const numeric = options.inferNumbers !== false && entry.value !== undefined && /^-?\d+$/.test(entry.value);
        const description = options.descriptions?.[entry.name];
        return {
          name: entry.name,
          type: options.types?.[entry.name] ?? (numeric ? NUMBER : STRING),
          writable: entry.writable,
          readable: entry.readable,
          ...(description === undefined ? {} : { description }),
          get: () => entry.value ?? '',
          set: (value) => {
            for (const group of groups) group.set(entry.name, value);
            return entry.readable ? first.get(entry.name) : value;
          },
        };
      }),
  };
}

/** Whether a settings directory has anything to show (targetcli omits empty groups). */
export function hasSettings(group: ModelGroup): boolean {
  try {
    return group.names().length > 0;
  } catch (err) {
    if (err instanceof ConfigFsError) return false; // no such directory on this fabric or kernel
    throw err;
  }
}
