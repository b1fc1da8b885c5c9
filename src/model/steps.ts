import { applyChange, type ConfigFs, type ConfigFsChange } from '../configfs/index.js';
import { inContext } from './errors.js';

/**
 * One change of a larger operation, with what that operation is in an error's words
 * ("Cannot delete LUN 3 of ..."). A delete reads what it must remove first, as a list of
 * steps, so that many deletes can be handed to configfs at once (ConfigFs.runLanes).
 */
export type Step = ConfigFsChange & { readonly what: string };

/** Makes the steps in order; a refusal is thrown in its step's words. */
export function applySteps(fs: ConfigFs, steps: readonly Step[]): void {
  for (const step of steps) {
    try {
      applyChange(fs, step);
    } catch (err) {
      throw inContext(step.what, err);
    }
  }
}

/** Makes independent lists of steps side by side; the first refusal is thrown in its step's words. */
export function applyLanes(fs: ConfigFs, lanes: readonly (readonly Step[])[]): void {
  const first = fs.runLanes(lanes).failures[0];
  if (first === undefined) return;
  const step = lanes[first.lane]?.[first.index];
  throw step === undefined ? first.error : inContext(step.what, first.error);
}
