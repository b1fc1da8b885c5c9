import { NotFoundError, ValidationError } from '../../errors/index.js';
import { parseLun, type Lun, type NodeAcl, type StorageObject, type Tpg } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { CommandContext } from '../session/command-context.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { created } from './created.js';
import type { ShellEnv } from './shell-env.js';
import { storageObjectFromArg } from './storage-object-arg.js';

/** Shell paths of every storage object, for completing `storage_object`. */
export function storageObjectPaths(env: ShellEnv): string[] {
  return env.lio.storageObjects().map((so) => so.uiPath);
}

/** The TPG LUN exporting `so`, if any (a storage object is exported once per TPG). */
export function lunExporting(tpg: Tpg, so: StorageObject): Lun | undefined {
  return tpg.luns().find((lun) => lun.storageObject()?.path === so.path);
}

/** targetcli maps a new LUN under the number asked for (else 0), or the ACL's lowest free number. */
function mappedIndexFor(acl: NodeAcl, preferred: number): number {
  const used = new Set(acl.mappedLunIndexes());
  if (!used.has(preferred)) return preferred;
  let n = 0;
  while (used.has(n)) n++;
  return n;
}

/** Maps `lun` into every ACL of its TPG; if one mapping is refused, the LUN goes again, mappings and all. */
function mapIntoEveryAcl(tpg: Tpg, lun: Lun, preferred: number): string[] {
  const lines: string[] = [];
  try {
    for (const acl of tpg.nodeAcls()) {
      const mapped = acl.createMappedLun(mappedIndexFor(acl, preferred), lun, { writeProtect: false });
      lines.push(`Created LUN ${lun.index}->${mapped.index} mapping in node ACL ${acl.wwn}`);
    }
  } catch (err) {
    lun.delete();
    throw err;
  }
  return lines;
}

export function lunCreateCommand(env: ShellEnv, lunsPath: string, tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Exports a storage object as a LUN of this TPG.',
      description:
        'storage_object is a backstore path such as /backstores/block/disk1, or a block device or file on this host, for which a storage object named after the file is created first. lun is N or lunN (default: the lowest free). With add_mapped_luns=true every ACL of the TPG gets the new LUN, under the number asked for (else 0) or its lowest free number.',
      params: [
        { name: 'storage_object', type: { kind: 'string' }, required: true, help: 'backstore path, block device or file' },
        { name: 'lun', type: { kind: 'string' }, help: 'LUN number, N or lunN' },
        { name: 'add_mapped_luns', type: { kind: 'bool' }, defaultText: 'auto_add_mapped_luns', help: 'map the LUN into every ACL' },
      ],
    }),
    true,
    (ctx: CommandContext, { values: v }) => {
      const addMapped = v.add_mapped_luns ?? ctx.prefs.get('auto_add_mapped_luns');
      const index = v.lun === undefined ? undefined : parseLun(v.lun);
      const so = storageObjectFromArg(ctx, env, v.storage_object);
      if (so === undefined) throw new ValidationError('storage object or path not valid');
      if (lunExporting(tpg, so) !== undefined) throw new ValidationError(`lun for storage object ${so.label} already exists`);
      const lun = tpg.createLun(so, index === undefined ? {} : { lun: index });
      const lines = addMapped ? mapIntoEveryAcl(tpg, lun, index ?? 0) : [];
      ctx.info(`Created LUN ${lun.index}.`);
      for (const line of lines) ctx.info(line);
      return created(ctx, `${lunsPath}/lun${lun.index}`);
    },
    { storage_object: () => storageObjectPaths(env) },
  );
}

export function lunDeleteCommand(tpg: Tpg): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: 'Deletes a LUN, and the mapped LUNs of every ACL that point at it.',
      params: [{ name: 'lun', type: { kind: 'string' }, required: true, help: 'LUN number, N or lunN' }],
    }),
    true,
    (ctx, { values: v }) => {
      const index = parseLun(v.lun);
      const lun = tpg.findLun(index);
      if (lun === undefined) throw new NotFoundError('Invalid LUN', { hint: `TPG ${tpg.label} has no LUN ${index}; see: ls luns` });
      lun.delete();
      ctx.info(`Deleted LUN ${index}.`);
    },
    { lun: () => tpg.lunIndexes().map(String) },
  );
}
