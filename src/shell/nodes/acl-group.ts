import { LioctlError } from '../../errors/index.js';
import { normalizeWwn, type NodeAcl, type Tpg } from '../../model/index.js';

/**
 * One node under `acls`, as targetcli shows them: every ACL sharing a tag is one node
 * named by the tag; an untagged ACL is a node named by its WWN. Settings are read from
 * the first member and written to all.
 */
export interface AclGroup {
  readonly name: string;
  readonly members: readonly [NodeAcl, ...NodeAcl[]];
}

export function firstOf(group: AclGroup): NodeAcl {
  return group.members[0];
}

/** Every ACL node of a TPG (reads the TPG's ACL tags, nothing else). */
export function aclGroups(tpg: Tpg): AclGroup[] {
  const byName = new Map<string, NodeAcl[]>();
  for (const acl of tpg.nodeAcls()) {
    const name = acl.tag() ?? acl.wwn;
    byName.set(name, [...(byName.get(name) ?? []), acl]);
  }
  const out: AclGroup[] = [];
  for (const [name, [first, ...rest]] of byName) if (first !== undefined) out.push({ name, members: [first, ...rest] });
  return out;
}

/** The WWN as the model names ACLs, when the text is one. */
function normalizedWwn(tpg: Tpg, text: string): string | undefined {
  try {
    return normalizeWwn(text, tpg.fabric.spec.wwnTypes, { rewriteLegacyNaa: false }).wwn;
  } catch (err) {
    if (err instanceof LioctlError) return undefined;
    throw err;
  }
}

/**
 * The node named `name`, reading as little as possible: WWNs contain a '.', which tags
 * may not, so a WWN is one directory lookup; only a tag needs the TPG's tags.
 */
export function findAclGroup(tpg: Tpg, name: string): AclGroup | undefined {
  if (name.includes('.')) {
    const wwn = normalizedWwn(tpg, name);
    const acl = wwn === undefined ? undefined : tpg.findNodeAcl(wwn);
    // A tagged ACL is shown under its tag only.
    return acl === undefined || acl.tag() !== undefined ? undefined : { name: acl.wwn, members: [acl] };
  }
  const [first, ...rest] = tpg.nodeAclsTagged(name);
  return first === undefined ? undefined : { name, members: [first, ...rest] };
}

/** The ACLs a WWN or a tag stands for (targetcli's find_tagged), tagged or not. */
export function aclsNamed(tpg: Tpg, wwnOrTag: string): NodeAcl[] {
  const wwn = normalizedWwn(tpg, wwnOrTag);
  return tpg.nodeAcls().filter((acl) => acl.wwn === wwn || acl.tag() === wwnOrTag);
}
