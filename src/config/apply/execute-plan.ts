import { asLioctlError, PartialFailureError, type LioctlError } from '../../errors/index.js';
import { NoSuchSettingError, creationSideBySide, startSideBySide, stepsSideBySide, type LioRoot, type SideBySide, type StartedSideBySide } from '../../model/index.js';
import { describeOperation } from '../plan/describe.js';
import type { MissingSetting, PlanOperation } from '../plan/operations.js';
import { aluaGroupKey, createdBy, holdersOf, neededBy, removedBy, settingsOf, type ObjectKey } from './object-keys.js';
import { creationOf, isSideBySideCreate } from './creations.js';
import { deletionOf, isDeletion } from './deletions.js';
import { performOperation } from './perform-operation.js';
import { SettingsRefusedError } from './write-settings.js';

export interface OperationFailure {
  readonly operation: PlanOperation;
  /** One line that names the object and the reason, never a secret. */
  readonly message: string;
  readonly error: LioctlError;
}

export interface SkippedOperation {
  readonly operation: PlanOperation;
  /** Why it was not attempted: `storage object fileio/disk1 was not created`. */
  readonly reason: string;
}

export interface ExecutionReport {
  /** Operations performed completely, in order. */
  readonly done: readonly PlanOperation[];
  /** Refusals, one per problem (an operation with several refused settings has several). */
  readonly failed: readonly OperationFailure[];
  /** Operations not attempted because an object they need failed. */
  readonly skipped: readonly SkippedOperation[];
  /** Settings left out because the running kernel does not have them (one per object and name). */
  readonly missing: readonly MissingSetting[];
}

export interface ExecuteOptions {
  /** Stop at the first failure (restoreconfig's abort_on_error) instead of going on. */
  readonly stopAtFirstFailure?: boolean;
  /** Called after each operation performed completely (progress lines). */
  readonly onDone?: (op: PlanOperation) => void;
  /**
   * Asked before anything is made: what it throws for an operation is that operation's
   * failure, and what depends on it is skipped (a user object whose tcmu-runner handler
   * is not there).
   */
  readonly vet?: (op: PlanOperation) => void;
}

/** Operations whose refusals come from the model's settings groups, which name the setting and its object. */
const SETTINGS_KINDS: ReadonlySet<PlanOperation['kind']> = new Set([
  'set-storage-attributes',
  'set-alua-group',
  'set-target-parameters',
  'set-tpg-attributes',
  'set-tpg-parameters',
  'set-node-acl-attributes',
]);

/**
 * The model's own messages start with "Cannot <verb> <object>", and settings refusals
 * name their object; anything else (a lookup that found nothing, a value refused before
 * any write) gets the operation in front, so every line says which object failed.
 */
function failureMessage(op: PlanOperation, err: LioctlError): string {
  if (err.message.startsWith('Cannot ') || SETTINGS_KINDS.has(op.kind)) return err.message;
  return `${describeOperation(op)}: ${err.message}`;
}

function failuresOf(op: PlanOperation, err: unknown): OperationFailure[] {
  const error = asLioctlError(err);
  const parts = error instanceof SettingsRefusedError ? error.failures : [error];
  return parts.map((e) => ({ operation: op, message: failureMessage(op, e), error: e }));
}

/** Tracks what failed, so operations that depend on it are skipped with a reason. */
class Casualties {
  /** Objects that do not exist as the plan expects: not created, or not removed. */
  private readonly unavailable = new Map<ObjectKey, string>();
  /** Objects that cannot be removed because something inside them stayed. */
  private readonly stuck = new Map<ObjectKey, string>();

  blocker(op: PlanOperation): string | undefined {
    // Nothing lost yet, nothing blocked: skip building the keys (a restore's usual case).
    if (this.unavailable.size === 0 && this.stuck.size === 0) return undefined;
    for (const key of neededBy(op)) {
      const why = this.unavailable.get(key);
      if (why !== undefined) return why;
    }
    const removed = removedBy(op);
    const created = createdBy(op);
    return (removed === undefined ? undefined : this.stuck.get(removed)) ?? (created === undefined ? undefined : this.unavailable.get(created));
  }

  /** Records that `op` did not happen (failed, or skipped for `reason`). */
  lost(op: PlanOperation): void {
    const created = createdBy(op);
    if (created !== undefined) this.unavailable.set(created, `${created} was not created`);
    const removed = removedBy(op);
    if (removed === undefined) return;
    // A replacement's create must not run into the object that is still there.
    this.unavailable.set(removed, `${removed} could not be removed`);
    for (const holder of holdersOf(op)) if (!this.stuck.has(holder)) this.stuck.set(holder, `${removed} could not be removed`);
  }

  /** A create-lun whose ALUA group was not created: the group it falls back from, if so. */
  missingAluaGroup(op: PlanOperation): string | undefined {
    if (op.kind !== 'create-lun' || op.aluaGroup === undefined) return undefined;
    return this.unavailable.has(aluaGroupKey(op.storage, op.aluaGroup)) ? op.aluaGroup : undefined;
  }
}

/**
 * Performs the operations in order through the model, collecting each failure instead of
 * stopping, so one bad object does not cost the rest (as targetcli's restore). What
 * depends on a failed object is skipped with a reason rather than attempted for a second,
 * confusing error. Nothing is thrown for refusals; the report says what happened.
 * Consecutive removals of one kind (every mapped LUN, then every LUN, ...) are independent
 * of each other, and are handed to configfs side by side; so are consecutive creates of
 * LUNs, and of mapped LUNs, each still all or nothing. While a run of creates is being made,
 * the operations that follow go on if they are of a kind that needs none of it
 * (WHILE_CREATES_RUN); any other waits for it.
 */
export function executePlan(lio: LioRoot, operations: readonly PlanOperation[], options: ExecuteOptions = {}): ExecutionReport {
  const run = new Execution(lio, options);
  operations = run.vetted(operations);
  if (options.stopAtFirstFailure !== true && operations.filter(goesSideBySide).length >= SIDE_BY_SIDE_AHEAD) lio.fs.expectLanes();
  try {
    for (let i = 0; i < operations.length; ) {
      const op = operations[i] as PlanOperation;
      run.waitUnlessBeside(op);
      if (options.stopAtFirstFailure === true && run.failed.length > 0) {
        for (const rest of operations.slice(i)) run.skipped.push({ operation: rest, reason: 'stopped at the first failure' });
        break;
      }
      const end = options.stopAtFirstFailure === true ? i + 1 : endOfRun(operations, i);
      if (end > i + 1) run.sideBySide(operations.slice(i, end));
      else run.perform(op);
      i = end;
    }
  } finally {
    run.settle();
  }
  return { done: run.done, failed: run.failed, skipped: run.skipped, missing: run.missing };
}

/**
 * What may be made while LUNs or mapped LUNs are still being created: none of these needs
 * either, and none makes anything live (enabling a TPG waits for its LUNs). A LUN waits
 * for the kernel more than it costs the CPU, so this thread makes ACLs and portals meanwhile.
 */
const WHILE_CREATES_RUN: ReadonlySet<PlanOperation['kind']> = new Set([
  'create-portal',
  'set-portal',
  'create-node-acl',
  'set-node-acl-attributes',
  'set-node-acl-tag',
  'set-node-acl-auth',
  'set-tpg-auth',
  'set-discovery-auth',
]);

/**
 * From how many side-by-side operations the port gets ready for them at the start (the
 * kernel's worker boots under the first operations): a LUN waits about 16 ms in the
 * kernel under emulation, and the worker costs about 0.3 s to start.
 */
const SIDE_BY_SIDE_AHEAD = 32;

/** Whether `op` and the operations of its kind around it may be made side by side. */
function goesSideBySide(op: PlanOperation): boolean {
  return isDeletion(op) || isSideBySideCreate(op);
}

/** Where the run of side-by-side operations of one kind that starts at `start` ends (start + 1 when it is none). */
function endOfRun(operations: readonly PlanOperation[], start: number): number {
  const first = operations[start];
  if (first === undefined || !goesSideBySide(first)) return start + 1;
  let end = start + 1;
  while (end < operations.length && operations[end]?.kind === first.kind) end++;
  return end;
}

interface Planned {
  readonly op: PlanOperation;
  readonly fallback: string | undefined;
  readonly item: SideBySide;
}

class Execution {
  readonly done: PlanOperation[] = [];
  readonly failed: OperationFailure[] = [];
  readonly skipped: SkippedOperation[] = [];
  readonly missing: MissingSetting[] = [];
  private readonly casualties = new Casualties();
  private readonly created = new Set<ObjectKey>();
  /** Side-by-side creates handed to configfs, not yet known to be made, and what they create. */
  private creating: { planned: readonly Planned[]; started: StartedSideBySide; keys: ReadonlySet<ObjectKey> } | undefined;

  constructor(
    private readonly lio: LioRoot,
    private readonly options: ExecuteOptions,
  ) {}

  /** True when something `op` needs failed: it is then recorded as skipped, with the reason. */
  private blocked(op: PlanOperation): boolean {
    const reason = this.casualties.blocker(op);
    if (reason === undefined) return false;
    this.skipped.push({ operation: op, reason });
    this.casualties.lost(op);
    return true;
  }

  /** The operations that pass options.vet; the others are failures already. */
  vetted(operations: readonly PlanOperation[]): readonly PlanOperation[] {
    const vet = this.options.vet;
    if (vet === undefined) return operations;
    return operations.filter((op) => {
      try {
        vet(op);
        return true;
      } catch (err) {
        this.fail(op, err);
        return false;
      }
    });
  }

  private fail(op: PlanOperation, err: unknown): void {
    this.failed.push(...failuresOf(op, err));
    this.casualties.lost(op);
  }

  private succeed(op: PlanOperation): void {
    this.done.push(op);
    this.options.onDone?.(op);
  }

  /** The operation to make: a create-lun whose ALUA group was not created goes to the default group. */
  private prepare(op: PlanOperation): { op: PlanOperation; fallback: string | undefined } {
    const fallback = this.casualties.missingAluaGroup(op);
    return { op: fallback === undefined ? op : withoutAluaGroup(op), fallback };
  }

  /** Records `op` as made, with the note for an ALUA group it fell back from. */
  private made(op: PlanOperation, fallback: string | undefined): void {
    const made = createdBy(op);
    if (made !== undefined) this.created.add(made);
    if (fallback !== undefined) {
      const message = `${describeOperation(op)}: exported in the default ALUA group instead, as ALUA group ${fallback} was not created`;
      this.failed.push({ operation: op, message, error: new PartialFailureError(message, []) });
      return;
    }
    this.succeed(op);
  }

  perform(op: PlanOperation): void {
    if (this.blocked(op)) return;
    const { op: making, fallback } = this.prepare(op);
    const settingsTarget = settingsOf(op);
    const fresh = settingsTarget !== undefined && this.created.has(settingsTarget);
    try {
      performOperation(this.lio, making, fresh);
    } catch (err) {
      // Refused settings leave the object in place (a new ALUA group keeps its LUNs).
      if (!(err instanceof SettingsRefusedError)) return this.fail(op, err);
      const refused = this.leaveOutMissing(err);
      if (refused.length === 0) return this.made(op, fallback);
      this.failed.push(...refused.map((e) => ({ operation: op, message: failureMessage(op, e), error: e })));
      const made = createdBy(op);
      if (made !== undefined) this.created.add(made);
      return;
    }
    this.made(op, fallback);
  }

  /** Settings the kernel does not have are no refusal (the file was saved on another kernel): they are listed apart. */
  private leaveOutMissing(err: SettingsRefusedError): LioctlError[] {
    const refused: LioctlError[] = [];
    for (const e of err.failures) {
      if (e instanceof NoSuchSettingError) this.missing.push({ noun: e.noun, name: e.setting, kind: e.kind });
      else refused.push(e);
    }
    return refused;
  }

  /**
   * Operations that do not depend on each other: each one's changes are read first, then
   * all are made at once. Creates are left to be made while what follows goes on (settle()).
   */
  sideBySide(ops: readonly PlanOperation[]): void {
    const planned: Planned[] = [];
    for (const op of ops) {
      if (this.blocked(op)) continue;
      const { op: making, fallback } = this.prepare(op);
      try {
        planned.push({ op, fallback, item: this.sideBySideOf(making) });
      } catch (err) {
        this.fail(op, err);
      }
    }
    const started = startSideBySide(this.lio.fs, planned.map((p) => p.item));
    // Removals are waited for at once: what follows them is what they make room for.
    if (!ops.every(isSideBySideCreate)) return this.record(planned, started);
    const keys = new Set<ObjectKey>();
    for (const { op } of planned) {
      const made = createdBy(op);
      if (made !== undefined) keys.add(made);
    }
    this.creating = { planned, started, keys };
  }

  /** Waits for the creates still being made unless `op` may go on beside them (WHILE_CREATES_RUN). */
  waitUnlessBeside(op: PlanOperation): void {
    if (this.creating === undefined) return;
    const keys = this.creating.keys;
    if (!WHILE_CREATES_RUN.has(op.kind) || neededBy(op).some((key) => keys.has(key))) this.settle();
  }

  /** Waits for the creates still being made, if any, and records how each went. */
  settle(): void {
    const creating = this.creating;
    this.creating = undefined;
    if (creating !== undefined) this.record(creating.planned, creating.started);
  }

  /** Waits for side-by-side operations to be made, and records how each went. */
  private record(planned: readonly Planned[], started: StartedSideBySide): void {
    const errors = started.finish();
    for (const [i, { op, fallback, item }] of planned.entries()) {
      if (errors[i] !== undefined) {
        this.fail(op, errors[i]);
        continue;
      }
      item.after?.();
      this.made(op, fallback);
    }
  }

  private sideBySideOf(op: PlanOperation): SideBySide {
    if (isSideBySideCreate(op)) return creationSideBySide(this.lio.fs, creationOf(this.lio, op));
    if (!isDeletion(op)) throw new Error(`${op.kind} is not made side by side`);
    const { steps, after } = deletionOf(this.lio, op);
    return stepsSideBySide(steps, after);
  }
}

function withoutAluaGroup(op: PlanOperation): PlanOperation {
  if (op.kind !== 'create-lun') return op;
  const { aluaGroup: _dropped, ...rest } = op;
  return rest;
}
