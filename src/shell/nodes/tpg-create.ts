import { LioctlError } from '../../errors/index.js';
import { DEFAULT_PORTAL_ADDRESS, DEFAULT_PORTAL_PORT, hasFeature, type CreateTpgOptions, type Tpg } from '../../model/index.js';
import type { CommandContext } from '../session/command-context.js';

/** TPG options from the preferences: auto_enable_tpgt (authentication=0 on iSCSI is the model's default). */
export function newTpgOptions(ctx: CommandContext): CreateTpgOptions {
  return { enable: ctx.prefs.get('auto_enable_tpgt') };
}

/**
 * After a TPG is made (by `create` on a target, or implicitly by a fabric's `create`):
 * targetcli's log line, then with auto_add_default_portal a portal on [::0]:3260. That
 * portal is optional: when another TPG of the target holds the address, it is skipped.
 */
export function afterTpgCreated(ctx: CommandContext, tpg: Tpg): void {
  ctx.info(`Created TPG ${tpg.tag}.`);
  if (!hasFeature(tpg.fabric.spec, 'nps') || !ctx.prefs.get('auto_add_default_portal')) return;
  try {
    tpg.createPortal(DEFAULT_PORTAL_ADDRESS, DEFAULT_PORTAL_PORT);
  } catch (err) {
    if (!(err instanceof LioctlError)) throw err;
    ctx.info('Default portal not created, TPGs within a target cannot share ip:port.');
    return;
  }
  ctx.info('Global pref auto_add_default_portal=true');
  ctx.info(`Created default portal listening on all IPs (${DEFAULT_PORTAL_ADDRESS}), port ${DEFAULT_PORTAL_PORT}.`);
}
