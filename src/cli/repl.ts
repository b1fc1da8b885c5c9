import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { complete } from '../shell/completion/complete.js';
import { formatPrompt } from '../shell/render/prompt.js';
import { lioctlHome } from '../shell/prefs/preferences.js';
import type { ShellSession } from '../shell/session/index.js';
import { reportError } from './report-error.js';
import { saveOnExit } from './save-on-exit.js';
import { version } from '../shell/version.js';
import { stderr, stdout } from './std-output.js';

const HISTORY_LINES = 1000;

function historyFile(): string {
  return join(lioctlHome(), 'history');
}

function loadHistory(): string[] {
  try {
    // readline wants the newest entry first.
    return readFileSync(historyFile(), 'utf8').split('\n').filter(Boolean).slice(-HISTORY_LINES).reverse();
  } catch {
    return [];
  }
}

function remember(line: string): void {
  try {
    mkdirSync(lioctlHome(), { recursive: true, mode: 0o700 });
    appendFileSync(historyFile(), `${line}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience; a read-only home must not break the shell.
  }
}

function prompt(session: ShellSession): string {
  const base = formatPrompt(session.cwd, session.prefs.get('prompt_length'));
  return session.prefs.get('auto_save_on_exit') ? `(autosave) ${base}` : base;
}

/**
 * The interactive shell: prompt with the current path, history, Tab completion (with fuzzy
 * matches when a prefix finds nothing), Ctrl-C cancels the line, Ctrl-D leaves.
 */
export async function runRepl(session: ShellSession, json: boolean): Promise<number> {
  stdout.write(`lioctl shell version ${version}\nFor help on commands, type 'help'.\n\n`);
  const rl: Interface = createInterface({
    input: process.stdin,
    output: stdout.stream(),
    terminal: true,
    history: loadHistory(),
    historySize: HISTORY_LINES,
    removeHistoryDuplicates: true,
    completer: (line: string) => {
      const { candidates, word } = complete(session, line);
      return [candidates.length === 1 ? candidates : [...candidates], word];
    },
  });
  let lastCode = 0;
  rl.on('SIGINT', () => {
    // Cancel the line being typed, as a shell does.
    rl.write(null, { ctrl: true, name: 'u' });
    stdout.write('\n');
    rl.setPrompt(prompt(session));
    rl.prompt();
  });
  rl.setPrompt(prompt(session));
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() !== '') remember(line);
    try {
      const outcome = session.execute(line);
      lastCode = 0;
      if (outcome.exit) break;
    } catch (err) {
      const report = reportError(err, { json, debug: process.env.LIOCTL_DEBUG === '1' });
      stderr.write(report.text);
      lastCode = report.exitCode;
    }
    rl.setPrompt(prompt(session));
    rl.prompt();
  }
  rl.close();
  const saved = saveOnExit(session, json);
  return saved !== 0 ? saved : lastCode;
}
