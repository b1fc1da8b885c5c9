import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { infoResult } from './info-result.js';

/**
 * `info` on a node that wraps one configuration object: its saved fields (the keys
 * saveconfig.json uses), one `key: value` line each, as targetcli prints an object's dump.
 */
export function infoCommand(summary: string, fields: () => Readonly<Record<string, unknown>>): NodeCommand {
  return nodeCommand(defineCommand({ name: 'info', summary, params: [] }), false, () => ({ result: infoResult(fields()) }));
}
