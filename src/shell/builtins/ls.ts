import { defineCommand } from '../commands/declaration.js';
import { renderLsTree, type LsNode } from '../render/ls-tree.js';
import { result } from '../session/command-outcome.js';
import { splitPath } from '../paths/resolve-path.js';
import { nodeCommand, type UiNode } from '../tree/ui-node.js';

/** The --json shape of `ls`: the same tree the human view draws. */
export interface LsJson {
  readonly name: string;
  readonly path: string;
  readonly summary: string;
  readonly healthy: boolean | null;
  readonly children: LsJson[];
}

function snapshotTree(node: UiNode, depth: number | undefined): LsJson {
  const summary = node.summary();
  const children = depth === 0 ? [] : node.children().map((c) => snapshotTree(c, depth === undefined ? undefined : depth - 1));
  return { name: node.name, path: node.path, summary: summary.text, healthy: summary.healthy, children };
}

function toLsNode(tree: LsJson): LsNode {
  return { name: tree.name, summary: { text: tree.summary, healthy: tree.healthy }, children: tree.children.map(toLsNode) };
}

const declaration = defineCommand({
  name: 'ls',
  summary: 'Draws the tree below a path, with a one-line status of every node.',
  description: 'depth limits how many levels are drawn (0 = all; default: the tree_max_depth preference).',
  params: [
    { name: 'path', type: { kind: 'path' }, default: '.', help: 'where to start', completer: 'path' },
    { name: 'depth', type: { kind: 'number', min: 0 }, defaultText: 'tree_max_depth', help: 'levels to draw below the path' },
  ],
});

export const lsCommand = nodeCommand(declaration, false, (ctx, bound) => {
  const start = ctx.resolve(bound.values.path);
  const depth = bound.values.depth ?? ctx.prefs.get('tree_max_depth');
  // Read only as deep as will be drawn: a one-level ls of a TPG must not walk the config.
  const tree = snapshotTree(start, depth === 0 ? undefined : depth);
  return {
    result: result('ls', tree, (data, style) =>
      renderLsTree(toLsNode(data), {
        width: style.width,
        maxDepth: depth,
        roundNodes: ctx.prefs.get('tree_round_nodes'),
        statusMode: ctx.prefs.get('tree_status_mode'),
        showRoot: ctx.prefs.get('tree_show_root'),
        color: style.color,
        rootDepth: splitPath(data.path).length,
      }).join('\n'),
    ),
  };
});
