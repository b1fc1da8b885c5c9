import type { CommandContext } from '../session/command-context.js';
import type { CommandOutcome } from '../session/command-outcome.js';

/**
 * After every create, as targetcli: the `last` bookmark points at the new node, and with
 * auto_cd_after_create the shell moves there.
 */
export function created(ctx: CommandContext, path: string): CommandOutcome {
  ctx.prefs.setBookmark('last', path);
  return ctx.prefs.get('auto_cd_after_create') ? { cd: path } : {};
}
