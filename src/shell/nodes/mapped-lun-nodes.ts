import type { MappedLun } from '../../model/index.js';
import type { LsSummary } from '../render/ls-tree.js';
import type { UiNode } from '../tree/ui-node.js';
import { infoCommand } from './info-command.js';
import { bad, makeNode, ok } from './node-kit.js';

/** `lun<L> <plugin>/<name> (rw|ro)`, or BROKEN LUN LINK when the TPG LUN or its storage is gone. */
function mappedLunSummary(mapped: MappedLun): LsSummary {
  const lun = mapped.tpgLun();
  const so = lun?.exists() === true ? lun.storageObject() : undefined;
  if (lun === undefined || so === undefined) return bad('BROKEN LUN LINK');
  return ok(`lun${lun.index} ${so.label} (${mapped.writeProtect() ? 'ro' : 'rw'})`);
}

/** `mapped_lun<M>`: one LUN as one initiator (or tag group) sees it. */
export function mappedLunNode(parent: string, mapped: MappedLun): UiNode {
  return makeNode({
    name: `mapped_lun${mapped.index}`,
    parent,
    summary: () => mappedLunSummary(mapped),
    commands: () => [
      infoCommand('Shows which TPG LUN this maps and whether it is read-only.', () => {
        const info = mapped.describe();
        return { index: info.index, tpg_lun: info.tpgLun, write_protect: info.writeProtect, alias: info.alias };
      }),
    ],
  });
}
