import type { ShellSession } from '../shell/session/index.js';
import { reportError } from './report-error.js';
import { stderr, stdout } from './std-output.js';

/**
 * At the end of a session: saveconfig when the auto_save_on_exit preference is on, as
 * targetcli does. Returns the exit status of that save (0 when nothing was to be done).
 */
export function saveOnExit(session: ShellSession, json: boolean): number {
  if (!session.prefs.get('auto_save_on_exit')) return 0;
  stdout.write('Global pref auto_save_on_exit=true\n');
  try {
    session.execute('/ saveconfig');
    return 0;
  } catch (err) {
    const report = reportError(err, { json, debug: false });
    stderr.write(report.text);
    return report.exitCode;
  }
}
