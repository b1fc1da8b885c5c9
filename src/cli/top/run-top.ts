import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../../errors/index.js';
import { LioRoot } from '../../model/index.js';
import type { GlobalOptions } from '../global-options.js';
import { backendOptions, openBackend } from '../open-backend.js';
import { importLiveView } from './import-live-view.js';
import { Sampler } from './sampler.js';
import { scopeFromPath } from './scope-from-path.js';
import { reportLines } from './screen-lines.js';
import { topJson } from './top-json.js';
import { parseTopArgs } from './top-options.js';
import { stderr, stdout } from '../std-output.js';

/**
 * `lioctl top ...`: the live view on a terminal, or with --once one sample measured over
 * one interval, as a table or JSON. Reads only: the simulator's state file is not saved.
 * ink and React are loaded only here, and only for the live view.
 */
export async function runTop(args: readonly string[], global: GlobalOptions): Promise<number> {
  const request = parseTopArgs(args, global.json);
  if (request.kind === 'help') {
    stdout.write(request.text);
    return 0;
  }
  const { options } = request;
  if (!options.once && (!stdout.isTTY || process.stdin.isTTY !== true)) {
    throw new UsageError('top: the live view needs a terminal', { hint: 'in scripts use: lioctl top --once [--json]' });
  }
  const backend = await openBackend(backendOptions(global, false));
  if (backend.notice !== undefined) stderr.write(`${backend.notice}\n`);
  const lio = new LioRoot(backend.fs);
  const scope = options.path === undefined ? {} : scopeFromPath(lio, options.path);
  const sampler = new Sampler(lio, scope);
  const first = sampler.next();
  if (options.once) {
    await sleep(options.interval * 1000);
    const measured = sampler.next();
    if (options.json) stdout.write(`${JSON.stringify(topJson(measured, options.path), null, 2)}\n`);
    else {
      const width = Math.min(stdout.columns ?? 132, 200);
      stdout.write(`${reportLines(measured, width).map((l) => l.text).join('\n')}\n`);
    }
    return 0;
  }
  const subject = `${options.path ?? '/'}${backend.fs.backend === 'simulator' ? ' (simulator)' : ''}`;
  // ink takes CI=... to mean "no terminal" and then draws only the last frame, at exit. The
  // live view runs only on a terminal (checked above), so that guess is wrong here; ink reads
  // the variables when it loads, just below.
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[name] !== undefined) process.env[name] = 'false';
  const { runLiveView } = await importLiveView();
  return runLiveView({ sampler, first, interval: options.interval, subject }, { stdout: stdout.stream(), stdin: process.stdin });
}
