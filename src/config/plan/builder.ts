import { PHASE, type MissingSetting, type Plan, type PlanOperation } from './operations.js';

/**
 * Collects operations in the order the diff finds them (document order, one object's
 * steps together) and releases them sorted by phase; the sort is stable, so that order
 * survives within each phase.
 */
export class PlanBuilder {
  private readonly operations: PlanOperation[] = [];
  private readonly warnings: string[] = [];
  private readonly missingSettings: MissingSetting[] = [];

  add(op: PlanOperation): void {
    this.operations.push(op);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** A setting of `kind` that the live object does not have; returns the callback the setting rules take. */
  absent(noun: string, kind: string): (name: string) => void {
    return (name) => this.missingSettings.push({ noun, name, kind });
  }

  build(): Plan {
    const operations = this.operations.map((op, i) => [op, i] as const);
    operations.sort(([a, i], [b, j]) => PHASE[a.kind] - PHASE[b.kind] || i - j);
    return { operations: operations.map(([op]) => op), warnings: [...this.warnings], missing: [...this.missingSettings] };
  }
}
