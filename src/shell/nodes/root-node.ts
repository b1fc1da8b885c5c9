import type { ConfigFs } from '../../configfs/index.js';
import type { UiNode } from '../tree/ui-node.js';

/** `/`: the top of targetcli's tree. */
export function rootNode(_fs: ConfigFs): UiNode {
  return {
    name: '/',
    path: '/',
    summary: () => ({ text: '...', healthy: null }),
    children: () => [],
    commands: () => [],
    configGroups: () => [],
  };
}
