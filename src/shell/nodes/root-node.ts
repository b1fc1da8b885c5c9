import type { ConfigFs } from '../../configfs/index.js';
import { LioRoot } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type UiNode } from '../tree/ui-node.js';
import { version } from '../version.js';
import { backstoresNode } from './backstore-nodes.js';
import { fabricNode, fabricNodes } from './fabric-nodes.js';
import { makeNode, plain } from './node-kit.js';
import { clearconfigCommand } from './clearconfig-command.js';
import { saveconfigCommand } from './saveconfig-command.js';
import { restoreconfigCommand } from './restoreconfig-command.js';
import { diffCommand } from './diff-command.js';
import { applyCommand } from './apply-command.js';
import { clearCommand, restoreCommand, saveCommand } from './targetctl-commands.js';
import { rootStatusCommand, sessionsCommand } from './sessions-command.js';
import type { ShellEnv } from './shell-env.js';

/** The simulator names the kernel it imitates: its version line says which it was recorded on. */
function versionData(lio: LioRoot): { version: string; simulates?: { series: string; release: string } } {
  const release = lio.fs.backend === 'simulator' ? lio.kernelRelease() : undefined;
  if (release === undefined) return { version };
  return { version, simulates: { series: /^\d+\.\d+/.exec(release)?.[0] ?? release, release } };
}

/** `/`: the top of targetcli's tree, over a fresh model of the live configuration. */
export function rootNode(fs: ConfigFs): UiNode {
  return rootNodeFor({ lio: new LioRoot(fs) });
}

/**
 * `/` with the session's choices: saveconfig, restoreconfig and restore defaulting to the
 * simulator's own file, targetcli's bare `status` line for lioctl started under that name,
 * and the simulator's tcmu-runner handlers.
 */
export function rootNodeWith(choices: Pick<ShellEnv, 'defaultSavefile' | 'targetcliStatus' | 'tcmu'>): (fs: ConfigFs) => UiNode {
  if (choices.defaultSavefile === undefined && choices.targetcliStatus !== true && choices.tcmu === undefined) return rootNode;
  return (fs) => rootNodeFor({ lio: new LioRoot(fs), ...choices });
}

/** `/` over a given model (tests give one with a fake machine). */
export function rootNodeFor(env: ShellEnv): UiNode {
  const children = (): UiNode[] => [backstoresNode(env), ...fabricNodes(env)];
  return makeNode({
    name: '/',
    parent: '/',
    summary: () => plain(''),
    children,
    // Looking up one fabric must not probe every other one.
    child: (name) => (name === 'backstores' ? backstoresNode(env) : fabricNode(env, name)),
    commands: () => [
      sessionsCommand(env),
      // Under targetcli's name the built-in status prints targetcli's bare line.
      ...(env.targetcliStatus === true ? [] : [rootStatusCommand(env)]),
      saveconfigCommand(env),
      clearconfigCommand(env),
      restoreconfigCommand(env),
      diffCommand(env),
      applyCommand(env),
      restoreCommand(env),
      saveCommand(env),
      clearCommand(env),
      nodeCommand(defineCommand({ name: 'version', summary: 'Prints the version of lioctl (and the kernel the simulator imitates).', params: [] }), false, () => ({
        result: result('version', versionData(env.lio), (d) =>
          d.simulates === undefined ? `lioctl version ${d.version}` : `lioctl version ${d.version}, simulator of Linux ${d.simulates.series} (recorded on ${d.simulates.release})`,
        ),
      })),
    ],
  });
}
