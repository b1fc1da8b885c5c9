import { defineCommand } from '../commands/declaration.js';
import { renderCommandHelp, renderHelpIndex } from '../commands/help.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';

/** `help` needs the node's full command list, which only the session knows. */
export function helpCommand(all: () => readonly NodeCommand[]): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'help',
      summary: 'Shows the commands of the current node, or the syntax and description of one.',
      params: [{ name: 'topic', type: { kind: 'string' }, help: 'a command name', completer: 'command' }],
    }),
    false,
    (_ctx, bound) => {
      const declarations = all().map((c) => c.declaration);
      const topic = bound.values.topic;
      const text = topic === undefined ? renderHelpIndex(declarations) : renderCommandHelp(declarations, topic);
      return { result: result('help', { topic: topic ?? null, text }, (d) => d.text) };
    },
  );
}
