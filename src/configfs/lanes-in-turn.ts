import { ConfigFsError } from './configfs-error.js';
import type { ConfigFs, ConfigFsChange, LaneFailure, LanesOutcome, StartedLanes } from './port.js';

/** Makes one change through the port's own calls. */
export function applyChange(fs: ConfigFs, change: ConfigFsChange): void {
  switch (change.op) {
    case 'write':
      return fs.write(change.path, change.value);
    case 'mkdir':
      return fs.mkdir(change.path);
    case 'rmdir':
      return fs.rmdir(change.path);
    case 'unlink':
      return fs.unlink(change.path);
    case 'symlink':
      return fs.symlink(change.target, change.path);
  }
}

/** Makes the lanes (ConfigFs.startLanes) and returns once they are made. */
export function runLanes(fs: ConfigFs, lanes: readonly (readonly ConfigFsChange[])[]): LanesOutcome {
  return fs.startLanes(lanes).finish();
}

/** Lanes already made, as startLanes returns them. */
export function finishedLanes(outcome: LanesOutcome): StartedLanes {
  return { finish: () => outcome };
}

/** Lanes whose outcome `make` gives at the first finish() (makes them then, or waits for them). */
export function atFinish(make: () => LanesOutcome): StartedLanes {
  let outcome: LanesOutcome | undefined;
  return { finish: () => (outcome ??= make()) };
}

/**
 * startLanes for a port that makes one call at a time: one change of each lane in turn, so
 * that a caller relying on an order between lanes fails on the simulator as it would on
 * the kernel, where lanes run side by side.
 */
export function runLanesInTurn(fs: ConfigFs, lanes: readonly (readonly ConfigFsChange[])[]): LanesOutcome {
  const done = lanes.map(() => 0);
  const refused: Array<LaneFailure | undefined> = lanes.map(() => undefined);
  for (let left = true; left; ) {
    left = false;
    for (const [lane, changes] of lanes.entries()) {
      const index = done[lane] ?? 0;
      const change = changes[index];
      if (change === undefined || refused[lane] !== undefined) continue;
      try {
        applyChange(fs, change);
      } catch (err) {
        if (!(err instanceof ConfigFsError)) throw err;
        refused[lane] = { lane, index, error: err };
        continue;
      }
      done[lane] = index + 1;
      left = true;
    }
  }
  return { done, failures: refused.filter((f) => f !== undefined) };
}
