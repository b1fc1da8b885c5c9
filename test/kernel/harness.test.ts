// Smoke test of the kernel test harness (test/kernel/vm): run with
// `npm run test:kernel`. It checks the harness itself, so it looks at configfs
// with plain node:fs instead of going through lioctl's configfs port.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TARGET = '/sys/kernel/config/target';

describe('kernel test VM', () => {
  it('runs the tests inside the VM', () => {
    expect(process.env.LIOCTL_VM).toBe('1');
  });

  it('has the LIO target loaded, with configfs mounted', () => {
    expect(statSync(TARGET).isDirectory()).toBe(true);
    expect(statSync(`${TARGET}/core`).isDirectory()).toBe(true);
  });
});
