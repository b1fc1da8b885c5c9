import { hasFeature, type NodeAcl, type SettingValue } from '../../model/index.js';

function writableValues(group: NodeAcl['attributes']): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const e of group.entries()) if (e.writable && e.value !== undefined) out[e.name] = e.value;
  return out;
}

/**
 * An ACL joining a tag takes the group's configuration, so that "get from the first,
 * set on all" stays true: the same mapped LUNs, CHAP credentials, writable attributes and
 * parameters as `model`.
 */
export function adoptConfiguration(acl: NodeAcl, model: NodeAcl): void {
  for (const mapped of acl.mappedLuns()) mapped.delete();
  for (const mapped of model.mappedLuns()) {
    const info = mapped.describe();
    if (info.tpgLun !== undefined) acl.createMappedLun(info.index, info.tpgLun, { writeProtect: info.writeProtect });
  }
  if (hasFeature(acl.tpg.fabric.spec, 'auth')) {
    const auth = model.auth();
    acl.setAuth({
      userid: auth.userid ?? '',
      password: auth.password ?? '',
      mutualUserid: auth.mutualUserid ?? '',
      mutualPassword: auth.mutualPassword ?? '',
    });
  }
  acl.attributes.setMany(writableValues(model.attributes));
  const parameters = writableValues(model.parameters);
  if (Object.keys(parameters).length > 0) acl.parameters.setMany(parameters);
}
