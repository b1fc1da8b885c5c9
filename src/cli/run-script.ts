import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ShellSession } from '../shell/session/index.js';
import { reportError } from './report-error.js';
import { stderr } from './std-output.js';

export interface ScriptOptions {
  readonly json: boolean;
  /**
   * Go on after a failed line and exit 0 at the end, as targetcli does with a script on
   * stdin (the `targetcli` persona): scripts written for it count on that. Each failure
   * is still reported, naming its line.
   */
  readonly keepGoing?: boolean;
}

/**
 * Lines from a pipe or file: run in order, stop at the first error and exit with its code
 * (targetcli printed prompts, went on after errors and exited 0).
 */
export async function runScript(session: ShellSession, input: Readable, options: ScriptOptions): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    try {
      if (session.execute(line).exit) break;
    } catch (err) {
      const report = reportError(err, { json: options.json, debug: process.env.LIOCTL_DEBUG === '1' });
      stderr.write(options.json ? report.text : report.text.replace(/^lioctl: /, `lioctl: line ${number}: `));
      if (options.keepGoing === true) continue;
      lines.close();
      return report.exitCode;
    }
  }
  return 0;
}
