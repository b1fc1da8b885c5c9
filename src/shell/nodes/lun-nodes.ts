import type { Lun, Tpg } from '../../model/index.js';
import type { LsSummary } from '../render/ls-tree.js';
import { type UiNode } from '../tree/ui-node.js';
import { infoCommand } from './info-command.js';
import { lunCreateCommand, lunDeleteCommand } from './lun-commands.js';
import { bad, makeNode, ok, param, plain } from './node-kit.js';
import type { ShellEnv } from './shell-env.js';

/** `<plugin>/<name> (<udev_path>) (<ALUA group>)`, or BROKEN STORAGE LINK when the LUN points nowhere. */
function lunSummary(lun: Lun): LsSummary {
  const so = lun.storageObject();
  if (so === undefined) return bad('BROKEN STORAGE LINK');
  const udevPath = so.udevPath();
  // rtslib reports no group (Python's None) for backends without ALUA (pscsi, most user backends).
  const group = so.supportsAlua() ? (lun.aluaGroup() ?? 'None') : 'None';
  return ok(`${so.label}${udevPath === undefined ? '' : ` (${udevPath})`} (${group})`);
}

function lunNode(parent: string, lun: Lun): UiNode {
  return makeNode({
    name: `lun${lun.index}`,
    parent,
    summary: () => lunSummary(lun),
    commands: () => [
      infoCommand('Shows the storage object the LUN exports, its link alias and ALUA group.', () => {
        const info = lun.describe();
        return {
          index: info.index,
          alias: info.alias,
          storage_object: info.storageObject === undefined ? undefined : `/backstores/${info.storageObject.plugin}/${info.storageObject.name}`,
          alua_tg_pt_gp_name: info.aluaGroup,
        };
      }),
    ],
    configGroups: () => [
      {
        name: 'alua',
        mutates: true,
        params: () => [
          param('alua_tg_pt_gp_name', {
            description: "ALUA target port group of the LUN's storage object this LUN belongs to.",
            get: () => lun.aluaGroup() ?? '',
            set: (value) => lun.setAluaGroup(value),
          }),
        ],
      },
    ],
  });
}

/** `<tpg>/luns`: the storage objects the TPG exports. Children are read only when listed. */
export function lunsNode(env: ShellEnv, parent: string, tpg: Tpg): UiNode {
  const path = `${parent === '/' ? '' : parent}/luns`;
  return makeNode({
    name: 'luns',
    parent,
    summary: () => plain(`LUNs: ${tpg.lunIndexes().length}`),
    children: () => tpg.luns().map((lun) => lunNode(path, lun)),
    child: (name) => {
      const index = /^lun(\d+)$/.exec(name)?.[1];
      const lun = index === undefined ? undefined : tpg.findLun(Number(index));
      return lun === undefined ? undefined : lunNode(path, lun);
    },
    commands: () => [lunCreateCommand(env, path, tpg), lunDeleteCommand(tpg)],
  });
}
