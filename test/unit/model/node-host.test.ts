import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeHost } from '../../../src/model/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lioctl-host-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the real machine', () => {
  it('creates backing files sparse or allocated, and never over an existing file', () => {
    const host = new NodeHost();
    host.createFile(join(dir, 'sparse.img'), 4 << 20, true);
    expect(statSync(join(dir, 'sparse.img')).size).toBe(4 << 20);
    expect(statSync(join(dir, 'sparse.img')).blocks).toBeLessThan(64);
    host.createFile(join(dir, 'full.img'), 1 << 20, false);
    expect(statSync(join(dir, 'full.img')).blocks * 512).toBeGreaterThanOrEqual(1 << 20);
    expect(() => host.createFile(join(dir, 'full.img'), 1024, true)).toThrow(/EEXIST/);
    expect(host.stat(join(dir, 'full.img'))).toEqual({ kind: 'file', size: 1 << 20 });
    expect(host.stat(dir)).toEqual({ kind: 'dir', size: 0 });
    expect(host.stat(join(dir, 'none'))).toBeUndefined();
    expect(host.blockDevice(join(dir, 'full.img'))).toBeUndefined();
    host.removeFile(join(dir, 'full.img'));
    expect(host.stat(join(dir, 'full.img'))).toBeUndefined();
  });

  it('reads hardware port names under a given /sys root', () => {
    mkdirSync(join(dir, 'class/fc_host/host3'), { recursive: true });
    writeFileSync(join(dir, 'class/fc_host/host3/port_name'), '0x21000024ff67440c\n');
    const host = new NodeHost(dir);
    expect(host.listSys('/sys/class/fc_host')).toEqual(['host3']);
    expect(host.readSys('/sys/class/fc_host/host3/port_name')).toBe('0x21000024ff67440c');
    expect(host.readSys('/sys/class/fc_host/host3/symbolic_name')).toBeUndefined();
    expect(host.listSys('/sys/class/infiniband')).toEqual([]);
  });
});
