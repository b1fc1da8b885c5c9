import { NotFoundError } from '../../errors/index.js';
import { splitPath } from '../paths/resolve-path.js';
import type { UiNode } from './ui-node.js';

export function childOf(node: UiNode, name: string): UiNode | undefined {
  return node.child ? node.child(name) : node.children().find((c) => c.name === name);
}

/** Walks from the root one segment at a time, reading only the nodes on the way. */
export function findNode(root: UiNode, absolutePath: string): UiNode {
  let node = root;
  for (const segment of splitPath(absolutePath)) {
    const next = childOf(node, segment);
    if (!next) throw new NotFoundError(`No such path ${node.path === '/' ? '' : node.path}/${segment}`);
    node = next;
  }
  return node;
}
