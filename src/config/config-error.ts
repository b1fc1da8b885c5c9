import { ValidationError } from '../errors/index.js';
import { showPath, type JsonPath } from './json-path.js';

/** One problem in a configuration document, where it is and what is wrong. */
export interface ConfigIssue {
  readonly path: JsonPath;
  readonly message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  return `${showPath(issue.path)}: ${issue.message}`;
}

/** Long lists are cut so one bad file cannot flood a terminal; `issues` keeps them all. */
const SHOWN_IN_MESSAGE = 20;

/**
 * A configuration file was refused before anything was applied. The message lists every
 * problem (one per line, each starting with its JSON path); `issues` has them as data.
 */
export class ConfigValidationError extends ValidationError {
  override name = 'ConfigValidationError';
  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly source?: string,
  ) {
    super(buildMessage(issues, source), { code: 'bad-config', hint: 'nothing was changed; fix the file and try again' });
  }
}

function buildMessage(issues: readonly ConfigIssue[], source: string | undefined): string {
  const where = source === undefined ? 'the configuration' : source;
  const [only] = issues;
  if (issues.length === 1 && only !== undefined) return `Invalid configuration in ${where}: ${formatIssue(only)}`;
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.slice(0, SHOWN_IN_MESSAGE).map((i) => `  ${formatIssue(i)}`);
  if (issues.length > SHOWN_IN_MESSAGE) lines.push(`  ... and ${issues.length - SHOWN_IN_MESSAGE} more`);
  return [`Invalid configuration in ${where} (${count}):`, ...lines].join('\n');
}
