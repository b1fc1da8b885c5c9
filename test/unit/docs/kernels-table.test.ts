import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('docs/kernels.md', () => {
  it('is what scripts/kernel-diff.mjs makes of the captured fixtures (regenerate: node scripts/kernel-diff.mjs --write)', () => {
    const generated = execFileSync(process.execPath, ['scripts/kernel-diff.mjs'], { encoding: 'utf8' });
    expect(readFileSync('docs/kernels.md', 'utf8')).toBe(generated);
    // The differences lioctl's restore has to bridge are in it.
    expect(generated).toContain('`attrib/netif_timeout`');
    expect(generated).toContain('`attrib/emulate_rsoc`');
  });
});
