import { hasFeature, type LioRoot } from '../../model/index.js';
import {
  LIOCTL_SECTION_VERSION,
  storageObjectRef,
  tpgRef,
  type FabricExtras,
  type FabricModuleConfig,
  type LioctlSection,
  type SaveConfig,
  type StorageObjectExtras,
  type TpgExtras,
} from '../schema.js';
import { dumpStorageObject, storageExtras } from './dump-storage.js';
import { dumpTarget } from './dump-targets.js';

function discovery(lio: LioRoot): { modules: FabricModuleConfig[]; extras: Record<string, FabricExtras> } {
  const modules: FabricModuleConfig[] = [];
  const extras: Record<string, FabricExtras> = {};
  for (const fabric of lio.fabrics()) {
    if (!hasFeature(fabric.spec, 'discovery_auth') || !fabric.isLoaded()) continue;
    const auth = fabric.discoveryAuth();
    const keys = {
      ...(auth.userid ? { discovery_userid: auth.userid } : {}),
      ...(auth.password ? { discovery_password: auth.password } : {}),
      ...(auth.mutualUserid ? { discovery_mutual_userid: auth.mutualUserid } : {}),
      ...(auth.mutualPassword ? { discovery_mutual_password: auth.mutualPassword } : {}),
    };
    // rtslib lists a fabric only while enforcement is on; credentials set but not enforced
    // would be lost, so they go to lioctl's section.
    if (auth.enforced) modules.push({ name: fabric.name, discovery_enable_auth: true, ...keys });
    else if (Object.keys(keys).length > 0) extras[fabric.name] = keys;
  }
  return { modules, extras };
}

/** What a storage object's tree holds that the save does not read (its statistics aside). */
const STORAGE_NOT_SAVED = [
  'action',
  'alias',
  'alua_lu_gp',
  'control',
  'lba_map',
  'pr',
  'alua/*/members',
  'alua/*/alua_support_lba_dependent',
  'wwn/company_id',
  'wwn/vpd_assoc_logical_unit',
  'wwn/vpd_assoc_scsi_target_device',
  'wwn/vpd_assoc_target_port',
  'wwn/vpd_protocol_identifier',
];

/**
 * The live configuration as saveconfig.json: exactly rtslib-fb's keys, plus a `lioctl`
 * section (ignored by targetcli) for nexus WWNs, INQUIRY identity and unenforced discovery
 * credentials.
 */
export function dumpConfig(lio: LioRoot): SaveConfig {
  const storageObjects = lio.storageObjects();
  const targets = lio.targets();
  // The storage objects' trees are two fifths of a large save's calls and are read last, so
  // that the port can read them on another thread while this one reads the targets. (A
  // share of the targets read there as well was slower in the VM: bench/notes.md.)
  lio.fs.readAhead(storageObjects.map((so) => so.path), STORAGE_NOT_SAVED);
  const dumpedTargets = targets.map(dumpTarget);
  const { modules, extras: fabricExtras } = discovery(lio);
  const tpgExtras: Record<string, TpgExtras> = {};
  for (const target of targets) {
    for (const tpg of target.tpgs()) {
      const nexus = tpg.nexus();
      if (nexus !== undefined) tpgExtras[tpgRef(target.fabric.name, target.wwn, tpg.tag)] = { nexus };
    }
  }
  const soExtras: Record<string, StorageObjectExtras> = {};
  for (const so of storageObjects) {
    const extra = storageExtras(so, { vendor: 'LIO-ORG' });
    if (extra) soExtras[storageObjectRef(so)] = extra;
  }
  const section: LioctlSection = {
    version: LIOCTL_SECTION_VERSION,
    ...(Object.keys(soExtras).length > 0 ? { storage_objects: soExtras } : {}),
    ...(Object.keys(tpgExtras).length > 0 ? { tpgs: tpgExtras } : {}),
    ...(Object.keys(fabricExtras).length > 0 ? { fabric_modules: fabricExtras } : {}),
  };
  const hasExtras = section.storage_objects !== undefined || section.tpgs !== undefined || section.fabric_modules !== undefined;
  return {
    fabric_modules: modules,
    storage_objects: storageObjects.map(dumpStorageObject),
    targets: dumpedTargets,
    ...(hasExtras ? { lioctl: section } : {}),
  };
}
