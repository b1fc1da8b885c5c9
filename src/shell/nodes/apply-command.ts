import { vetUserHandlers } from './user-backstore-nodes.js';
import { backingProblems, executePlan, partialFailure } from '../../config/apply/index.js';
import { describeOperation, planConfig } from '../../config/index.js';
import { dumpConfig } from '../../config/dump/index.js';
import { NotFoundError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { CommandOutcome } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { changeLiveConfig, loadConfigFile } from './config-file-input.js';
import { doneResult, dryRunResult, plural, showPlanWarnings } from './plan-result.js';
import type { ShellEnv } from './shell-env.js';
import { warnMissingSettings } from './missing-settings.js';

const KIND = 'config-apply';

/**
 * `apply FILE [dry_run=false]`: makes the live configuration equal to FILE, touching only
 * what differs, so initiators using unchanged LUNs are not disturbed and a second apply
 * of the same file does nothing.
 */
export function applyCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'apply',
      summary: 'Makes the live configuration equal to FILE, changing only what differs (see diff FILE).',
      description:
        'Objects that match are left alone; objects missing from FILE are removed. Each operation is printed as it is done. ' +
        'The whole file is checked, and its backing files and devices looked up, before the first change.',
      params: [
        { name: 'file', type: { kind: 'file' }, required: true, help: 'a saveconfig.json file' },
        { name: 'dry_run', type: { kind: 'bool' }, default: false, help: 'list the operations, change nothing' },
      ],
    }),
    false,
    (ctx, { values: v }) => {
      const file = v.file;
      const parsed = loadConfigFile(ctx, file, { noun: 'Configuration file' });
      const apply = (): CommandOutcome => {
        const plan = planConfig(dumpConfig(env.lio), parsed.config, env.lio);
        warnMissingSettings(ctx, env.lio, plan.missing);
        if (plan.operations.length === 0) return { result: doneResult(KIND, file, [], `Nothing to do: the live configuration already matches ${file}`) };
        const missing = backingProblems(env.lio.host, plan.operations);
        if (missing.length > 0) {
          throw new NotFoundError(`Not applying ${file}: a backing file or device is missing:${missing.map((m) => `\n  ${m}`).join('')}`, {
            hint: 'nothing was changed; attach or mount it, or remove the object from the file',
          });
        }
        showPlanWarnings(ctx, [plan]);
        if (v.dry_run) return { result: dryRunResult(KIND, file, plan.operations) };
        const total = plan.operations.length;
        const report = executePlan(env.lio, plan.operations, { onDone: (op) => ctx.info(describeOperation(op)), vet: vetUserHandlers(env, (m) => ctx.warn(m)) });
        warnMissingSettings(ctx, env.lio, report.missing);
        const failure = partialFailure(`Applied ${report.done.length} of ${plural(total, 'change')} from ${file}`, report);
        if (failure !== undefined) throw failure;
        return { result: doneResult(KIND, file, report.done, `Applied ${plural(total, 'change')} from ${file}`) };
      };
      return v.dry_run ? apply() : changeLiveConfig(ctx, apply);
    },
  );
}
