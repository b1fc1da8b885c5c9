import { PHASE, type KernelSettings, type MissingSetting, type Plan, type PlanOperation } from './operations.js';

/**
 * Collects operations in the order the diff finds them (document order, one object's
 * steps together) and releases them sorted by phase; the sort is stable, so that order
 * survives within each phase.
 */
export class PlanBuilder {
  private readonly operations: PlanOperation[] = [];
  private readonly warnings: string[] = [];
  private readonly missingSettings: MissingSetting[] = [];

  constructor(private readonly kernel: KernelSettings | undefined) {}

  add(op: PlanOperation): void {
    this.operations.push(op);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /**
   * For the setting rules: whether the running kernel lacks a setting of a live object of
   * `kind` ("iscsi tpg"); one it lacks is recorded, to be reported instead of written.
   */
  lacking(noun: 'attribute' | 'parameter', kind: string): (name: string) => boolean {
    const group = `${kind} ${noun === 'attribute' ? 'attrib' : 'param'}`;
    return (name) => {
      if (this.kernel?.lacksSetting(group, name) !== true) return false;
      this.missingSettings.push({ noun, name, kind });
      return true;
    };
  }

  build(): Plan {
    const operations = this.operations.map((op, i) => [op, i] as const);
    operations.sort(([a, i], [b, j]) => PHASE[a.kind] - PHASE[b.kind] || i - j);
    return { operations: operations.map(([op]) => op), warnings: [...this.warnings], missing: [...this.missingSettings] };
  }
}
