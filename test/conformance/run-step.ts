import type { ConfigFs } from '../../src/configfs/index.js';
import { ConfigFsError } from '../../src/configfs/index.js';
import type { Outcome, Step } from '../../src/configfs/sim/fixture-types.js';

/** Runs one step through the port and reports what happened, as the fixtures record it. */
export function runStep(fs: ConfigFs, step: Step): Outcome {
  try {
    switch (step.op) {
      case 'mkdir':
        fs.mkdir(step.path);
        return { ok: true };
      case 'rmdir':
        fs.rmdir(step.path);
        return { ok: true };
      case 'write':
        fs.write(step.path, step.value ?? '');
        return { ok: true };
      case 'read':
        return { ok: true, result: fs.read(step.path) };
      case 'symlink':
        fs.symlink(step.target ?? '', step.path);
        return { ok: true };
      case 'unlink':
        fs.unlink(step.path);
        return { ok: true };
      case 'readlink':
        return { ok: true, result: fs.readlink(step.path) };
      case 'list':
        return { ok: true, result: fs.list(step.path) };
      case 'exists':
        return { ok: true, result: fs.exists(step.path) };
    }
  } catch (err) {
    if (err instanceof ConfigFsError) return { ok: false, errno: err.errno };
    throw err;
  }
}

/** Runs steps that must all succeed (scenario setup); names the first that did not. */
export function runAll(fs: ConfigFs, steps: readonly Step[]): void {
  for (const step of steps) {
    const outcome = runStep(fs, step);
    if (!outcome.ok) throw new Error(`setup step ${step.op} ${step.path} failed: ${outcome.errno}`);
  }
}

/** Best-effort teardown: every step is tried, failures ignored. */
export function runQuietly(fs: ConfigFs, steps: readonly Step[]): void {
  for (const step of steps) runStep(fs, step);
}
