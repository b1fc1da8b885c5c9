import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCommandLock } from '../../../src/cli/command-lock.js';
import { BusyError } from '../../../src/errors/index.js';

describe('withCommandLock', () => {
  it('holds the lock only while the command runs', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lioctl-lock-')), 'lock');
    const seen = withCommandLock(path, 1000, () => existsSync(path));
    expect(seen).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('releases the lock when the command fails', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lioctl-lock-')), 'lock');
    expect(() => withCommandLock(path, 1000, () => { throw new Error('refused'); })).toThrow('refused');
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock whose owner died', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lioctl-lock-')), 'lock');
    writeFileSync(path, '999999999\n');
    expect(withCommandLock(path, 1000, () => 'ran')).toBe('ran');
  });

  it('gives up with a clear message while another process holds it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lioctl-lock-')), 'lock');
    const holder = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(path)}, process.pid + '\\n'); setTimeout(() => {}, 5000)`]);
    while (!existsSync(path)) await new Promise((r) => setTimeout(r, 10));
    try {
      expect(() => withCommandLock(path, 300, () => 'never')).toThrow(BusyError);
      expect(() => withCommandLock(path, 100, () => 'never')).toThrow(`another lioctl (pid ${holder.pid}) is changing the configuration; gave up after 0 s`);
    } finally {
      holder.kill();
    }
  });
});
