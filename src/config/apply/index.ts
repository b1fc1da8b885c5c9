// The executor: performs planned operations on the live configuration through the model.
export { executePlan, type ExecuteOptions, type ExecutionReport, type OperationFailure, type SkippedOperation } from './execute-plan.js';
export { performOperation } from './perform-operation.js';
export { partialFailure, problemLines } from './report-failures.js';
export { backingProblem, backingProblems } from './backing-devices.js';
export { planRestoreConfig, type RestorePlan, type RestoreRequest } from './restore-plan.js';
export { clearedConfig, restoreConflicts, scopedDocument, type RestoreScope } from './restore-scope.js';
export { storageSpecFromConfig } from './storage-spec-from-config.js';
