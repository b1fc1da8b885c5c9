import { backingProblems } from '../../config/apply/index.js';
import { planConfig } from '../../config/index.js';
import { dumpConfig } from '../../config/dump/index.js';
import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { loadConfigFile } from './config-file-input.js';
import { listOperations, showPlanWarnings, type ConfigChangeData } from './plan-result.js';
import type { ShellEnv } from './shell-env.js';
import { warnMissingSettings } from './missing-settings.js';

/** `diff FILE`: the operations apply would perform, one per line; nothing is changed. */
export function diffCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'diff',
      summary: 'Lists, in order, the operations that would turn the live configuration into FILE; changes nothing.',
      description:
        'Objects that already match are not listed: apply FILE performs exactly these operations. Secrets are never shown; with --json each operation comes as data.',
      params: [{ name: 'file', type: { kind: 'file' }, required: true, help: 'a saveconfig.json file' }],
    }),
    false,
    (ctx, { values: v }) => {
      const parsed = loadConfigFile(ctx, v.file, { noun: 'Configuration file' });
      const plan = planConfig(dumpConfig(env.lio), parsed.config, env.lio);
      showPlanWarnings(ctx, [plan]);
      warnMissingSettings(ctx, env.lio, plan.missing);
      for (const problem of backingProblems(env.lio.host, plan.operations)) ctx.warn(`apply would refuse this file: ${problem}`);
      const data: ConfigChangeData = { file: v.file, dryRun: true, operations: listOperations(plan.operations) };
      return {
        result: result('config-diff', data, (d) =>
          d.operations.length === 0 ? `No differences: the live configuration matches ${d.file}` : d.operations.map((o) => o.description).join('\n'),
        ),
      };
    },
  );
}
