import { NotFoundError, ValidationError } from '../../errors/index.js';
import { normalizeWwn, type Tpg } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { aclGroups, aclsNamed } from './acl-group.js';
import { adoptConfiguration } from './acl-tag.js';
import { created } from './created.js';

export function aclCreateCommand(aclsPath: string, tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Lets an initiator log in: creates its node ACL.',
      description:
        "The WWN must be of the fabric's kind (iqn./naa./eui. on iSCSI). With add_mapped_luns=true the initiator sees every LUN of the TPG under the same number, read-write.",
      params: [
        { name: 'wwn', type: { kind: 'wwn' }, required: true, help: 'initiator name' },
        { name: 'add_mapped_luns', type: { kind: 'bool' }, defaultText: 'auto_add_mapped_luns', help: 'map every LUN of the TPG' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      const mapAll = v.add_mapped_luns ?? ctx.prefs.get('auto_add_mapped_luns');
      const warning = normalizeWwn(v.wwn, tpg.fabric.spec.wwnTypes, { rewriteLegacyNaa: false }).warning;
      if (warning !== undefined) ctx.warn(warning);
      const acl = tpg.createNodeAcl(v.wwn, { mapAllLuns: mapAll, writeProtect: false });
      ctx.info(`Created Node ACL for ${acl.wwn}`);
      if (mapAll) for (const index of acl.mappedLunIndexes()) ctx.info(`Created mapped LUN ${index}.`);
      return created(ctx, `${aclsPath}/${acl.wwn}`);
    },
  );
}

export function aclDeleteCommand(tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: "Deletes an initiator's node ACL with its mapped LUNs (logging it out).",
      params: [{ name: 'wwn', type: { kind: 'wwn' }, required: true, help: 'initiator name' }],
    }),
    true,
    (ctx, { values: v }) => {
      tpg.nodeAcl(v.wwn).delete();
      ctx.info(`Deleted Node ACL ${v.wwn}.`);
    },
    { wwn: () => tpg.nodeAcls().map((a) => a.wwn) },
  );
}

const groupNames = (tpg: Tpg) => (): string[] => aclGroups(tpg).map((g) => g.name);

export function aclTagCommand(tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'tag',
      summary: 'Gives ACLs a tag: they are then shown, and configured, as one node.',
      description:
        'wwn_or_tag names one initiator or every ACL with that tag. ACLs joining an existing tag take its mapped LUNs, CHAP settings, attributes and parameters. Tags cannot contain a dot.',
      params: [
        { name: 'wwn_or_tag', type: { kind: 'string' }, required: true, help: 'initiator WWN or existing tag' },
        { name: 'new_tag', type: { kind: 'string' }, required: true, help: 'the tag' },
      ],
    }),
    true,
    (_ctx, { values: v }) => {
      if (v.wwn_or_tag === v.new_tag) return;
      if (v.new_tag.includes('.')) throw new ValidationError("'.' not permitted in tag names.");
      const joining = aclsNamed(tpg, v.wwn_or_tag);
      if (joining.length === 0) throw new NotFoundError(`wwn_or_tag ${v.wwn_or_tag} not found.`);
      const moving = new Set(joining.map((a) => a.wwn));
      const model = aclsNamed(tpg, v.new_tag).find((a) => !moving.has(a.wwn));
      for (const acl of joining) {
        acl.setTag(v.new_tag);
        if (model !== undefined) adoptConfiguration(acl, model);
      }
    },
    { wwn_or_tag: groupNames(tpg) },
  );
}

export function aclUntagCommand(tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'untag',
      summary: 'Removes a tag: its ACLs are shown by WWN again, keeping their settings.',
      params: [{ name: 'wwn_or_tag', type: { kind: 'string' }, required: true, help: 'tag or initiator WWN' }],
    }),
    true,
    (_ctx, { values: v }) => {
      const acls = aclsNamed(tpg, v.wwn_or_tag);
      if (acls.length === 0) throw new NotFoundError(`wwn_or_tag ${v.wwn_or_tag} not found.`);
      for (const acl of acls) acl.setTag(undefined);
    },
    { wwn_or_tag: groupNames(tpg) },
  );
}
