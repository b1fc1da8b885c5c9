import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFsError } from '../../../src/configfs/index.js';
import { SimConfigFs, loadSimState, saveSimState } from '../../../src/configfs/sim/index.js';

describe('SimConfigFs', () => {
  it('starts as a kernel with only target_core_mod loaded', () => {
    const sim = new SimConfigFs();
    expect(sim.list('')).toEqual(['core', 'dbroot', 'version']);
    expect(sim.list('core')).toEqual(['alua']);
    expect(sim.read('version')).toMatch(/^Target Engine Core ConfigFS Infrastructure/);
  });

  it('fails an injected step once, with the errno asked for, and then behaves again', () => {
    const sim = new SimConfigFs();
    sim.injectFailure('mkdir', /^core\/fileio_\d+$/, 'ENOMEM');
    expect(() => sim.mkdir('core/fileio_0')).toThrow(ConfigFsError);
    expect(sim.exists('core/fileio_0')).toBe(false);
    sim.mkdir('core/fileio_0');
    expect(sim.exists('core/fileio_0/hba_info')).toBe(true);
  });

  it('forgets a removed directory and everything it held, so the same name starts fresh', () => {
    const sim = new SimConfigFs();
    sim.mkdir('core/rd_mcp_0');
    sim.mkdir('core/rd_mcp_0/d');
    sim.write('core/rd_mcp_0/d/control', 'rd_pages=8');
    sim.write('core/rd_mcp_0/d/enable', '1');
    sim.write('core/rd_mcp_0/d/attrib/emulate_caw', '0');
    sim.rmdir('core/rd_mcp_0/d');
    expect(sim.exists('core/rd_mcp_0/d')).toBe(false);
    expect(sim.exists('core/rd_mcp_0/d/attrib/emulate_caw')).toBe(false);
    expect(sim.exists('core/rd_mcp_0/hba_info')).toBe(true);
    sim.mkdir('core/rd_mcp_0/d');
    expect(sim.read('core/rd_mcp_0/d/enable')).toBe('0\n');
    expect(sim.read('core/rd_mcp_0/d/attrib/emulate_caw')).toBe('1\n');
  });

  it('round-trips its whole state through a snapshot, links and device state included', () => {
    const sim = new SimConfigFs();
    sim.mkdir('core/fileio_0');
    sim.mkdir('core/fileio_0/d');
    sim.write('core/fileio_0/d/control', 'fd_dev_name=/tmp/x,fd_dev_size=1048576');
    sim.write('core/fileio_0/d/enable', '1');
    sim.mkdir('iscsi');
    sim.mkdir('iscsi/iqn.2003-01.org.example:t');
    sim.mkdir('iscsi/iqn.2003-01.org.example:t/tpgt_1');
    sim.mkdir('iscsi/iqn.2003-01.org.example:t/tpgt_1/lun/lun_0');
    sim.symlink('core/fileio_0/d', 'iscsi/iqn.2003-01.org.example:t/tpgt_1/lun/lun_0/abc');

    const copy = SimConfigFs.fromSnapshot(JSON.parse(JSON.stringify(sim.toSnapshot())));
    expect(copy.readlink('iscsi/iqn.2003-01.org.example:t/tpgt_1/lun/lun_0/abc')).toBe('core/fileio_0/d');
    expect(copy.read('core/fileio_0/d/info')).toContain('Status: ACTIVATED');
    expect(copy.stat('core/fileio_0/d/control').mode).toBe(0o200);
    // the kernel still refuses what it refused before the round trip
    expect(() => copy.rmdir('core/fileio_0/d')).toThrow(/EBUSY/);
    expect(() => copy.write('core/fileio_0/d/attrib/block_size', '4096')).toThrow(/EINVAL/);
  });

  it('persists to a private state file, atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lioctl-sim-'));
    const file = join(dir, 'state.json');
    const sim = loadSimState(file);
    sim.mkdir('loopback');
    saveSimState(file, sim);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSimState(file).list('')).toContain('loopback');
  });

  it('says how to recover from an unreadable state file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lioctl-sim-'));
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"version": 1, "entr');
    expect(() => loadSimState(file)).toThrow(/simulator state .* is not usable/);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "entr');
  });
});
