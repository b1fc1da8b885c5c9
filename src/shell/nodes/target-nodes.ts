import { ValidationError } from '../../errors/index.js';
import { Tpg, type Target } from '../../model/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand, type UiNode } from '../tree/ui-node.js';
import { created } from './created.js';
import { infoCommand } from './info-command.js';
import { bad, makeNode, plain } from './node-kit.js';
import type { ShellEnv } from './shell-env.js';
import { afterTpgCreated, newTpgOptions } from './tpg-create.js';
import { tpgNode } from './tpg-nodes.js';
import { tpgSummary } from './tpg-summary.js';

/** A TPG tag as targetcli takes it: N or tpgN. */
function tagArgument(text: string): number {
  const digits = /^(?:tpg)?(\d+)$/.exec(text.trim())?.[1];
  if (digits === undefined) throw new ValidationError('Tag argument must be a number.');
  return Number(digits);
}

function tpgCreateCommand(targetPath: string, target: Target): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: 'Creates a target portal group.',
      description:
        'tag is N or tpgN (default: the lowest free from 1). The TPG is enabled when auto_enable_tpgt is set; iSCSI TPGs start without CHAP (authentication=0) and, with auto_add_default_portal, listen on [::0]:3260.',
      params: [{ name: 'tag', type: { kind: 'string' }, help: 'TPG tag, N or tpgN' }],
    }),
    true,
    (ctx, { values: v }) => {
      const tag = v.tag === undefined ? undefined : tagArgument(v.tag);
      const tpg = target.createTpg({ ...newTpgOptions(ctx), ...(tag === undefined ? {} : { tag }) });
      afterTpgCreated(ctx, tpg);
      return created(ctx, `${targetPath}/tpg${tpg.tag}`);
    },
  );
}

function tpgDeleteCommand(target: Target): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'delete',
      summary: 'Deletes a target portal group with its LUNs, ACLs and portals.',
      params: [{ name: 'tag', type: { kind: 'string' }, required: true, help: 'TPG tag, N or tpgN' }],
    }),
    true,
    (ctx, { values: v }) => {
      const tag = tagArgument(v.tag);
      target.tpg(tag).delete();
      ctx.info(`Deleted TPGT ${tag}.`);
    },
    { tag: () => target.tpgTags().map(String) },
  );
}

/** `/<fabric>/<wwn>` on fabrics with several TPGs per target (iSCSI, vhost, xen-pvscsi). */
function multiTpgTargetNode(env: ShellEnv, parent: string, target: Target): UiNode {
  const path = `${parent}/${target.wwn}`;
  return makeNode({
    name: target.wwn,
    parent,
    summary: () => (target.hasValidWwn() ? plain(`TPGs: ${target.tpgTags().length}`) : bad('INVALID WWN')),
    children: () => target.tpgs().map((tpg) => tpgNode(env, path, tpg)),
    child: (name) => {
      const tag = /^tpg(\d+)$/.exec(name)?.[1];
      const tpg = tag === undefined ? undefined : target.findTpg(Number(tag));
      return tpg === undefined ? undefined : tpgNode(env, path, tpg);
    },
    commands: () => [tpgCreateCommand(path, target), tpgDeleteCommand(target), infoCommand('Shows the WWN and fabric of the target.', () => ({ wwn: target.wwn, fabric: target.fabric.name }))],
  });
}

/** Single-TPG fabrics (loopback, FC, SRP...): the target node is its TPG 1, named by the WWN. */
function singleTpgTargetNode(env: ShellEnv, parent: string, target: Target): UiNode {
  const tpg = new Tpg(target, 1);
  return tpgNode(env, parent, tpg, {
    name: target.wwn,
    summary: () => {
      if (!target.hasValidWwn()) return bad('INVALID WWN');
      // Made by another tool without TPG 1: nothing below can work.
      return tpg.exists() ? tpgSummary(tpg) : bad('no TPG 1');
    },
  });
}

export function targetNode(env: ShellEnv, parent: string, target: Target): UiNode {
  return target.fabric.multiTpg ? multiTpgTargetNode(env, parent, target) : singleTpgTargetNode(env, parent, target);
}
