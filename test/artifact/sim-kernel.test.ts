import { existsSync, readFileSync } from 'node:fs';
import { release } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SIM_KERNELS, findSimKernel, kernelSeries } from '../../src/configfs/sim/index.js';
import { lioctl, sandbox } from './run-lioctl.js';

const recorded = (series: string): string => findSimKernel(series)?.release ?? '';
const version = (series: string): RegExp => new RegExp(`^lioctl version \\S+, simulator of Linux ${series.replace('.', '\\.')} \\(recorded on ${recorded(series).replace(/[.+]/g, '\\$&')}\\)\\n$`);

describe('the kernel the simulator imitates (bin/lioctl)', () => {
  it('is the running kernel when it was captured, else the newest; version says which', () => {
    const host = kernelSeries(release());
    const expected = (SIM_KERNELS as readonly string[]).includes(host) ? host : SIM_KERNELS[SIM_KERNELS.length - 1];
    const { home, state } = sandbox();
    const r = lioctl(['--sim-state', state, 'version'], { home, env: { LIOCTL_SIM_KERNEL: '' } });
    expect(r.stdout).toMatch(version(expected ?? ''));
  });

  it('is the one --sim-kernel or LIOCTL_SIM_KERNEL names, and it shapes the tree', () => {
    const { home, state } = sandbox();
    const r = lioctl(['--sim-kernel', '6.1', '--sim-state', state, 'version'], { home });
    expect(r).toMatchObject({ status: 0, stdout: expect.stringMatching(version('6.1')) });
    const other = sandbox();
    const env = { LIOCTL_SIM_KERNEL: '6.12' };
    expect(lioctl(['--sim-state', other.state, 'version'], { home: other.home, env }).stdout).toMatch(version('6.12'));
    // 6.12 TPGs have no netif_timeout, 6.1 ones do.
    const made = lioctl(['--sim-state', other.state], { home: other.home, env, input: '/iscsi create iqn.2003-01.org.example:t1\n' });
    expect(made.status).toBe(0);
    const get = lioctl(['--sim-state', other.state, '/iscsi/iqn.2003-01.org.example:t1/tpg1', 'get', 'attribute', 'netif_timeout'], { home: other.home, env });
    expect(get.status).toBe(4);
  });

  it('is kept with the state file, and a state of another kernel is refused when one is named', () => {
    const { home, state } = sandbox();
    expect(lioctl(['--sim-kernel', '6.1', '--sim-state', state, '/backstores/ramdisk', 'create', 'r1', '1M'], { home }).status).toBe(0);
    expect(lioctl(['--sim-state', state, 'version'], { home, env: { LIOCTL_SIM_KERNEL: '' } }).stdout).toMatch(version('6.1'));
    const r = lioctl(['--sim-kernel', '6.12', '--sim-state', state, 'ls'], { home });
    expect(r.status).toBe(7);
    expect(r.stderr).toContain(`simulator state ${state} imitates kernel 6.1, not 6.12`);
  });

  it('refuses a kernel it has no fixtures for, naming the ones it has', () => {
    const { home, state } = sandbox();
    const r = lioctl(['--sim-kernel', '5.4', '--sim-state', state, 'ls'], { home });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('lioctl: no simulator of kernel 5.4\n  lioctl imitates 6.1 and 6.12\n');
  });
});

describe('the CLI bundle (dist/lioctl.cjs)', () => {
  it('leaves every kernel tree set out, to be required from the package when the simulator opens', () => {
    const bundle = readFileSync('dist/lioctl.cjs', 'utf8');
    for (const series of SIM_KERNELS) {
      expect(bundle).toContain(`../fixtures/kernel/${series}/trees.json`);
      expect(existsSync(`fixtures/kernel/${series}/trees.json`)).toBe(true);
    }
    expect(bundle).not.toContain('core/alua/lu_gps/default_lu_gp/lu_gp_id');
  });
});
