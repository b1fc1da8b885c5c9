// The pure planner for declarative apply and restore ordering.
export * from './operations.js';
export { planConfig, planRestore } from './plan-config.js';
export { describeOperation, redactOperation } from './describe.js';
export { compareSettingNames, isIgnoredStorageAttribute, EXPORT_LOCKED } from './setting-rules.js';
export { restoredConfig, type RestoreSelection } from './restore-selection.js';
