import { LioctlError } from '../../../../src/errors/index.js';
import type { MemoryHost } from '../../../../src/model/index.js';
import { backstoresNode } from '../../../../src/shell/nodes/backstore-nodes.js';
import { fabricNode, fabricNodes } from '../../../../src/shell/nodes/fabric-nodes.js';
import { makeNode, plain } from '../../../../src/shell/nodes/node-kit.js';
import type { ShellEnv } from '../../../../src/shell/nodes/shell-env.js';
import { Preferences } from '../../../../src/shell/prefs/preferences.js';
import { ShellSession, type CommandResult } from '../../../../src/shell/session/index.js';
import type { UiNode } from '../../../../src/shell/tree/ui-node.js';
import { newLio, testHost, type TestLio } from '../../model/helpers.js';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';

/** The tree targetcli shows, minus what the lead's root node adds: /backstores and the fabrics. */
function testRoot(env: ShellEnv): UiNode {
  return makeNode({
    name: '/',
    parent: '/',
    summary: () => plain('...'),
    children: () => [backstoresNode(env), ...fabricNodes(env)],
    child: (name) => (name === 'backstores' ? backstoresNode(env) : fabricNode(env, name)),
  });
}

export interface FabricShell extends TestLio {
  readonly session: ShellSession;
  readonly prefs: Preferences;
  /** Every line printed: messages as is, warnings with targetcli's `Warning: ` prefix, results as humans see them. */
  readonly out: string[];
  readonly results: CommandResult[];
  /** Runs lines and returns what they printed. */
  run(...lines: string[]): string[];
  /** Runs a line that must fail; returns the error. */
  fail(line: string): LioctlError;
}

export const IQN = 'iqn.2003-01.org.linux-iscsi.test:sn.0123456789ab';
export const CLIENT = 'iqn.1994-05.com.redhat:client1';
export const CLIENT2 = 'iqn.1994-05.com.redhat:client2';

export function fabricShell(host: MemoryHost = testHost()): FabricShell {
  const lio = newLio(new SimConfigFs(), host);
  const env: ShellEnv = { lio: lio.lio };
  const prefs = Preferences.inMemory();
  const out: string[] = [];
  const results: CommandResult[] = [];
  const session = new ShellSession({
    fs: lio.fs,
    prefs,
    root: () => testRoot(env),
    output: {
      info: (m) => out.push(m),
      warn: (m) => out.push(`Warning: ${m}`),
      result: (r) => {
        results.push(r);
        out.push(r.human(r.data, { color: false, width: 80 }));
      },
    },
    json: false,
    interactive: false,
  });
  const run = (...lines: string[]): string[] => {
    const start = out.length;
    for (const line of lines) session.execute(line);
    return out.slice(start);
  };
  const fail = (line: string): LioctlError => {
    try {
      session.execute(line);
    } catch (err) {
      if (err instanceof LioctlError) return err;
      throw err;
    }
    throw new Error(`expected '${line}' to fail`);
  };
  return { ...lio, session, prefs, out, results, run, fail };
}

/** `ls` output of a path as lines. */
export function ls(shell: FabricShell, path: string, depth?: number): string[] {
  return shell.run(`ls ${path}${depth === undefined ? '' : ` ${depth}`}`).join('\n').split('\n');
}

/** One `ls` line at width 80: `prefix` is the margin and glyph (`  | o- `), dots fill the rest. */
export function row(prefix: string, name: string, text: string): string {
  const dots = '.'.repeat(Math.max(0, 80 - 1 - (text.length + 3) - prefix.length - name.length));
  return `${prefix}${name} ${dots} [${text}]`;
}
