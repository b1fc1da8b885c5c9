import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs on the host against the simulator (fast, `npm test`);
// `kernel` runs inside the VM against the real LIO configfs (`npm run test:kernel`).
// The conformance suite belongs to both: the same assertions, two backends.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/artifact/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
          env: { LIOCTL_TEST_BACKEND: 'simulator' },
        },
      },
      {
        test: {
          name: 'kernel',
          include: ['test/conformance/**/*.test.ts', 'test/kernel/**/*.test.ts'],
          env: { LIOCTL_TEST_BACKEND: 'kernel' },
          globalSetup: ['test/kernel/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
