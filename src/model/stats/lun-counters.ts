import type { Lun } from '../fabric/lun.js';
import { storageObjectAt } from '../fabric/lun.js';
import type { Tpg } from '../fabric/tpg.js';
import { readCounter, whileItExists } from './read-counter.js';
import type { LunCounters, TpgPlace } from './stats-types.js';

export function tpgPlace(tpg: Tpg): TpgPlace {
  return { fabric: tpg.fabric.name, target: tpg.target.wwn, tpg: tpg.tag };
}

/** A LUN's port counters; undefined when the LUN vanished while being read. */
export function readLunCounters(lun: Lun): LunCounters | undefined {
  return whileItExists(() => {
    const fs = lun.tpg.lio.fs;
    const link = lun.link();
    const dir = `${lun.path}/statistics/scsi_tgt_port`;
    return {
      key: `${lun.path}>${link?.target ?? ''}`,
      ...tpgPlace(lun.tpg),
      lun: lun.index,
      storageObject: storageObjectAt(lun.tpg.lio, link?.target)?.label,
      commands: readCounter(fs, `${dir}/in_cmds`),
      readMiB: readCounter(fs, `${dir}/read_mbytes`),
      writeMiB: readCounter(fs, `${dir}/write_mbytes`),
    };
  });
}
