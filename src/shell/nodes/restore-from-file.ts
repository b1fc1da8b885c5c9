import { vetUserHandlers } from './user-backstore-nodes.js';
import { backingProblems, executePlan, partialFailure, planRestoreConfig } from '../../config/apply/index.js';
import { dumpConfig } from '../../config/dump/index.js';
import type { RestoreOptions } from '../../config/index.js';
import { ConflictError, NotFoundError } from '../../errors/index.js';
import type { CommandContext } from '../session/command-context.js';
import type { CommandOutcome } from '../session/command-outcome.js';
import { changeLiveConfig, loadConfigFile } from './config-file-input.js';
import { doneResult, dryRunResult, plural, showPlanWarnings } from './plan-result.js';
import type { ShellEnv } from './shell-env.js';
import { warnMissingSettings } from './missing-settings.js';

export interface RestoreMode {
  /**
   * Boot-time restore (targetctl): restore whatever can be, even when a backing device is
   * missing. Otherwise a missing device refuses the restore before the first write.
   */
  readonly bestEffort: boolean;
}

export const RESULT_KIND = 'config-restore';

function listed(lines: readonly string[]): string {
  return lines.map((l) => `\n  ${l}`).join('');
}

/**
 * restoreconfig's semantics (reference §5.4), with what targetcli got wrong fixed: the
 * whole file is validated, conflicts and missing devices are found before the first
 * write, and the clear happens only when the restore can follow.
 */
export function restoreFromFile(ctx: CommandContext, env: ShellEnv, options: RestoreOptions, path: string, mode: RestoreMode): CommandOutcome {
  // Without a target's storage objects in the file, its LUNs use the live ones.
  const parsed = loadConfigFile(ctx, path, { checkReferences: options.target === undefined });
  const restore = (): CommandOutcome => {
    const plan = planRestoreConfig(dumpConfig(env.lio), parsed.config, options, path);
    if (plan.conflicts.length > 0) {
      throw new ConflictError(`Not restoring ${path}: ${plural(plan.conflicts.length, 'object')} of the file already live:${listed(plan.conflicts)}`, {
        hint: 'clear_existing=true replaces the live configuration; apply FILE changes only what differs',
      });
    }
    const missing = mode.bestEffort ? [] : backingProblems(env.lio.host, plan.restore.operations);
    if (missing.length > 0) {
      throw new NotFoundError(`Not restoring ${path}: a backing file or device is missing:${listed(missing)}`, {
        hint: 'nothing was changed; attach or mount it, or remove the object from the file',
      });
    }
    showPlanWarnings(ctx, [plan.clear, plan.restore]);
    if (options.dryRun) return { result: dryRunResult(RESULT_KIND, path, [...plan.clear.operations, ...plan.restore.operations]) };
    const stop = { stopAtFirstFailure: options.abortOnError };
    const cleared = executePlan(env.lio, plan.clear.operations, stop);
    const clearFailure = partialFailure(`Could not clear the live configuration, so nothing was restored from ${path}`, cleared);
    if (clearFailure !== undefined) throw clearFailure;
    const restored = executePlan(env.lio, plan.restore.operations, { ...stop, vet: vetUserHandlers(env, (m) => ctx.warn(m)) });
    warnMissingSettings(ctx, env.lio, restored.missing);
    const failure = partialFailure(`Configuration restored from ${path}`, restored);
    if (failure !== undefined) throw failure;
    return { result: doneResult(RESULT_KIND, path, [...cleared.done, ...restored.done], `Configuration restored from ${path}`) };
  };
  return options.dryRun ? restore() : changeLiveConfig(ctx, restore);
}
