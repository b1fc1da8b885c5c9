// The library entry: `import { ... } from 'lioctl'` (docs/library.md).
export * from './errors/index.js';
export * from './configfs/index.js';
export * from './model/index.js';
// The simulator, for trying and testing code that uses the model without a kernel.
export { SimConfigFs } from './configfs/sim/index.js';
// saveconfig.json: what the live configuration is as a file, and the file checked back into data.
export { dumpConfig } from './config/dump/index.js';
export {
  serializeConfig,
  parseConfig,
  parseConfigText,
  saveConfigFile,
  ConfigValidationError,
  type ConfigIssue,
  type ParsedConfig,
  type ParseConfigOptions,
  type SaveFileOptions,
  type SaveFileResult,
  type SaveConfig,
  type StorageObjectConfig,
  type TargetConfig,
  type TpgConfig,
  type LunConfig,
  type MappedLunConfig,
  type NodeAclConfig,
  type PortalConfig,
  type FabricModuleConfig,
} from './config/index.js';
