import type { NodeCommand, UiNode } from '../tree/ui-node.js';
import { bookmarksCommand } from './bookmarks.js';
import { getCommand, setCommand } from './get-set.js';
import { helpCommand } from './help.js';
import { lsCommand } from './ls.js';
import { cdCommand, exitCommand, pwdCommand, refreshCommand, statusCommand } from './navigation.js';

const SHARED: readonly NodeCommand[] = [lsCommand, cdCommand, pwdCommand, exitCommand, bookmarksCommand, getCommand, setCommand, refreshCommand, statusCommand];

/** Commands every node has (configshell's ConfigNode ones). */
export function builtinCommands(node: UiNode): NodeCommand[] {
  const all = (): readonly NodeCommand[] => [...node.commands(), ...SHARED, help];
  const help = helpCommand(all);
  return [...SHARED, help];
}
