import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';

// bin/lioctl runs the bundle wrapped like this; a rejected cache costs every command a
// full compile (most of a short command's time in the kernel VM) without any error.
const file = resolve('dist/lioctl.cjs');
const wrapped = `(function (exports, require, module, __filename, __dirname, __lioctlImport) {${readFileSync(file, 'utf8')}\n})`;

describe('the built code cache', () => {
  it('is accepted by this node for the bundle bin/lioctl runs', () => {
    const script = new Script(wrapped, { filename: file, cachedData: readFileSync(`${file}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('was not made from another text of the bundle', () => {
    const script = new Script(`${wrapped}\n`, { filename: file, cachedData: readFileSync(`${file}.cache`) });
    expect(script.cachedDataRejected).toBe(true);
  });
});
