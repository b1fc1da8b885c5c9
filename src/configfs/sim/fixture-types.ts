/**
 * The shape of fixtures/kernel/*.json: trees and behaviours recorded from a real kernel by
 * scripts/fixtures/capture.ts. The simulator builds its default groups from these.
 */
export interface FixtureEntry {
  /** Relative to the object's own directory. */
  readonly path: string;
  readonly kind: 'dir' | 'file' | 'link';
  /** Octal permission bits as text, e.g. "0644". */
  readonly mode: string;
  /** File content as read right after creation. */
  readonly content?: string;
  /** errno name when reading the file failed (write-only attributes). */
  readonly readError?: string;
  /** Link target relative to the configfs root. */
  readonly target?: string;
}

export interface FixtureKind {
  /** Where the capture created the object, relative to the configfs root. */
  readonly path: string;
  readonly entries: readonly FixtureEntry[];
}

export interface TreeFixtures {
  readonly kernel: string;
  readonly kinds: Readonly<Record<string, FixtureKind>>;
}

export type StepOp = 'mkdir' | 'rmdir' | 'write' | 'read' | 'symlink' | 'unlink' | 'readlink' | 'list' | 'exists';

export interface Step {
  readonly op: StepOp;
  readonly path: string;
  readonly value?: string;
  /** For symlink: the target, relative to the configfs root. */
  readonly target?: string;
}

/** What a step did: `ok` with an optional result, or the errno the kernel returned. */
export type Outcome = { readonly ok: true; readonly result?: string | string[] | boolean } | { readonly ok: false; readonly errno: string };

export interface ScenarioRecord {
  readonly name: string;
  readonly outcomes: readonly Outcome[];
}

export interface BehaviourFixtures {
  readonly kernel: string;
  readonly scenarios: readonly ScenarioRecord[];
}
