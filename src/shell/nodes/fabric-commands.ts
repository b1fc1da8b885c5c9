import { LioctlError } from '../../errors/index.js';
import { normalizeWwn, type FabricModule, type Target } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import { created } from './created.js';
import { afterTpgCreated, newTpgOptions } from './tpg-create.js';
import type { ShellEnv } from './shell-env.js';

/** The target a child name stands for: one directory lookup for a WWN in any spelling. */
export function lookupTarget(fabric: FabricModule, name: string): Target | undefined {
  try {
    const found = fabric.findTarget(name);
    if (found !== undefined) return found;
  } catch (err) {
    if (!(err instanceof LioctlError)) throw err;
  }
  // Directories other tools named with something that is no WWN are still listed under their names.
  return fabric.targets({ includeInvalid: true }).find((t) => t.wwn === name);
}

/** Hardware ports no target uses yet, for completing `create`. */
function unusedPorts(fabric: FabricModule): string[] {
  const used = new Set(fabric.targets({ includeInvalid: true }).map((t) => t.wwn));
  return (fabric.hardwareWwns() ?? []).filter((w) => !used.has(w));
}

export function targetCreateCommand(fabric: FabricModule): NodeCommand {
  const path = `/${fabric.name}`;
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Creates a target (and its first TPG).',
      description:
        "Without a WWN one is generated (software fabrics only; hardware fabrics need one of their ports, see info). iSCSI and other multi-TPG fabrics also get TPG 1, set up as the TPG's create does; single-TPG fabrics get TPG 1, enabled.",
      params: [{ name: 'wwn', type: { kind: 'wwn' }, help: 'target WWN' }],
    }),
    true,
    (ctx, { values: v }) => {
      const hardware = fabric.hardwareWwns();
      const given = v.wwn === undefined ? undefined : normalizeWwn(v.wwn, fabric.spec.wwnTypes);
      if (given?.warning !== undefined) ctx.warn(given.warning);
      if (given !== undefined && hardware !== undefined && !hardware.includes(given.wwn)) {
        ctx.warn('Hardware missing for this WWN');
      }
      const wwn = v.wwn === undefined ? {} : { wwn: v.wwn };
      if (fabric.multiTpg) {
        const target = fabric.createTarget({ ...wwn, tpg: newTpgOptions(ctx) });
        ctx.info(`Created target ${target.wwn}.`);
        const [tpg] = target.tpgs();
        if (tpg === undefined) return created(ctx, `${path}/${target.wwn}`);
        afterTpgCreated(ctx, tpg);
        return created(ctx, `${path}/${target.wwn}/tpg${tpg.tag}`);
      }
      // targetcli enables the single TPG of every fabric but sbp.
      const target = fabric.createTarget({ ...wwn, tpg: { enable: fabric.name !== 'sbp' } });
      ctx.info(`Created target ${target.wwn}.`);
      return created(ctx, `${path}/${target.wwn}`);
    },
    { wwn: () => unusedPorts(fabric) },
  );
}

export function targetDeleteCommand(fabric: FabricModule): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: 'Deletes a target with everything in it (TPGs, LUNs, ACLs, portals).',
      params: [{ name: 'wwn', type: { kind: 'wwn' }, required: true, help: 'target WWN (any accepted spelling)' }],
    }),
    true,
    (ctx, { values: v }) => {
      // A directory listed under a name that is no WWN (INVALID WWN) can be deleted by that name too.
      (lookupTarget(fabric, v.wwn) ?? fabric.target(v.wwn)).delete();
      ctx.info(`Deleted Target ${v.wwn}.`);
    },
    { wwn: () => fabric.targets({ includeInvalid: true }).map((t) => t.wwn) },
  );
}

interface FabricInfo {
  readonly name: string;
  readonly configfs_path: string;
  readonly wwn_types: readonly string[];
  readonly wwns: readonly string[] | null;
  readonly features: readonly string[];
  readonly kernel_module: string;
}

export function fabricInfoCommand(env: ShellEnv, fabric: FabricModule): NodeCommand {
  return nodeCommand(defineCommand({ name: 'info', summary: 'Shows the WWN types, ports and features of the fabric.', params: [] }), false, () => {
    const data: FabricInfo = {
      name: fabric.name,
      configfs_path: `${env.lio.fs.root}/${fabric.path}`,
      wwn_types: fabric.spec.wwnTypes,
      wwns: fabric.hardwareWwns() ?? null,
      features: fabric.spec.features,
      kernel_module: fabric.spec.kernelModule,
    };
    return {
      result: result('fabric-info', data, (d) =>
        [
          `Fabric module name: ${d.name}`,
          `ConfigFS path: ${d.configfs_path}`,
          `Allowed WWN types: ${d.wwn_types.join(', ')}`,
          ...(d.wwns === null ? [] : [`Allowed WWNs list: ${d.wwns.join(', ')}`]),
          `Fabric module features: ${d.features.join(', ')}`,
          `Corresponding kernel module: ${d.kernel_module}`,
        ].join('\n'),
      ),
    };
  });
}

export function fabricVersionCommand(fabric: FabricModule): NodeCommand {
  return nodeCommand(defineCommand({ name: 'version', summary: "Shows the version of the fabric's kernel module.", params: [] }), false, () => {
    // Reading must not load the module (targetcli's did); an unloaded fabric has no version yet.
    const version = fabric.version() ?? null;
    return {
      result: result('fabric-version', { fabric: fabric.name, version }, (d) => `Target fabric module ${d.fabric}: ${d.version ?? '(not loaded)'}`),
    };
  });
}
