import type { ConfigFs } from '../../configfs/index.js';
import type { Lun } from '../fabric/lun.js';
import { storageObjectAt } from '../fabric/lun.js';
import type { Tpg } from '../fabric/tpg.js';
import { readCounter, whileItExists } from './read-counter.js';
import type { LunCounters, TpgPlace } from './stats-types.js';

export function tpgPlace(tpg: Tpg): TpgPlace {
  return { fabric: tpg.fabric.name, target: tpg.target.wwn, tpg: tpg.tag };
}

export type LunIdentity = Omit<LunCounters, 'commands' | 'readMiB' | 'writeMiB'>;

/** A LUN found and identified, its counters not read yet (see takeSample for why the two are apart). */
export interface LocatedLun {
  readonly identity: LunIdentity;
  readonly fs: ConfigFs;
  readonly statsDir: string;
}

/** Where a LUN's counters are and what it exports; undefined when it vanished meanwhile. */
export function locateLun(lun: Lun): LocatedLun | undefined {
  return whileItExists(() => {
    const link = lun.link();
    return {
      identity: {
        key: `${lun.path}>${link?.target ?? ''}`,
        ...tpgPlace(lun.tpg),
        lun: lun.index,
        storageObject: storageObjectAt(lun.tpg.lio, link?.target)?.label,
      },
      fs: lun.tpg.lio.fs,
      statsDir: `${lun.path}/statistics/scsi_tgt_port`,
    };
  });
}

/** The port counters of a located LUN (unknown values stay undefined; this never throws for a vanished LUN). */
export function readLocatedLun(l: LocatedLun): LunCounters {
  return {
    ...l.identity,
    commands: readCounter(l.fs, `${l.statsDir}/in_cmds`),
    readMiB: readCounter(l.fs, `${l.statsDir}/read_mbytes`),
    writeMiB: readCounter(l.fs, `${l.statsDir}/write_mbytes`),
  };
}

/** A LUN's port counters; undefined when the LUN vanished while being read. */
export function readLunCounters(lun: Lun): LunCounters | undefined {
  const located = locateLun(lun);
  return located === undefined ? undefined : readLocatedLun(located);
}
