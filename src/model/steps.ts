import { applyChange, runLanes, type ConfigFs, type ConfigFsChange, type LaneFailure } from '../configfs/index.js';
import { inContext, KernelRefusedError } from './errors.js';
import { refusedCreation, type Creation } from './rollback.js';

/**
 * One change of a larger operation, with what that operation is in an error's words
 * ("Cannot delete LUN 3 of ..."). A delete reads what it must remove first, as a list of
 * steps, so that many deletes can be handed to configfs at once (ConfigFs.startLanes).
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

/**
 * Makes independent lists of steps side by side. The first refusal is thrown in its step's
 * words; when other lanes were refused too, the hint names them.
 */
export function applyLanes(fs: ConfigFs, lanes: readonly (readonly Step[])[]): void {
  const refused = runLanes(fs, lanes).failures.map((f) => ({ what: lanes[f.lane]?.[f.index]?.what ?? 'Cannot make a change', error: f.error }));
  const [first, ...more] = refused;
  if (first === undefined) return;
  const others = more.length === 0 ? undefined : `also refused: ${more.map((r) => `${r.what} [${r.error.errno}]`).join('; ')}`;
  throw new KernelRefusedError(`${first.what}: ${first.error.message}`, first.error, others === undefined ? undefined : { hint: others });
}

/** One of several independent operations handed to configfs together: its changes, and the error its refusal means. */
export interface SideBySide {
  readonly changes: readonly ConfigFsChange[];
  refused(failure: LaneFailure): unknown;
  /** What follows once all its changes are made (a storage object's HBA goes with it). */
  readonly after?: (() => void) | undefined;
}

/** A delete's steps; a refusal is reported in its step's words, and nothing is taken back. */
export function stepsSideBySide(steps: readonly Step[], after?: () => void): SideBySide {
  return { changes: steps, refused: (f) => inContext(steps[f.index]?.what ?? 'Cannot make a change', f.error), after };
}

/** A create, all or nothing: a refused one takes back what it made before its error is reported. */
export function creationSideBySide(fs: ConfigFs, creation: Creation<unknown>): SideBySide {
  return { changes: creation.changes, refused: (f) => refusedCreation(fs, creation, f) };
}

/** Independent operations handed to configfs (startSideBySide): finish() waits for them. */
export interface StartedSideBySide {
  /** Per operation, the error of its refusal, or undefined; a refused create is taken back first. Once only. */
  finish(): unknown[];
}

/**
 * Starts making independent operations side by side (ConfigFs.startLanes: until finish(),
 * nothing they change may be changed or read).
 */
export function startSideBySide(fs: ConfigFs, items: readonly SideBySide[]): StartedSideBySide {
  const started = fs.startLanes(items.map((item) => item.changes));
  return {
    finish: () => {
      const errors: unknown[] = items.map(() => undefined);
      for (const failure of started.finish().failures) errors[failure.lane] = items[failure.lane]?.refused(failure);
      return errors;
    },
  };
}

