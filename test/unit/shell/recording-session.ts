import type { ConfigFs } from '../../../src/configfs/index.js';
import { LioctlError } from '../../../src/errors/index.js';
import { Preferences } from '../../../src/shell/prefs/preferences.js';
import { ShellSession, type CommandResult } from '../../../src/shell/session/index.js';
import type { UiNode } from '../../../src/shell/tree/ui-node.js';

export interface RecordingSession {
  readonly session: ShellSession;
  readonly prefs: Preferences;
  /** Every line printed: messages as is, warnings with targetcli's `Warning: ` prefix, results as humans see them (width 80, no colour). */
  readonly out: string[];
  readonly results: CommandResult[];
  /** Runs lines and returns what they printed. */
  run(...lines: string[]): string[];
  /** Runs a line that must fail; returns the error. */
  fail(line: string): LioctlError;
}

/** A shell session over `fs` that keeps what it prints, for tests that read it as a user would. */
export function recordingSession(options: { fs: ConfigFs; root: (fs: ConfigFs) => UiNode; interactive?: boolean; json?: boolean }): RecordingSession {
  const prefs = Preferences.inMemory();
  const out: string[] = [];
  const results: CommandResult[] = [];
  const session = new ShellSession({
    fs: options.fs,
    prefs,
    root: options.root,
    output: {
      info: (m) => out.push(m),
      warn: (m) => out.push(`Warning: ${m}`),
      result: (r) => {
        results.push(r);
        out.push(r.human(r.data, { color: false, width: 80 }));
      },
    },
    json: options.json ?? false,
    interactive: options.interactive ?? false,
  });
  const run = (...lines: string[]): string[] => {
    const start = out.length;
    for (const line of lines) session.execute(line);
    return out.slice(start);
  };
  const fail = (line: string): LioctlError => {
    try {
      session.execute(line);
    } catch (err) {
      if (err instanceof LioctlError) return err;
      throw err;
    }
    throw new Error(`expected '${line}' to fail`);
  };
  return { session, prefs, out, results, run, fail };
}
