import type { StorageObject } from '../../model/index.js';
import { humanSize } from '../../model/index.js';
import type { LsSummary } from '../render/ls-tree.js';

/** The bracket text targetcli shows for a storage object (reference §1.2). */
export function storageObjectSummary(so: StorageObject): LsSummary {
  const d = so.describe();
  const size = d.size === undefined ? '' : `(${humanSize(d.size)})`;
  const cache = d.writeBack ? 'write-back' : 'write-thru';
  switch (d.plugin) {
    case 'block':
      return { text: `${d.udevPath ?? ''} ${size} ${d.readOnly ? 'ro ' : ''}${cache} ${d.status}`, healthy: true };
    case 'fileio':
      return { text: `${d.udevPath ?? ''} ${size} ${cache} ${d.status}`, healthy: true };
    case 'ramdisk':
      return { text: `${d.nullio ? 'nullio ' : ''}${size} ${d.status}`, healthy: true };
    case 'pscsi':
      return { text: `${d.udevPath ?? ''} ${d.status}`, healthy: true };
    case 'user': {
      const config = d.config === undefined ? '(no config)' : d.config.slice(d.config.indexOf('/') + 1);
      return { text: `${config} ${size} ${d.status}`, healthy: true };
    }
  }
}
