import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../../src/configfs/sim/index.js';
import { LioRoot } from '../../../src/model/index.js';

describe('fileio on an existing file', () => {
  function setup() {
    const dir = mkdtempSync(join(tmpdir(), 'lioctl-existing-'));
    const file = join(dir, 'disk.img');
    writeFileSync(file, Buffer.alloc(4096));
    return { lio: new LioRoot(new SimConfigFs()), file };
  }

  it('uses the file as it is when no size is given', () => {
    const { lio, file } = setup();
    expect(lio.createFileio({ name: 'd', file }).describe().size).toBe(4096);
  });

  it('refuses a different size unless asked, and leaves nothing behind', () => {
    const { lio, file } = setup();
    expect(() => lio.createFileio({ name: 'd', file, size: '1M' })).toThrow(`File ${file} already exists with 4096 bytes, not 1048576; leave the size out to use it as it is, or add resize=true`);
    expect(lio.storageObjects()).toEqual([]);
    expect(statSync(file).size).toBe(4096);
    expect(lio.createFileio({ name: 'd', file, size: '1M', resize: true }).describe().size).toBe(1048576);
  });
});
