// The object model of the LIO target (what rtslib is to targetcli): `import { LioRoot } from 'lioctl'`.
export * from './validate/index.js';
export { LioRoot, type LioRootOptions } from './lio-root.js';
export { compareNodeNames, sortNodeNames } from './node-order.js';
export { KernelRefusedError, RollbackError } from './errors.js';
export { applySteps, applyLanes, creationSideBySide, startSideBySide, stepsSideBySide, type SideBySide, type StartedSideBySide, type Step } from './steps.js';
export { create, type Creation } from './rollback.js';
export { ConfigGroup, NoSuchSettingError, type SettingEntry, type SettingValue } from './config-group.js';
export type { ChapChange, ChapCredentials, ChapUndo } from './chap.js';
export * from './host/index.js';
export { STORAGE_PLUGINS, HBA_PREFIX, backstoreDirPlugin, isStoragePlugin, type StoragePlugin } from './storage/plugins.js';
export * from './storage/storage-spec.js';
export {
  StorageObject,
  type StorageObjectInfo,
  type StorageObjectDeleteOptions,
  type StorageObjectDeleteResult,
} from './storage/storage-object.js';
export { AluaGroup, DEFAULT_ALUA_GROUP, type AluaGroupInfo } from './storage/alua-group.js';
export { ALUA_SETTINGS, ALUA_STATES, isAluaSetting, type AluaSetting } from './storage/alua-settings.js';
export { parseDeviceInfo, type DeviceInfoText } from './storage/device-info.js';
export {
  FABRIC_NAMES,
  FABRICS,
  isFabricName,
  hasFeature,
  type FabricName,
  type FabricFeature,
  type FabricSpec,
} from './fabric/fabric-specs.js';
export { FabricModule, type CreateTargetOptions, type DiscoveryAuth, type DiscoveryAuthChange } from './fabric/fabric-module.js';
export { Target } from './fabric/target.js';
export { Tpg, type CreateTpgOptions, type DemoMode, type TpgAuth } from './fabric/tpg.js';
export { Lun, storageObjectAt, type LunInfo } from './fabric/lun.js';
export type { CreateLunOptions } from './fabric/create-lun.js';
export { Portal, type PortalInfo } from './fabric/portal.js';
export type { CreatePortalOptions } from './fabric/create-portal.js';
export { NodeAcl, type CreateMappedLunOptions, type NodeAclAuth } from './fabric/node-acl.js';
export type { CreateNodeAclOptions } from './fabric/create-node-acl.js';
export { MappedLun, type MappedLunInfo } from './fabric/mapped-lun.js';
export type { Session, SessionConnection, SessionLun } from './session/session.js';
export { parseSessionInfo, parseDynamicSessions } from './session/parse-session-info.js';
