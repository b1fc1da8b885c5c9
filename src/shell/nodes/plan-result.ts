import { describeOperation, redactOperation, type Plan, type PlanOperation } from '../../config/index.js';
import type { CommandContext } from '../session/command-context.js';
import { result, type CommandResult } from '../session/command-outcome.js';

/** An operation as --json shows it: the plan's data with secrets masked, and its line. */
export type ListedOperation = PlanOperation & { readonly description: string };

/** What restoreconfig, apply, restore and diff report: the file and the operations. */
export interface ConfigChangeData {
  readonly file: string;
  readonly dryRun: boolean;
  /** Performed operations, or in a dry run (and for diff) the planned ones, in order. */
  readonly operations: readonly ListedOperation[];
}

export function listOperations(operations: readonly PlanOperation[]): ListedOperation[] {
  return operations.map((op) => ({ ...redactOperation(op), description: describeOperation(op) }));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The planner's warnings (settings the kernel will refuse while exported), before anything runs. */
export function showPlanWarnings(ctx: CommandContext, plans: readonly Plan[]): void {
  for (const plan of plans) for (const warning of plan.warnings) ctx.warn(warning);
}

/** A dry run: each operation on its line, then a line saying nothing was changed. */
export function dryRunResult(kind: string, file: string, operations: readonly PlanOperation[]): CommandResult<ConfigChangeData> {
  return result(kind, { file, dryRun: true, operations: listOperations(operations) }, (d) =>
    [...d.operations.map((o) => o.description), `Dry run: ${plural(d.operations.length, 'operation')} listed, nothing was changed.`].join('\n'),
  );
}

/**
 * What was done, with a one-line summary for humans. The operations are listed when first
 * read (--json): a restore's thousands of lines would otherwise be described for a summary
 * that shows none of them.
 */
export function doneResult(kind: string, file: string, operations: readonly PlanOperation[], summary: string): CommandResult<ConfigChangeData> {
  let listed: ListedOperation[] | undefined;
  const data: ConfigChangeData = {
    file,
    dryRun: false,
    // Enumerable, so JSON.stringify shows it like any other field.
    get operations() {
      return (listed ??= listOperations(operations));
    },
  };
  return result(kind, data, () => summary);
}
