import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimConfigFs } from '../../configfs/sim/index.js';
import { LioctlError } from '../../errors/index.js';
import { builtinCommands } from '../builtins/index.js';
import type { CommandDeclaration } from '../commands/declaration.js';
import { LioRoot } from '../../model/index.js';
import type { TcmuHandlerSource } from '../../tcmu/index.js';
import { rootNodeFor } from '../nodes/root-node.js';
import { PREFERENCES, type PreferenceSpec } from '../prefs/preference-table.js';
import { Preferences } from '../prefs/preferences.js';
import { ShellSession } from '../session/index.js';
import type { UiNode } from '../tree/ui-node.js';

/** One kind of node: its path with user-chosen names as placeholders, and its own commands. */
export interface NodeKindEntry {
  /** e.g. `/iscsi/<wwn>/tpg<tag>/luns`. */
  readonly pattern: string;
  readonly commands: readonly CommandDeclaration[];
}

/** Everything the shell can do, from the command declarations, for the man page. */
export interface CommandCatalog {
  /** Commands every node has (ls, cd, get, set, help...). */
  readonly shared: readonly CommandDeclaration[];
  readonly nodes: readonly NodeKindEntry[];
  readonly preferences: ReadonlyArray<{ readonly name: string } & PreferenceSpec>;
}

const SAMPLE_TARGET = 'iqn.2003-01.org.example:sample';

/**
 * Lines that give the simulator one object of every kind a user can create, so that walking
 * the tree meets every node kind and its commands. Kinds the simulator cannot create
 * (block and pscsi need real devices) still show their parent and its `create`.
 */
function sampleLines(file: string): string[] {
  const tpg = `/iscsi/${SAMPLE_TARGET}/tpg1`;
  return [
    `/backstores/fileio create sample ${file} 1M`,
    '/backstores/ramdisk create sample_rd 1M',
    '/backstores/fileio/sample/alua create sample_group 1',
    `/iscsi create ${SAMPLE_TARGET}`,
    `${tpg}/luns create /backstores/fileio/sample`,
    `${tpg}/acls create iqn.1994-05.com.example:initiator`,
    '/loopback create',
    '/vhost create',
    '/xen-pvscsi create',
  ];
}

/** The placeholder for a child a user created: `<name>` after the create command's first parameter. */
function placeholder(parent: UiNode, child: UiNode): string | undefined {
  const create = parent.commands().find((c) => c.declaration.name === 'create');
  const first = create?.declaration.params[0];
  if (first === undefined) return undefined;
  const numbered = /^([a-z_]+?)\d+$/.exec(child.name);
  // tpg1, lun0, mapped_lun0: the kernel's prefix stays, the number is the user's.
  return numbered === null ? `<${first.name}>` : `${numbered[1]}<N>`;
}

function walk(node: UiNode, pattern: string, seen: Map<string, NodeKindEntry>): void {
  if (!seen.has(pattern)) seen.set(pattern, { pattern, commands: node.commands().map((c) => c.declaration) });
  for (const child of node.children()) {
    const name = placeholder(node, child) ?? child.name;
    walk(child, pattern === '/' ? `/${name}` : `${pattern}/${name}`, seen);
  }
}

/** One handler, named as the man page names any: `/backstores/user:<handler>`. */
const CATALOG_HANDLER: TcmuHandlerSource = {
  handlers: () => [{ name: '<handler>', description: '', configDesc: "what tcmu-runner's ConfigDesc says the handler's cfgstring holds" }],
  checkConfig: () => ({ valid: true, message: 'success' }),
};

/** Builds the sample tree on a private simulator and reads every node kind's commands. */
export function commandCatalog(): CommandCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'lioctl-catalog-'));
  try {
    const file = join(dir, 'sample.img');
    writeFileSync(file, '');
    const session = new ShellSession({
      fs: new SimConfigFs(),
      prefs: Preferences.inMemory(),
      root: (fs) => rootNodeFor({ lio: new LioRoot(fs), tcmu: CATALOG_HANDLER }),
      output: { info: () => undefined, warn: () => undefined, result: () => undefined },
      json: false,
      interactive: false,
    });
    for (const line of sampleLines(file)) {
      try {
        session.execute(line);
      } catch (err) {
        if (!(err instanceof LioctlError)) throw err; // a kind this simulator cannot make is left out
      }
    }
    const seen = new Map<string, NodeKindEntry>();
    const root = session.resolve('/');
    walk(root, '/', seen);
    return {
      shared: builtinCommands(root).map((c) => c.declaration),
      nodes: [...seen.values()].filter((entry) => entry.commands.length > 0),
      preferences: Object.entries(PREFERENCES).map(([name, spec]) => ({ name, ...spec })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
