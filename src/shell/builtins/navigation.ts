import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand } from '../tree/ui-node.js';

export const cdCommand = nodeCommand(
  defineCommand({
    name: 'cd',
    summary: 'Moves to another node: an absolute or relative path, .., - (previous) or @bookmark.',
    params: [{ name: 'path', type: { kind: 'path' }, default: '/', help: 'where to go', completer: 'path' }],
  }),
  false,
  (ctx, bound) => ({ cd: ctx.resolve(bound.values.path).path }),
);

export const pwdCommand = nodeCommand(
  defineCommand({ name: 'pwd', summary: 'Prints the full path of the current node.', params: [] }),
  false,
  (ctx) => ({ result: result('pwd', { path: ctx.node.path }, (d) => d.path) }),
);

export const exitCommand = nodeCommand(
  defineCommand({ name: 'exit', summary: 'Leaves the shell (Ctrl-D does the same).', params: [] }),
  false,
  () => ({ exit: true }),
);

export const refreshCommand = nodeCommand(
  defineCommand({
    name: 'refresh',
    summary: 'Re-reads the configuration (lioctl always reads it live; kept for targetcli scripts).',
    params: [],
  }),
  false,
  () => undefined,
);

export const statusCommand = nodeCommand(
  defineCommand({ name: 'status', summary: 'Prints the status line of the current node.', params: [] }),
  false,
  (ctx) => {
    const s = ctx.node.summary();
    return {
      result: result('status', { path: ctx.node.path, summary: s.text, healthy: s.healthy }, (d) => `Status for ${d.path}: ${d.summary}`),
    };
  },
);
