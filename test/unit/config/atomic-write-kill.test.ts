import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { modeOf, useTempDir } from './temp-dir.js';

// npm test kills 10 times; the CI stress step (`npm run test:stress`) kills 100 times.
const RUNS = Number(process.env.LIOCTL_KILL_RUNS ?? 10);
const PARALLEL = 4;
const SIZE = 256 * 1024;

/** The child saves two alternating contents forever, announcing the first complete save. */
const CHILD = `
import { writeFileAtomic } from ${JSON.stringify(new URL('../../../src/config/atomic-write.ts', import.meta.url).pathname)};
const [file, size] = [process.argv[2], Number(process.argv[3])];
const contents = ['A', 'B'].map((c) => c.repeat(size) + '\\n');
writeFileAtomic(file, contents[0]);
process.stdout.write('ready\\n');
for (let i = 1; ; i++) writeFileAtomic(file, contents[i % 2]);
`;

function killDuringSaves(script: string, file: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, file, String(SIZE)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
}

describe('writeFileAtomic under SIGKILL', () => {
  const tmp = useTempDir();

  it(`leaves the complete old or new file, mode 0600, across ${RUNS} kills at random points`, async () => {
    const source = join(tmp(), 'child.ts');
    writeFileSync(source, CHILD);
    const script = join(tmp(), 'child.mjs');
    buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent' });
    const whole = new Set(['A', 'B'].map((c) => c.repeat(SIZE) + '\n'));
    for (let batch = 0; batch < RUNS / PARALLEL; batch++) {
      const files = Array.from({ length: PARALLEL }, (_, i) => join(tmp(), `run-${batch}-${i}`, 'saveconfig.json'));
      await Promise.all(files.map((f, i) => killDuringSaves(script, f, (batch * 7 + i * 13) % 40)));
      for (const file of files) {
        expect(whole.has(readFileSync(file, 'utf8'))).toBe(true);
        expect(modeOf(statSync(file))).toBe(0o600);
        // A kill between create and rename may leave a temp file; it is private too.
        for (const name of readdirSync(join(file, '..'))) expect(modeOf(statSync(join(file, '..', name)))).toBe(0o600);
      }
    }
  }, 120_000);
});
