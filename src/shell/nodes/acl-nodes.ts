import { hasFeature, type Tpg } from '../../model/index.js';
import type { LsSummary } from '../render/ls-tree.js';
import { result } from '../session/command-outcome.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type ConfigGroup, type UiNode } from '../tree/ui-node.js';
import { mappedLunCreateCommand, mappedLunDeleteCommand } from './acl-commands.js';
import { aclGroups, findAclGroup, firstOf, type AclGroup } from './acl-group.js';
import { aclCreateCommand, aclDeleteCommand, aclTagCommand, aclUntagCommand } from './acls-commands.js';
import { authGroup } from './auth-group.js';
import { mappedLunNode } from './mapped-lun-nodes.js';
import { makeNode, plain } from './node-kit.js';
import { ACL_ATTRIBUTES } from './settings-descriptions.js';
import { hasSettings, settingsGroupOf } from './settings-groups.js';
import type { ShellEnv } from './shell-env.js';

/**
 * targetcli's ACL bracket: `(wwn)` or `(group of N)` for tag nodes; when the TPG requires
 * CHAP, whose credentials apply (`auth via tpg` in demo mode, else the ACL's own, red when
 * incomplete); then the mapped LUN count.
 */
function aclSummary(tpg: Tpg, group: AclGroup): LsSummary {
  const first = firstOf(group);
  const parts: string[] = [];
  if (group.name !== first.wwn) parts.push(group.members.length > 1 ? `(group of ${group.members.length})` : `(${first.wwn})`);
  let healthy: boolean | null = null;
  if (hasFeature(tpg.fabric.spec, 'auth') && tpg.attributeIfExists('authentication') === '1') {
    if (tpg.attributeIfExists('generate_node_acls') === '1') {
      parts.push('auth via tpg');
    } else {
      const auth = first.authState();
      healthy = auth.oneWay;
      parts.push(auth.mutual ? 'mutual auth' : '1-way auth');
    }
  }
  parts.push(`Mapped LUNs: ${first.mappedLunIndexes().length}`);
  return { text: parts.join(', '), healthy };
}

interface AclInfo {
  readonly fields: Readonly<Record<string, string>>;
  readonly wwns: readonly string[];
}

/** targetcli's ACL `info`: the first member's saved fields, then every member WWN. Secrets stay out. */
function aclInfoCommand(tpg: Tpg, group: AclGroup) {
  return nodeCommand(defineCommand({ name: 'info', summary: 'Shows the tag, CHAP user names and the initiator WWNs of this node.', params: [] }), false, () => {
    const first = firstOf(group);
    const fields: Record<string, string> = {};
    if (hasFeature(tpg.fabric.spec, 'auth')) {
      const auth = first.auth();
      if (auth.userid !== undefined) fields.chap_userid = auth.userid;
      if (auth.mutualUserid !== undefined) fields.chap_mutual_userid = auth.mutualUserid;
    }
    const tag = first.tag();
    if (tag !== undefined) fields.tag = tag;
    const data: AclInfo = { fields, wwns: group.members.map((m) => m.wwn) };
    return {
      result: result('info', data, (d) =>
        [
          ...Object.entries(d.fields)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => `${k}: ${v}`),
          'wwns:',
          ...d.wwns,
        ].join('\n'),
      ),
    };
  });
}

function aclConfigGroups(tpg: Tpg, group: AclGroup): ConfigGroup[] {
  const first = firstOf(group);
  const out: ConfigGroup[] = [];
  if (hasSettings(first.attributes)) {
    out.push(settingsGroupOf('attribute', [first.attributes, ...group.members.slice(1).map((m) => m.attributes)], { descriptions: ACL_ATTRIBUTES }));
  }
  // The kernel shows the live session's negotiated values here, read-only.
  if (hasSettings(first.parameters)) out.push(settingsGroupOf('parameter', [first.parameters], { inferNumbers: false }));
  if (hasFeature(tpg.fabric.spec, 'auth')) {
    out.push(authGroup({ auth: () => first.auth(), setAuth: (change) => group.members.forEach((m) => m.setAuth(change)) }));
  }
  return out;
}

function aclNode(env: ShellEnv, parent: string, tpg: Tpg, group: AclGroup): UiNode {
  const path = `${parent}/${group.name}`;
  const first = firstOf(group);
  return makeNode({
    name: group.name,
    parent,
    summary: () => aclSummary(tpg, group),
    children: () => first.mappedLuns().map((m) => mappedLunNode(path, m)),
    child: (name) => {
      const index = /^mapped_lun(\d+)$/.exec(name)?.[1];
      const mapped = index === undefined ? undefined : first.findMappedLun(Number(index));
      return mapped === undefined ? undefined : mappedLunNode(path, mapped);
    },
    commands: () => [mappedLunCreateCommand(env, path, tpg, group), mappedLunDeleteCommand(group), aclInfoCommand(tpg, group)],
    configGroups: () => aclConfigGroups(tpg, group),
  });
}

/** `<tpg>/acls`: which initiators may log in, and the LUNs each sees. */
export function aclsNode(env: ShellEnv, parent: string, tpg: Tpg): UiNode {
  const path = `${parent === '/' ? '' : parent}/acls`;
  return makeNode({
    name: 'acls',
    parent,
    summary: () => plain(`ACLs: ${aclGroups(tpg).length}`),
    children: () => aclGroups(tpg).map((g) => aclNode(env, path, tpg, g)),
    child: (name) => {
      const group = findAclGroup(tpg, name);
      return group === undefined ? undefined : aclNode(env, path, tpg, group);
    },
    commands: () => [aclCreateCommand(path, tpg), aclDeleteCommand(tpg), aclTagCommand(tpg), aclUntagCommand(tpg)],
  });
}
