import { PartialFailureError } from '../../errors/index.js';
import { describeOperation } from '../plan/describe.js';
import type { ExecutionReport } from './execute-plan.js';
import { createdBy, removedBy } from './object-keys.js';

/** Long lists are cut so one missing disk behind a thousand mapped LUNs cannot flood a terminal. */
const SHOWN_LINES = 20;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The failures, then the objects not created or removed because of them, one line each.
 * Skipped setting changes are counted, not listed: they belong to objects listed above.
 */
export function problemLines(report: ExecutionReport): string[] {
  const objects = report.skipped.filter((s) => createdBy(s.operation) !== undefined || removedBy(s.operation) !== undefined);
  const settings = report.skipped.length - objects.length;
  return [
    ...report.failed.map((f) => f.message),
    ...objects.map((s) => `skipped: ${describeOperation(s.operation)} (${s.reason})`),
    ...(settings > 0 ? [`skipped: ${plural(settings, 'setting change')} of those objects`] : []),
  ];
}

/**
 * The error a command throws when anything failed or was skipped (non-zero exit), or
 * undefined when all went well. `headline` says what was done anyway, e.g.
 * "Configuration restored from /etc/target/saveconfig.json".
 */
export function partialFailure(headline: string, report: ExecutionReport): PartialFailureError | undefined {
  const lines = problemLines(report);
  if (lines.length === 0) return undefined;
  const counts = [report.failed.length > 0 ? plural(report.failed.length, 'error') : '', report.skipped.length > 0 ? `${report.skipped.length} skipped` : '']
    .filter((s) => s !== '')
    .join(', ');
  const shown = lines.slice(0, SHOWN_LINES).map((l) => `  ${l}`);
  if (lines.length > SHOWN_LINES) shown.push(`  ... and ${lines.length - SHOWN_LINES} more`);
  return new PartialFailureError(
    [`${headline}, ${counts}:`, ...shown].join('\n'),
    report.failed.map((f) => f.error),
  );
}
