import { ConfigFsError } from '../../configfs/index.js';
import { ValidationError } from '../../errors/index.js';
import { hasFeature, KernelRefusedError, type Tpg } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import type { LsSummary } from '../render/ls-tree.js';
import { nodeCommand, type ConfigGroup, type NodeCommand, type UiNode } from '../tree/ui-node.js';
import { aclsNode } from './acl-nodes.js';
import { authGroup } from './auth-group.js';
import { infoCommand } from './info-command.js';
import { lunsNode } from './lun-nodes.js';
import { makeNode } from './node-kit.js';
import { portalsNode } from './portal-nodes.js';
import { ISCSI_PARAMETER_TYPES, ISCSI_PARAMETERS, TPG_ATTRIBUTES } from './settings-descriptions.js';
import { hasSettings, settingsGroupOf } from './settings-groups.js';
import type { ShellEnv } from './shell-env.js';
import { tpgSummary } from './tpg-summary.js';

/** targetcli's message for a refused enable, with the kernel's reason kept as the hint. */
function couldNotEnable(err: unknown): unknown {
  if (err instanceof KernelRefusedError && err.cause instanceof ConfigFsError) {
    return new KernelRefusedError('The TPGT could not be enabled.', err.cause, { hint: err.message });
  }
  return err;
}

function enableCommands(tpg: Tpg): NodeCommand[] {
  return [
    nodeCommand(defineCommand({ name: 'enable', summary: 'Enables the TPG: initiators can log in.', params: [] }), true, (ctx) => {
      if (tpg.isEnabled()) return void ctx.info('The TPGT is already enabled.');
      try {
        tpg.enable();
      } catch (err) {
        throw couldNotEnable(err);
      }
      ctx.info('The TPGT has been enabled.');
    }),
    nodeCommand(defineCommand({ name: 'disable', summary: 'Disables the TPG: no new logins.', params: [] }), true, (ctx) => {
      if (!tpg.fabric.spec.tpgEnable) {
        // targetcli said "has been disabled" here although nothing changed.
        throw new ValidationError(`The ${tpg.fabric.name} fabric has no enable switch: its TPGs are always enabled`, { code: 'no-enable' });
      }
      if (!tpg.isEnabled()) return void ctx.info('The TPGT is already disabled.');
      tpg.disable();
      ctx.info('The TPGT has been disabled.');
    }),
  ];
}

function tpgConfigGroups(tpg: Tpg): ConfigGroup[] {
  const out: ConfigGroup[] = [];
  if (hasSettings(tpg.attributes)) out.push(settingsGroupOf('attribute', [tpg.attributes], { descriptions: TPG_ATTRIBUTES }));
  if (hasSettings(tpg.parameters)) {
    out.push(settingsGroupOf('parameter', [tpg.parameters], { types: ISCSI_PARAMETER_TYPES, descriptions: ISCSI_PARAMETERS, inferNumbers: false }));
  }
  if (hasFeature(tpg.fabric.spec, 'auth')) out.push(authGroup(tpg));
  return out;
}

function tpgInfo(tpg: Tpg): Record<string, unknown> {
  const fields: Record<string, unknown> = { tag: tpg.tag, enable: tpg.isEnabled(), nexus: tpg.nexus() };
  if (hasFeature(tpg.fabric.spec, 'auth')) {
    // User names only: secrets are shown by `get auth` alone.
    const auth = tpg.auth();
    fields.chap_userid = auth.userid;
    fields.chap_mutual_userid = auth.mutualUserid;
  }
  return fields;
}

export interface TpgNodeOptions {
  /** Shown instead of `tpg<N>`: single-TPG fabrics name the merged node by the target's WWN. */
  readonly name?: string;
  readonly summary?: () => LsSummary;
}

/** A TPG node (`tpg<N>`), or a single-TPG target, which is its TPG 1 under the target's name. */
export function tpgNode(env: ShellEnv, parent: string, tpg: Tpg, options: TpgNodeOptions = {}): UiNode {
  const name = options.name ?? `tpg${tpg.tag}`;
  const path = `${parent === '/' ? '' : parent}/${name}`;
  const spec = tpg.fabric.spec;
  const children = (): UiNode[] => [
    ...(hasFeature(spec, 'acls') ? [aclsNode(env, path, tpg)] : []),
    lunsNode(env, path, tpg),
    ...(hasFeature(spec, 'nps') ? [portalsNode(path, tpg)] : []),
  ];
  return makeNode({
    name,
    parent,
    summary: options.summary ?? (() => tpgSummary(tpg)),
    children,
    child: (childName) => children().find((c) => c.name === childName),
    commands: () => [...enableCommands(tpg), infoCommand('Shows the tag, state and CHAP user names of the TPG.', () => tpgInfo(tpg))],
    configGroups: () => tpgConfigGroups(tpg),
  });
}
