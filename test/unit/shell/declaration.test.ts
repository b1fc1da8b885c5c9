import { describe, expect, it } from 'vitest';
import { InternalError } from '../../../src/errors/index.js';
import { declarationProblem, defineCommand, type CommandDeclaration } from '../../../src/shell/commands/declaration.js';
import { allCommands } from './fixtures.js';
import type { UiNode } from '../../../src/shell/tree/ui-node.js';

const base = { name: 'create', summary: 'x' } as const;

describe('defineCommand', () => {
  it('returns the declaration unchanged', () => {
    const declaration = { ...base, params: [] };
    expect(defineCommand(declaration)).toBe(declaration);
  });

  it('accepts the fixture declarations', () => {
    expect(allCommands.map((c) => declarationProblem(c))).toEqual(allCommands.map(() => undefined));
  });

  it('refuses a malformed declaration as an internal error naming the command', () => {
    const bad: CommandDeclaration = {
      ...base,
      params: [
        { name: 'size', type: { kind: 'size' }, help: '' },
        { name: 'name', type: { kind: 'string' }, required: true, help: '' },
      ],
    };
    expect(() => defineCommand(bad)).toThrow(InternalError);
    expect(() => defineCommand(bad)).toThrow("command 'create': required 'name' follows optional 'size'");
  });
});

describe('declarationProblem', () => {
  const withParams = (params: CommandDeclaration['params']): string | undefined =>
    declarationProblem({ ...base, params });

  it('command names use configshell’s charset', () => {
    expect(declarationProblem({ ...base, name: 'save-config', params: [] })).toBe(
      'the name must be letters, digits or underscores',
    );
  });

  it('parameter names and aliases must be typeable as keywords and unique', () => {
    expect(withParams([{ name: 'a.b', type: { kind: 'string' }, help: '' }])).toBe("'a.b' cannot be typed as a keyword");
    expect(
      withParams([
        { name: 'file_or_dev', type: { kind: 'file' }, help: '', aliases: [{ name: 'path' }] },
        { name: 'path', type: { kind: 'string' }, help: '' },
      ]),
    ).toBe("'path' is declared twice");
  });

  it('a required parameter cannot have a default', () => {
    expect(withParams([{ name: 'a', type: { kind: 'bool' }, required: true, default: true, help: '' }])).toBe(
      "required 'a' has a default",
    );
  });

  it('defaults must fit their type', () => {
    expect(withParams([{ name: 'a', type: { kind: 'bool' }, default: 'yes', help: '' }])).toBe(
      "default of 'a': expected a boolean",
    );
    expect(withParams([{ name: 'n', type: { kind: 'number', max: 3 }, default: 4, help: '' }])).toBe(
      "default of 'n': Invalid value '4' for parameter default: the maximum is 3.",
    );
    expect(withParams([{ name: 'n', type: { kind: 'number' }, default: 1.5, help: '' }])).toBe(
      "default of 'n': Invalid value '1.5' for parameter default: expected an integer.",
    );
    expect(withParams([{ name: 'm', type: { kind: 'enum', values: ['a', 'b'] }, default: 'c', help: '' }])).toBe(
      "default of 'm': Invalid value 'c' for parameter default: expected one of a|b.",
    );
    expect(withParams([{ name: 'm', type: { kind: 'enum', values: ['a', 'b'] }, default: 'b', help: '' }])).toBe(
      undefined,
    );
  });
});

describe('the commands lioctl declares', () => {
  // The built CLI does not check declarations at start-up (defineCommand): this walks a
  // tree with one object of each kind and checks every command it offers.
  it('are all well formed, on every node of a full tree', async () => {
    const { configShell } = await import('./nodes/config-shell.js');
    const { rootNodeFor } = await import('../../../src/shell/nodes/root-node.js');
    const { builtinCommands } = await import('../../../src/shell/builtins/index.js');
    const s = configShell();
    const iqn = 'iqn.2003-01.org.linux-iscsi.test:sn.0123456789ab';
    const tpg = `/iscsi/${iqn}/tpg1`;
    s.run(
      '/backstores/block create disk1 /dev/sdb',
      '/backstores/fileio create f1 /srv/existing.img',
      '/backstores/ramdisk create r1 1M',
      '/backstores/block/disk1/alua create ao 1',
      `/iscsi create ${iqn}`,
      `${tpg}/luns create /backstores/block/disk1`,
      `${tpg}/acls create iqn.1994-05.com.redhat:client1`,
      '/loopback create',
    );
    expect(s.run('ls / 9').join('\n')).toMatch(/mapped_lun0[\s\S]*loopback \.+ \[Targets: 1\]/);
    const seen = new Map<string, string | undefined>();
    const walk = (node: UiNode, path: string): void => {
      for (const command of [...node.commands(), ...builtinCommands(node)]) {
        seen.set(`${path} ${command.declaration.name}`, declarationProblem(command.declaration));
      }
      for (const child of node.children()) walk(child, `${path}/${child.name}`);
    };
    walk(rootNodeFor({ lio: s.lio }), '');
    expect(seen.size).toBeGreaterThan(100);
    expect([...seen].filter(([, problem]) => problem !== undefined)).toEqual([]);
    for (const name of ['create', 'delete', 'info', 'saveconfig', 'restoreconfig', 'clearconfig', 'ls', 'set', 'get', 'sessions']) {
      expect([...seen.keys()].some((k) => k.endsWith(` ${name}`)), name).toBe(true);
    }
  });
});
