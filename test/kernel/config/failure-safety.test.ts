// A bad file never costs the running configuration or the saved one, and a save killed
// half-way leaves the old file or the new one, never a mix (run in the VM).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEverything, lioctl, lioctlOk } from './config-tools.js';

const DIR = '/tmp/lioctl-safety';
const SAVED = `${DIR}/etc/saveconfig.json`;
const GOOD = `${DIR}/good.json`;

/** The live configuration, as lioctl's saveconfig writes it (to a scratch file). */
function live(): string {
  lioctlOk('saveconfig', `${DIR}/live.json`);
  return readFileSync(`${DIR}/live.json`, 'utf8');
}

type Doc = { storage_objects: Array<Record<string, unknown>>; targets: Array<{ tpgs: Array<{ portals: Array<Record<string, unknown>> }> }> };

function variant(name: string, change: (doc: Doc) => void): string {
  const doc = JSON.parse(readFileSync(GOOD, 'utf8')) as Doc;
  change(doc);
  const path = `${DIR}/${name}`;
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(`${DIR}/etc`, { recursive: true });
  writeFileSync(GOOD, execFileSync(process.execPath, ['bench/gen-config.mjs', '4x4x4'], { encoding: 'utf8' }));
  clearEverything();
  lioctlOk('restoreconfig', GOOD);
  lioctlOk('saveconfig', SAVED);
});

afterAll(() => clearEverything());

describe('a bad file changes nothing', () => {
  const cases: Array<[string, () => string, number, string]> = [
    ['a truncated file', () => {
      writeFileSync(`${DIR}/truncated.json`, readFileSync(GOOD, 'utf8').slice(0, 5000));
      return `${DIR}/truncated.json`;
    }, 3, 'not valid JSON'],
    ['an invalid value', () => variant('invalid.json', (d) => (d.targets[1]!.tpgs[0]!.portals[0]!['port'] = 'iscsi')), 3, 'targets[1].tpgs[0].portals[0].port'],
    ['a missing backing device', () => variant('nodev.json', (d) => d.storage_objects.push({ name: 'gone', plugin: 'block', dev: '/dev/lioctl-no-such-disk', alua_tpgs: [] })), 4, 'device /dev/lioctl-no-such-disk does not exist'],
  ];
  for (const [what, make, status, message] of cases) {
    it(`${what}: restoreconfig clear_existing=true and apply refuse it before the first write`, { timeout: 600_000 }, () => {
      const before = live();
      const saved = readFileSync(SAVED);
      const path = make();
      for (const args of [['restoreconfig', path, 'clear_existing=true'], ['apply', path]]) {
        const r = lioctl(...args);
        expect({ status: r.status, stdout: r.stdout }).toEqual({ status, stdout: '' });
        expect(r.stderr).toContain(message);
      }
      expect(live()).toBe(before);
      expect(readFileSync(SAVED).equals(saved)).toBe(true);
    });
  }
});

/** Runs `lioctl saveconfig SAVED` and kills it with SIGKILL after `delayMs`. */
function killedSave(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lioctl', 'saveconfig', SAVED], { stdio: 'ignore', env: { ...process.env, LIOCTL_HOME: '/tmp/lioctl-config-home' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('saveconfig killed with SIGKILL', () => {
  it('leaves the complete old file or the complete new one, parseable, mode 0600', { timeout: 1_800_000 }, async () => {
    const outcomes: string[] = [];
    // How long a whole save takes here decides where kills land: from half-way (start-up
    // and the dump) to around the end (the write and the rename); under TCG one run can
    // take a quarter longer or shorter than another, hence the spread past 1.
    const start = Date.now();
    live();
    const fullMs = Date.now() - start;
    for (const [i, fraction] of [0.6, 0.8, 0.9, 1, 1.1, 1.25].entries()) {
      const delay = Math.round(fullMs * fraction);
      const old = readFileSync(SAVED, 'utf8');
      // A different live configuration each round, so old and new content differ.
      lioctlOk('/backstores/ramdisk', 'create', `killmark${i}`, '1M');
      const fresh = live();
      await killedSave(delay);
      const now = readFileSync(SAVED, 'utf8');
      expect([old, fresh]).toContain(now);
      expect(() => JSON.parse(now) as unknown).not.toThrow();
      expect(statSync(SAVED).mode & 0o777).toBe(0o600);
      for (const name of readdirSync(`${DIR}/etc`)) expect(statSync(`${DIR}/etc/${name}`).mode & 0o777).toBe(0o600);
      outcomes.push(now === old ? 'old' : 'new');
      // A kill between the temp file's creation and the rename leaves that file behind (0600, checked above).
      if (readdirSync(`${DIR}/etc`).some((n) => n.endsWith('.tmp'))) outcomes.push('temp file left');
    }
    console.log(`saveconfig (${fullMs} ms when not killed) killed: ${outcomes.join(', ')}`);
  });
});
