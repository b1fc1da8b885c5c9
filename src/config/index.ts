// saveconfig.json: its schema, validation, byte-exact writing, file handling and the planner.
export * from './schema.js';
export * from './json-path.js';
export * from './config-error.js';
export { parseConfig, parseConfigText, type ParseConfigOptions, type ParsedConfig } from './parse-config.js';
export type { UnknownKeyPolicy } from './parse/context.js';
export { serializeConfig } from './serialize.js';
export { checkMergeable, mergeSubset, type MergedSubset, type SubsetSelection } from './merge-subset.js';
export * from './atomic-write.js';
export * from './backups.js';
export * from './save-file.js';
export * from './config-paths.js';
export * from './restore-options.js';
export * from './plan/index.js';
