import { asLioctlError, UsageError } from '../errors/index.js';
import type { ParsedArgs } from './global-options.js';
import { reportError } from './report-error.js';
import { stderr } from './std-output.js';
import { personaOf } from './invoked-as.js';

/**
 * A command line without options (`lioctl ls /iscsi`) is only words: commander, its
 * help text and what it loads are needed only when there is an option to read.
 */
async function parseArgs(argv: readonly string[]): Promise<ParsedArgs | undefined> {
  if (!argv.some((word) => word.startsWith('-'))) return { words: [...argv], options: { json: false } };
  const { parseOptions } = await import('./parse-options.js');
  return parseOptions(argv);
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--complete') {
    // Shell completion (dist/completion/): the line so far, completed from the live tree.
    const { runComplete } = await import('./complete-line.js');
    return runComplete(argv[1] ?? '');
  }
  const parsed = await parseArgs(argv);
  if (parsed === undefined) return 0;
  const { words, options } = parsed;
  if (options.dryRun === true) {
    if (words.length === 0) throw new UsageError('--dry-run needs a command, e.g. lioctl --dry-run apply FILE');
    words.push('dry_run=true');
  }
  if (words[0] === 'top') {
    // A command of its own, loaded only when asked for: it brings ink and React.
    const { runTop } = await import('./top/run-top.js');
    return runTop(words.slice(1), options);
  }
  const { run } = await import('./run.js');
  return run(words, options, personaOf(process.argv[1]));
}

// libuv reads its thread count when it first needs a thread: a clear hands configfs
// eight removals at a time (src/configfs/lane-worker.ts) instead of libuv's four.
process.env.UV_THREADPOOL_SIZE ??= '8';

const debug = process.env.LIOCTL_DEBUG === '1';
const json = process.argv.includes('--json');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const report = reportError(asLioctlError(err), { json, debug });
    stderr.write(report.text);
    process.exitCode = report.exitCode;
  },
);
