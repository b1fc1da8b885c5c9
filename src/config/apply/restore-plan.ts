import type { Plan } from '../plan/operations.js';
import { planConfig, planRestore } from '../plan/plan-config.js';
import type { SaveConfig } from '../schema.js';
import { clearedConfig, restoreConflicts, scopedDocument, type RestoreScope } from './restore-scope.js';

export interface RestoreRequest extends RestoreScope {
  /** Remove the live configuration (or the named target / storage objects) first. */
  readonly clearExisting: boolean;
}

export interface RestorePlan {
  /** The removals `clear_existing` makes first; empty without it. */
  readonly clear: Plan;
  /** Everything the (scoped) file holds, created from nothing, in the kernel's order. */
  readonly restore: Plan;
  /** Live objects the restore would collide with; only without `clear_existing`. */
  readonly conflicts: readonly string[];
}

const NOTHING: Plan = { operations: [], warnings: [], missing: [] };

/**
 * restoreconfig's semantics (rtslib's RTSRoot.restore) as two plans: clear, then create
 * every object of the file, keeping saved link aliases; unlike `apply`, objects are not
 * compared, so a restore always rebuilds what it covers.
 */
export function planRestoreConfig(live: SaveConfig, doc: SaveConfig, request: RestoreRequest, source: string): RestorePlan {
  const scoped = scopedDocument(doc, request, source);
  const restore = planRestore(scoped);
  if (!request.clearExisting) return { clear: NOTHING, restore, conflicts: restoreConflicts(live, scoped) };
  return { clear: planConfig(live, clearedConfig(live, request)), restore, conflicts: [] };
}
