import type { FabricName } from '../fabric/fabric-specs.js';

/**
 * Which part of the configuration a sample covers; every field narrows it. Fabric names
 * and WWNs are normalised (as `Target.wwn` gives them), storage objects as `plugin/name`.
 */
export interface StatsScope {
  readonly fabric?: FabricName;
  readonly target?: string;
  readonly tpg?: number;
  readonly lun?: number;
  /** Only LUNs exporting this storage object, and the initiators that see them. */
  readonly storageObject?: string;
}

/** Whether a scope narrows to LUNs (so initiators and storage objects follow the LUNs kept). */
export function narrowsLuns(scope: StatsScope): boolean {
  return scope.lun !== undefined || scope.storageObject !== undefined;
}

/** Whether a scope is about part of the fabric side (so unrelated storage objects are left out). */
export function narrowsTargets(scope: StatsScope): boolean {
  return scope.fabric !== undefined || scope.target !== undefined || narrowsLuns(scope);
}
