import type { ConfigGroup as ModelGroup } from '../../model/index.js';
import type { ParamType } from '../commands/param-types.js';
import type { LsSummary } from '../render/ls-tree.js';
import { childPath } from '../paths/resolve-path.js';
import type { ConfigGroup, ConfigParam, NodeCommand, UiNode } from '../tree/ui-node.js';

/** Fields of a node; everything but name/parent/summary has a sensible empty default. */
export interface NodeParts {
  readonly name: string;
  /** Parent path ("/" for top-level nodes). */
  readonly parent: string;
  summary(): LsSummary;
  children?(): readonly UiNode[];
  child?(name: string): UiNode | undefined;
  commands?(): readonly NodeCommand[];
  configGroups?(): readonly ConfigGroup[];
}

export function makeNode(parts: NodeParts): UiNode {
  const node: UiNode = {
    name: parts.name,
    path: parts.name === '/' ? '/' : childPath(parts.parent, parts.name),
    summary: parts.summary,
    children: parts.children ?? (() => []),
    commands: parts.commands ?? (() => []),
    configGroups: parts.configGroups ?? (() => []),
    ...(parts.child ? { child: parts.child } : {}),
  };
  return node;
}

export const ok = (text: string): LsSummary => ({ text, healthy: true });
export const bad = (text: string): LsSummary => ({ text, healthy: false });
export const plain = (text: string): LsSummary => ({ text, healthy: null });

const NUMBER: ParamType = { kind: 'number' };
const STRING: ParamType = { kind: 'string' };

/**
 * A kernel settings directory (`attrib/`, `param/`) as a `set`/`get` group: one parameter
 * per file, access from the file's mode, as targetcli lists them.
 */
export function settingsGroup(name: string, group: ModelGroup, options: { numeric: boolean; descriptions?: Readonly<Record<string, string>> }): ConfigGroup {
  return {
    name,
    mutates: true,
    params: () =>
      group.entries().map(
        (entry): ConfigParam => ({
          name: entry.name,
          type: options.numeric && entry.value !== undefined && /^-?\d+$/.test(entry.value) ? NUMBER : STRING,
          writable: entry.writable,
          readable: entry.readable,
          ...(options.descriptions?.[entry.name] === undefined ? {} : { description: options.descriptions[entry.name] }),
          get: () => entry.value ?? '',
          set: (value) => {
            group.set(entry.name, value);
            return entry.readable ? group.get(entry.name) : value;
          },
        }),
      ),
  };
}

/** One `set`/`get` parameter backed by a getter and a setter. */
export function param(name: string, options: { type?: ParamType; secret?: boolean; description: string; writable?: boolean; get(): string; set?(value: string): void }): ConfigParam {
  const set = options.set;
  return {
    name,
    type: options.type ?? STRING,
    writable: options.writable ?? set !== undefined,
    readable: true,
    ...(options.secret ? { secret: true } : {}),
    description: options.description,
    get: options.get,
    set: (value) => {
      set?.(value);
      return options.get();
    },
  };
}
