import type { MemoryHost } from '../../../../src/model/index.js';
import { backstoresNode } from '../../../../src/shell/nodes/backstore-nodes.js';
import { fabricNode, fabricNodes } from '../../../../src/shell/nodes/fabric-nodes.js';
import { makeNode, plain } from '../../../../src/shell/nodes/node-kit.js';
import type { ShellEnv } from '../../../../src/shell/nodes/shell-env.js';
import { recordingSession, type RecordingSession } from '../recording-session.js';
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

export type FabricShell = TestLio & RecordingSession;

export const IQN = 'iqn.2003-01.org.linux-iscsi.test:sn.0123456789ab';
export const CLIENT = 'iqn.1994-05.com.redhat:client1';
export const CLIENT2 = 'iqn.1994-05.com.redhat:client2';

export function fabricShell(host: MemoryHost = testHost()): FabricShell {
  const lio = newLio(new SimConfigFs(), host);
  const env: ShellEnv = { lio: lio.lio };
  return { ...lio, ...recordingSession({ fs: lio.fs, root: () => testRoot(env) }) };
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
