import { ValidationError } from '../../errors/index.js';
import { parseMappedLun, type MappedLun, type Tpg } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { CommandContext } from '../session/command-context.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { firstOf, type AclGroup } from './acl-group.js';
import { created } from './created.js';
import { lunExporting, storageObjectPaths } from './lun-commands.js';
import type { ShellEnv } from './shell-env.js';
import { storageObjectFromArg } from './storage-object-arg.js';

/**
 * The TPG LUN `tpg_lun_or_backstore` names: a LUN number (N or lunN), or a storage object
 * (shell path, or a host file/device made into one), whose TPG LUN is reused or created.
 */
function tpgLunFor(ctx: CommandContext, env: ShellEnv, tpg: Tpg, text: string): number {
  const number = /^(?:lun)?(\d+)$/i.exec(text.trim())?.[1];
  if (number !== undefined) return Number(number);
  const so = storageObjectFromArg(ctx, env, text);
  if (so === undefined) throw new ValidationError('LUN, storage object, or path not valid');
  const existing = lunExporting(tpg, so);
  if (existing !== undefined) return existing.index;
  const lun = tpg.createLun(so);
  ctx.info(`Created LUN ${lun.index}.`);
  return lun.index;
}

/** `create mapped_lun tpg_lun_or_backstore [write_protect]`, for every member of the node. */
export function mappedLunCreateCommand(env: ShellEnv, aclPath: string, tpg: Tpg, group: AclGroup): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Maps a TPG LUN for this initiator as LUN mapped_lun.',
      description:
        'tpg_lun_or_backstore is a TPG LUN (N or lunN), a backstore path (its TPG LUN is reused, or created), or a block device or file on this host (storage object, TPG LUN and mapping are created). write_protect=true makes the mapping read-only; anything but true/false, yes/no, on/off or 1/0 is refused.',
      params: [
        { name: 'mapped_lun', type: { kind: 'string' }, required: true, help: 'LUN number the initiator sees' },
        { name: 'tpg_lun_or_backstore', type: { kind: 'string' }, required: true, help: 'TPG LUN, backstore path, device or file' },
        { name: 'write_protect', type: { kind: 'bool' }, default: false, help: 'read-only mapping' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      if (!/^(?:mapped_lun)?\d+$/i.test(v.mapped_lun.trim())) throw new ValidationError('mapped_lun must be an integer');
      const index = parseMappedLun(v.mapped_lun);
      const tpgLun = tpgLunFor(ctx, env, tpg, v.tpg_lun_or_backstore);
      if (firstOf(group).mappedLuns().some((m) => m.tpgLunIndex() === tpgLun)) {
        ctx.warn(`TPG LUN ${tpgLun} already mapped to this NodeACL`);
      }
      const made: MappedLun[] = [];
      try {
        for (const acl of group.members) made.push(acl.createMappedLun(index, tpgLun, { writeProtect: v.write_protect }));
      } catch (err) {
        // A tag group's members stay alike: undo the mappings already made.
        for (const m of made) m.delete();
        throw err;
      }
      ctx.info(`Created Mapped LUN ${index}.`);
      return created(ctx, `${aclPath}/mapped_lun${index}`);
    },
    { tpg_lun_or_backstore: () => [...storageObjectPaths(env), ...tpg.lunIndexes().map((i) => `lun${i}`)] },
  );
}

export function mappedLunDeleteCommand(group: AclGroup): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: 'Removes a mapped LUN from this initiator (the TPG LUN stays).',
      params: [{ name: 'mapped_lun', type: { kind: 'string' }, required: true, help: 'N or mapped_lunN' }],
    }),
    true,
    (ctx, { values: v }) => {
      const index = parseMappedLun(v.mapped_lun);
      const mapped = group.members.map((acl) => acl.mappedLun(index));
      for (const m of mapped) m.delete();
      ctx.info(`Deleted Mapped LUN ${index}.`);
    },
    { mapped_lun: () => firstOf(group).mappedLunIndexes().map(String) },
  );
}
