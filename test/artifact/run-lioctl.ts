import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve('bin/lioctl');

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A private home (prefs, history, simulator state) per test, so runs never share state. */
export function sandbox(): { home: string; state: string } {
  const home = mkdtempSync(join(tmpdir(), 'lioctl-artifact-'));
  return { home, state: join(home, 'sim.json') };
}

/** What every run gets: its own home, and no colour. */
function envFor(home: string): NodeJS.ProcessEnv {
  return { ...process.env, LIOCTL_HOME: home, HOME: home, NO_COLOR: '1' };
}

/** Runs the built bin/lioctl as a user would, with stdin from `input` (not a terminal). */
export function lioctl(args: readonly string[], options: { home: string; input?: string; env?: NodeJS.ProcessEnv }): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...envFor(options.home), ...options.env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs bin/lioctl with its standard output closed from the start, as `| head` does at its end. */
export function lioctlIntoClosedPipe(args: readonly string[], options: { home: string }): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: envFor(options.home),
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.on('close', (status) => done({ status, stderr })));
}
