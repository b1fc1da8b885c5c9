import { openBackend } from './open-backend.js';
import { argvToLine } from './argv-to-line.js';
import { consoleOutput } from './console-output.js';
import type { GlobalOptions } from './global-options.js';
import { Preferences } from '../shell/prefs/preferences.js';
import { ShellSession } from '../shell/session/index.js';
import { rootNode } from '../shell/nodes/root-node.js';
import { defaultLockPath, withCommandLock } from './command-lock.js';
import { stderr } from './std-output.js';
import type { Persona } from './invoked-as.js';

/** Chooses the mode: one line from argv, a script on stdin, or the interactive shell. */
export async function run(words: readonly string[], options: GlobalOptions, persona: Persona = 'lioctl'): Promise<number> {
  const interactive = words.length === 0 && process.stdin.isTTY === true;
  const backend = await openBackend({
    ...(options.sim === undefined ? {} : { sim: options.sim }),
    ...(options.root === undefined ? {} : { root: options.root }),
    interactive,
  });
  if (backend.notice !== undefined) stderr.write(`${backend.notice}\n`);
  const prefs = Preferences.inHome();
  const notRoot = backend.fs.backend === 'kernel' && options.root === undefined && process.getuid?.() !== 0;
  const session = new ShellSession({
    fs: backend.fs,
    prefs,
    root: rootNode,
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
      return await runScript(session, process.stdin, { json: options.json, keepGoing: persona === 'targetcli' });
    }
    const { runRepl } = await import('./repl.js');
    return await runRepl(session, options.json);
  } finally {
    backend.save();
  }
}
