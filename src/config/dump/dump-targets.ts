import { hasFeature, storageObjectAt, type ChapCredentials, type MappedLun, type NodeAcl, type Target, type Tpg } from '../../model/index.js';
import type { ChapKeys, LunConfig, MappedLunConfig, NodeAclConfig, PortalConfig, TargetConfig, TpgConfig } from '../schema.js';
import { dumpAttributes, dumpParameters, type Building } from './dump-settings.js';

/** rtslib writes each CHAP key only when it is set. */
function addChapKeys(out: Building<ChapKeys>, auth: ChapCredentials): void {
  if (auth.userid) out.chap_userid = auth.userid;
  if (auth.password) out.chap_password = auth.password;
  if (auth.mutualUserid) out.chap_mutual_userid = auth.mutualUserid;
  if (auth.mutualPassword) out.chap_mutual_password = auth.mutualPassword;
}

function dumpMappedLun(m: MappedLun): MappedLunConfig {
  const d = m.describe();
  const out: Building<MappedLunConfig> = { index: d.index, tpg_lun: d.tpgLun ?? 0, write_protect: d.writeProtect };
  if (d.alias !== undefined) out.alias = d.alias;
  return out;
}

function dumpAcl(acl: NodeAcl, auth: boolean): NodeAclConfig {
  const out: Building<NodeAclConfig> = { node_wwn: acl.wwn, mapped_luns: acl.mappedLuns().map(dumpMappedLun) };
  const attributes = dumpAttributes(acl.attributes);
  if (attributes !== undefined) out.attributes = attributes;
  const tag = acl.tag();
  if (tag !== undefined) out.tag = tag;
  if (auth) addChapKeys(out, acl.credentials());
  return out;
}

function dumpTpg(tpg: Tpg): TpgConfig {
  const auth = hasFeature(tpg.fabric.spec, 'auth');
  const attributes = dumpAttributes(tpg.attributes);
  const parameters = dumpParameters(tpg.parameters);
  const luns: LunConfig[] = [];
  for (const lun of tpg.luns()) {
    const d = lun.describe();
    // rtslib cannot dump a LUN whose storage link is broken; it has nothing to restore either.
    if (d.storageObject === undefined) continue;
    // The handle from the link describe() read: asking the LUN again would read the link again.
    const alua = storageObjectAt(tpg.lio, d.storageObjectPath)?.supportsAlua() === false ? null : (d.aluaGroup ?? null);
    const out: Building<LunConfig> = { index: d.index, storage_object: `/backstores/${d.storageObject.plugin}/${d.storageObject.name}`, alua_tg_pt_gp_name: alua };
    if (d.alias !== undefined) out.alias = d.alias;
    luns.push(out);
  }
  const portals: PortalConfig[] = tpg.portals().map((p) => {
    const d = p.describe();
    return { ip_address: d.ipAddress, port: d.port, iser: d.iser, offload: d.offload };
  });
  const out: Building<TpgConfig> = { tag: tpg.tag, enable: tpg.isEnabled(), luns, portals, node_acls: tpg.nodeAcls().map((acl) => dumpAcl(acl, auth)) };
  if (attributes !== undefined) out.attributes = attributes;
  if (parameters !== undefined) out.parameters = parameters;
  if (auth) addChapKeys(out, tpg.credentials());
  return out;
}

export function dumpTarget(target: Target): TargetConfig {
  const params = dumpParameters(target.parameters);
  const out: Building<TargetConfig> = { wwn: target.wwn, fabric: target.fabric.name, tpgs: target.tpgs().map(dumpTpg) };
  if (params !== undefined) out.parameters = params;
  return out;
}
