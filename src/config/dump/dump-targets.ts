import { ConfigGroup, hasFeature, type ChapCredentials, type NodeAcl, type Target, type Tpg } from '../../model/index.js';
import type { ChapKeys, LunConfig, NodeAclConfig, PortalConfig, TargetConfig, TpgConfig } from '../schema.js';
import { dumpAttributes, dumpParameters } from './dump-settings.js';

/** rtslib writes each CHAP key only when it is set. */
function chapKeys(auth: ChapCredentials): ChapKeys {
  return {
    ...(auth.userid ? { chap_userid: auth.userid } : {}),
    ...(auth.password ? { chap_password: auth.password } : {}),
    ...(auth.mutualUserid ? { chap_mutual_userid: auth.mutualUserid } : {}),
    ...(auth.mutualPassword ? { chap_mutual_password: auth.mutualPassword } : {}),
  };
}

function dumpAcl(acl: NodeAcl, auth: boolean): NodeAclConfig {
  const attributes = dumpAttributes(acl.attributes);
  const tag = acl.tag();
  return {
    node_wwn: acl.wwn,
    mapped_luns: acl.mappedLuns().map((m) => {
      const d = m.describe();
      return { index: d.index, tpg_lun: d.tpgLun ?? 0, write_protect: d.writeProtect, ...(d.alias === undefined ? {} : { alias: d.alias }) };
    }),
    ...(attributes === undefined ? {} : { attributes }),
    ...(tag === undefined ? {} : { tag }),
    ...(auth ? chapKeys(acl.credentials()) : {}),
  };
}

function dumpTpg(tpg: Tpg): TpgConfig {
  const auth = hasFeature(tpg.fabric.spec, 'auth');
  const attributes = dumpAttributes(tpg.attributes);
  const parameters = dumpParameters(tpg.parameters);
  const luns: LunConfig[] = tpg.luns().flatMap((lun) => {
    const d = lun.describe();
    // rtslib cannot dump a LUN whose storage link is broken; it has nothing to restore either.
    if (d.storageObject === undefined) return [];
    return [{ index: d.index, storage_object: `/backstores/${d.storageObject.plugin}/${d.storageObject.name}`, ...(d.alias === undefined ? {} : { alias: d.alias }), alua_tg_pt_gp_name: lun.storageObject()?.supportsAlua() === false ? null : (d.aluaGroup ?? null) }];
  });
  const portals: PortalConfig[] = tpg.portals().map((p) => {
    const d = p.describe();
    return { ip_address: d.ipAddress, port: d.port, iser: d.iser, offload: d.offload };
  });
  return {
    tag: tpg.tag,
    enable: tpg.isEnabled(),
    ...(attributes === undefined ? {} : { attributes }),
    ...(parameters === undefined ? {} : { parameters }),
    luns,
    portals,
    node_acls: tpg.nodeAcls().map((acl) => dumpAcl(acl, auth)),
    ...(auth ? chapKeys(tpg.auth()) : {}),
  };
}

export function dumpTarget(target: Target): TargetConfig {
  const params = dumpParameters(new ConfigGroup(target.lio.fs, `${target.path}/param`, { noun: 'parameter', owner: `target ${target.wwn}` }));
  return {
    wwn: target.wwn,
    fabric: target.fabric.name,
    tpgs: target.tpgs().map(dumpTpg),
    ...(params === undefined ? {} : { parameters: params }),
  };
}
