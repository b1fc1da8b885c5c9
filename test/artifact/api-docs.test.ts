import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('docs/api (generated from the library declarations)', () => {
  it('is what `npm run docs:api` makes from the current sources', () => {
    const out = mkdtempSync(join(tmpdir(), 'lioctl-api-'));
    const typedoc = resolve('node_modules', 'typedoc', 'bin', 'typedoc');
    const run = spawnSync(process.execPath, [typedoc, '--out', out, '--logLevel', 'Error'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = readFileSync('docs/api/README.md', 'utf8');
    // A difference means the exports or their comments changed: run `npm run docs:api` and commit docs/api.
    expect(readFileSync(join(out, 'README.md'), 'utf8') === committed, 'docs/api/README.md is out of date: npm run docs:api').toBe(true);
    expect(committed).toContain('### LioRoot');
  }, 180_000);
});
