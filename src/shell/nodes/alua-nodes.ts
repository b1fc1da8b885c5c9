import { ALUA_SETTINGS, ALUA_STATES, DEFAULT_ALUA_GROUP, type AluaGroup, type StorageObject } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type UiNode } from '../tree/ui-node.js';
import { created } from './created.js';
import { infoResult } from './info-result.js';
import { makeNode, ok, param, plain } from './node-kit.js';

function groupNode(parent: string, group: AluaGroup): UiNode {
  return makeNode({
    name: group.name,
    parent,
    summary: () => ok(`ALUA state: ${ALUA_STATES[group.accessState()] ?? String(group.accessState())}`),
    commands: () => [
      nodeCommand(defineCommand({ name: 'info', summary: 'Shows the group settings.', params: [] }), false, () => {
        const info = group.info();
        return { result: infoResult({ name: info.name, tg_pt_gp_id: info.id ?? null, members: info.members.join(' '), ...info.settings }) };
      }),
    ],
    configGroups: () => [
      {
        name: 'alua',
        mutates: true,
        params: () => [
          ...ALUA_SETTINGS.map((setting) =>
            param(setting, {
              type: { kind: 'number', min: 0 },
              description: `The ${setting} setting of the target port group.`,
              get: () => String(group.info().settings[setting]),
              set: (value) => group.set({ [setting]: Number(value) }),
            }),
          ),
          param('tg_pt_gp_id', { description: 'The group id (read-only once created).', get: () => String(group.id() ?? ''), writable: false }),
          param('members', { description: 'The LUNs in this group.', get: () => group.members().join(' '), writable: false }),
        ],
      },
    ],
  });
}

/** `<storage object>/alua`: the object's ALUA target port groups. */
export function aluaNode(parent: string, so: StorageObject): UiNode {
  const path = `${parent}/alua`;
  return makeNode({
    name: 'alua',
    parent,
    summary: () => plain(`ALUA Groups: ${so.aluaGroups().length}`),
    children: () => so.aluaGroups().map((g) => groupNode(path, g)),
    child: (name) => {
      const group = so.aluaGroups().find((g) => g.name === name);
      return group === undefined ? undefined : groupNode(path, group);
    },
    commands: () => [
      nodeCommand(
        defineCommand({
          name: 'create',
          summary: 'Creates an ALUA target port group.',
          params: [
            { name: 'name', type: { kind: 'string' }, required: true, help: 'group name' },
            { name: 'tag', type: { kind: 'number', min: 1, max: 65535 }, required: true, help: 'group id, 1-65535' },
          ],
        }),
        true,
        (ctx, { values: v }) => {
          so.createAluaGroup(v.name, v.tag);
          ctx.info(`Created ALUA group ${v.name} with tag ${v.tag}.`);
          return created(ctx, `${path}/${v.name}`);
        },
      ),
      nodeCommand(
        defineCommand({ name: 'delete', summary: `Deletes an ALUA target port group (not ${DEFAULT_ALUA_GROUP}).`, params: [{ name: 'name', type: { kind: 'string' }, required: true, help: 'group name' }] }),
        true,
        (ctx, { values: v }) => {
          so.aluaGroup(v.name).delete();
          ctx.info(`Deleted ALUA group ${v.name}.`);
        },
        { name: () => so.aluaGroups().filter((g) => !g.isDefault).map((g) => g.name) },
      ),
    ],
  });
}
