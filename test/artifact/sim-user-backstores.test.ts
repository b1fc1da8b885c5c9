import { describe, expect, it } from 'vitest';
import { lioctl, sandbox } from './run-lioctl.js';

/** The built lioctl on the simulator, whose tcmu-runner announces Debian's four handlers. */
describe('lioctl --sim: user:<handler> backstores', () => {
  it('lists user:fbo, user:qcow, user:rbd and user:zbc, and makes, checks and deletes objects in them', () => {
    const box = sandbox();
    const run = (...args: string[]) => lioctl(['--sim-state', box.state, ...args], { home: box.home, env: { LIOCTL_TCMU_BUS: '' } });
    const ls = run('ls', '/backstores', '1');
    expect(ls.stdout.split('\n').map((l) => /o- (\S+)/.exec(l)?.[1]).filter((n) => n !== undefined)).toEqual([
      'backstores',
      'block',
      'fileio',
      'pscsi',
      'ramdisk',
      'user:fbo',
      'user:qcow',
      'user:rbd',
      'user:zbc',
    ]);
    expect(run('/backstores/user:qcow', 'create', 'q1', '64M', '/var/tmp/q1.qcow2').stdout).toBe('Created user-backed storage object q1 size 67108864.\n');
    const refused = run('/backstores/user:rbd', 'create', 'name=r1', 'size=1G', 'cfgstring=no-pool');
    expect(refused.status).toBe(3);
    expect(refused.stderr).toBe("lioctl: cfgstring invalid: 'no-pool' is not <pool>/<image>\n");
    expect(run('ls', '/backstores/user:qcow').stdout).toMatch(/o- q1 \.+ \[\/var\/tmp\/q1\.qcow2 \(64\.0MiB\) deactivated\]/);
    expect(run('/backstores/user:rbd', 'help', 'create').stdout).toContain('rbd cfgstring: RBD config string: <pool>/<image>');
    expect(run('/backstores/user:qcow', 'delete', 'q1').stdout).toBe('Deleted storage object q1.\n');
    expect(run('ls', '/backstores/user:qcow').stdout).toMatch(/\[Storage Objects: 0\]/);
  });
});
