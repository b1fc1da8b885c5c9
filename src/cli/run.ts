import { backendOptions, openBackend } from './open-backend.js';
import { argvToLine } from './argv-to-line.js';
import { consoleOutput } from './console-output.js';
import type { GlobalOptions } from './global-options.js';
import { Preferences } from '../shell/prefs/preferences.js';
import { ShellSession } from '../shell/session/index.js';
import { rootNodeWith } from '../shell/nodes/root-node.js';
import { defaultLockPath, withCommandLock } from './command-lock.js';
import { stderr } from './std-output.js';
import type { Persona } from './invoked-as.js';

/** Chooses the mode: one line from argv, a script on stdin, or the interactive shell. */
export async function run(words: readonly string[], options: GlobalOptions, persona: Persona = 'lioctl'): Promise<number> {
  const interactive = words.length === 0 && process.stdin.isTTY === true;
  const backend = await openBackend(backendOptions(options, interactive));
  if (backend.notice !== undefined) stderr.write(`${backend.notice}\n`);
  // targetcli saves the configuration when a session ends and scripts written for it count
  // on that; only for the live target, never a simulated one over the real saved file.
  const liveTarget = backend.fs.backend === 'kernel' && options.root === undefined;
  const prefs = persona === 'targetcli' && liveTarget ? Preferences.inHome({ auto_save_on_exit: true }) : Preferences.inHome();
  const notRoot = backend.fs.backend === 'kernel' && options.root === undefined && process.getuid?.() !== 0;
  const session = new ShellSession({
    fs: backend.fs,
    prefs,
    root: rootNodeWith({
      ...(backend.defaultSavefile === undefined ? {} : { defaultSavefile: backend.defaultSavefile }),
      ...(persona === 'targetcli' ? { targetcliStatus: true } : {}),
      ...(backend.tcmu === undefined ? {} : { tcmu: backend.tcmu }),
    }),
    output: consoleOutput({ json: options.json, colorMode: prefs.get('color_mode') }),
    json: options.json,
    interactive,
    ...(notRoot ? { readOnlyReason: 'changing the LIO configuration needs root: run lioctl with sudo' } : {}),
    ...(backend.fs.backend === 'kernel' && !notRoot
      ? { exclusive: <T>(fn: () => T): T => withCommandLock(process.env.LIOCTL_LOCK ?? defaultLockPath(), Number(process.env.LIOCTL_LOCK_TIMEOUT ?? 10) * 1000, fn) }
      : {}),
  });
  try {
    if (words.length > 0) {
      session.execute(argvToLine(words));
      return 0;
    }
    if (!interactive) {
      const { runScript } = await import('./run-script.js');
      const code = await runScript(session, process.stdin, { json: options.json, keepGoing: persona === 'targetcli' });
      const { saveOnExit } = await import('./save-on-exit.js');
      return code !== 0 ? code : saveOnExit(session, options.json);
    }
    const { runRepl } = await import('./repl.js');
    return await runRepl(session, options.json);
  } finally {
    backend.save();
  }
}
