import { nodeCommand, type ConfigGroup, type UiNode } from '../../../../src/shell/tree/ui-node.js';
import { defineCommand } from '../../../../src/shell/commands/declaration.js';
import { result } from '../../../../src/shell/session/command-outcome.js';

/** A small tree in memory: enough to exercise the dispatcher without the model. */
export interface FakeState {
  disks: string[];
  secret: string;
}

function node(path: string, summary: string, children: () => UiNode[], extra: Partial<UiNode> = {}): UiNode {
  const name = path === '/' ? '/' : (path.split('/').pop() ?? '');
  return { name, path, summary: () => ({ text: summary, healthy: null }), children, commands: () => [], configGroups: () => [], ...extra };
}

export function fakeRoot(state: FakeState): UiNode {
  const authGroup: ConfigGroup = {
    name: 'auth',
    mutates: true,
    params: () => [
      {
        name: 'password',
        type: { kind: 'string' },
        writable: true,
        readable: true,
        secret: true,
        get: () => state.secret,
        set: (v) => {
          state.secret = v;
          return v;
        },
      },
    ],
  };
  const disks = (): UiNode =>
    node('/disks', `Disks: ${state.disks.length}`, () => state.disks.map((d) => node(`/disks/${d}`, 'ok', () => [])), {
      commands: () => [
        nodeCommand(
          defineCommand({
            name: 'create',
            summary: 'Creates a disk.',
            params: [
              { name: 'name', type: { kind: 'string' }, required: true, help: 'its name' },
              { name: 'size', type: { kind: 'size' }, help: 'its size', aliases: [{ name: 'sz' }] },
            ],
          }),
          true,
          (_ctx, bound) => {
            state.disks.push(bound.values.name);
            return { result: result('created', { name: bound.values.name, size: bound.values.size ?? null }, (d) => `Created ${d.name}.`) };
          },
          { name: () => ['disk1', 'disk2'] },
        ),
      ],
      configGroups: () => [authGroup],
    });
  return node('/', '...', () => [disks(), node('/empty', '', () => [])]);
}
