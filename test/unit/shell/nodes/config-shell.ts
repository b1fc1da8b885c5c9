import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { dumpConfig } from '../../../../src/config/dump/index.js';
import { serializeConfig } from '../../../../src/config/index.js';
import { LioctlError } from '../../../../src/errors/index.js';
import type { MemoryHost } from '../../../../src/model/index.js';
import { rootNodeFor } from '../../../../src/shell/nodes/root-node.js';
import type { ShellEnv } from '../../../../src/shell/nodes/shell-env.js';
import { Preferences } from '../../../../src/shell/prefs/preferences.js';
import { ShellSession, type CommandResult } from '../../../../src/shell/session/index.js';
import { kernelState, newLio, testHost, type TestLio } from '../../model/helpers.js';

export interface ConfigShell extends TestLio {
  readonly session: ShellSession;
  /** Every line printed: messages, `Warning: ` lines, results as humans see them. */
  readonly out: string[];
  readonly results: CommandResult[];
  run(...lines: string[]): string[];
  fail(line: string): LioctlError;
  /** The live configuration as saveconfig would write it. */
  saved(): string;
  /** Everything the simulated kernel holds, to show that nothing changed. */
  state(): unknown;
}

export function configShell(options: { host?: MemoryHost; interactive?: boolean; json?: boolean; defaultSavefile?: string } = {}): ConfigShell {
  const lio = newLio(new SimConfigFs(), options.host ?? testHost());
  const savefile = options.defaultSavefile;
  const env: ShellEnv = {
    lio: lio.lio,
    ...(savefile === undefined ? {} : { defaultSavefile: () => ({ path: savefile, reason: 'upstream-default' as const, message: `using ${savefile}` }) }),
  };
  const out: string[] = [];
  const results: CommandResult[] = [];
  const session = new ShellSession({
    fs: lio.fs,
    prefs: Preferences.inMemory(),
    root: () => rootNodeFor(env),
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
  return { ...lio, session, out, results, run, fail, saved: () => serializeConfig(dumpConfig(lio.lio)), state: () => kernelState(lio.sim) };
}

/** A fresh directory per test for configuration files, removed afterwards. */
export function useFiles(): (name: string, content?: string) => string {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return (name, content) => {
    dir ??= mkdtempSync(join(tmpdir(), 'lioctl-restore-'));
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
}
