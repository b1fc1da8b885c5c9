import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// LIOCTL_KILL_RUNS sets the count: npm test runs a quick pass, CI can ask for 100.
const RUNS = Number(process.env.LIOCTL_KILL_RUNS ?? 8);
const PARALLEL = 4;
const BIN = resolve('bin/lioctl');

let dir = '';
const states = { a: '', b: '' };
const texts = { a: '', b: '' };

function lioctl(state: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, '--sim-state', state, ...args], { encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: dir } });
  if (r.status !== 0) throw new Error(`lioctl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** `saveconfig` of the whole built command, from its own copy of the simulator state, killed after `delayMs`. */
function killedSave(state: string, file: string, delayMs: number): Promise<void> {
  const own = `${file}.state.json`;
  copyFileSync(state, own);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, '--sim-state', own, 'saveconfig', file], { stdio: 'ignore', env: { ...process.env, LIOCTL_HOME: dir } });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.once('error', fail);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lioctl-save-kill-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, execFileSync(process.execPath, ['bench/gen-config.mjs', '4x4x4'], { encoding: 'utf8' }));
  states.a = join(dir, 'a.json');
  lioctl(states.a, 'restoreconfig', config);
  states.b = join(dir, 'b.json');
  copyFileSync(states.a, states.b);
  lioctl(states.b, '/backstores/ramdisk', 'create', 'marker', '1M');
  lioctl(states.a, 'saveconfig', join(dir, 'a.saved'));
  lioctl(states.b, 'saveconfig', join(dir, 'b.saved'));
  texts.a = readFileSync(join(dir, 'a.saved'), 'utf8');
  texts.b = readFileSync(join(dir, 'b.saved'), 'utf8');
}, 300_000);

/** How long a batch of saves takes when none is killed (the machine's load decides, so it is measured). */
async function calibrate(): Promise<number> {
  const start = Date.now();
  await Promise.all(Array.from({ length: PARALLEL }, (_, i) => killedSave(states.a, join(dir, `calibrate-${i}.json`), 600_000)));
  return Date.now() - start;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lioctl saveconfig under SIGKILL', () => {
  it(`leaves the complete old or new file, mode 0600, across ${RUNS} kills of the whole command`, { timeout: 900_000 }, async () => {
    expect(texts.a).not.toBe(texts.b);
    const fullRunMs = await calibrate();
    const outcomes = { old: 0, new: 0 };
    for (let batch = 0; batch < Math.ceil(RUNS / PARALLEL); batch++) {
      const runs = Array.from({ length: PARALLEL }, (_, i) => {
        const n = batch * PARALLEL + i;
        const [from, to] = n % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
        const runDir = mkdtempSync(join(dir, 'run-'));
        const file = join(runDir, 'saveconfig.json');
        writeFileSync(file, texts[from], { mode: 0o600 });
        // Spread over start-up, the dump and the write: 30% to 105% of a full run.
        const delay = Math.round(fullRunMs * (0.3 + ((n * 37) % 76) / 100));
        return { file, runDir, old: texts[from], fresh: texts[to], save: killedSave(states[to], file, delay) };
      });
      await Promise.all(runs.map((r) => r.save));
      for (const r of runs) {
        const now = readFileSync(r.file, 'utf8');
        expect(now === r.old || now === r.fresh).toBe(true);
        outcomes[now === r.old ? 'old' : 'new'] += 1;
        expect(statSync(r.file).mode & 0o777).toBe(0o600);
        for (const name of readdirSync(r.runDir).filter((n) => !n.endsWith('.state.json'))) expect(statSync(join(r.runDir, name)).mode & 0o777).toBe(0o600);
      }
    }
    // Both outcomes happen, or the delays missed the write entirely and prove nothing.
    console.log(`saveconfig killed ${RUNS} times (a full batch takes ${fullRunMs} ms): ${outcomes.old} old, ${outcomes.new} new`);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });
});
