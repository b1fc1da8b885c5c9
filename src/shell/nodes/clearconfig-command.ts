import { ValidationError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import type { ShellEnv } from './shell-env.js';

/** `clearconfig confirm=true`: removes every target and storage object, deepest first. */
export function clearconfigCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'clearconfig',
      summary: 'Removes the whole live configuration (every target and storage object); needs confirm=true.',
      description: 'The saved configuration file is not touched.',
      params: [{ name: 'confirm', type: { kind: 'bool' }, default: false, help: 'must be true' }],
    }),
    true,
    (ctx, { values: v }) => {
      if (!v.confirm) throw new ValidationError('As a precaution, confirm=True needs to be set', { code: 'not-confirmed' });
      env.lio.clear();
      ctx.info('All configuration cleared');
    },
  );
}
