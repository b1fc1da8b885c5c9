import { ValidationError } from '../../errors/index.js';
import { flag } from '../configfs-text.js';
import { atomically } from '../rollback.js';
import { parsePortalAddress, parsePortalPort } from '../validate/index.js';
import { hasFeature } from './fabric-specs.js';
import { Portal } from './portal.js';
import type { Tpg } from './tpg.js';

export interface CreatePortalOptions {
  readonly iser?: boolean;
  readonly offload?: boolean;
}

/** Adds a portal (mkdir `np/<ip>:<port>`, then iSER/offload); all or nothing. */
export function createPortal(tpg: Tpg, address: string, port: number | string, options: CreatePortalOptions): Portal {
  if (!hasFeature(tpg.fabric.spec, 'nps')) {
    throw new ValidationError(`The ${tpg.fabric.name} fabric has no network portals`, { code: 'no-portals' });
  }
  const portal = new Portal(tpg, { ...parsePortalAddress(address), port: parsePortalPort(port) });
  const fs = tpg.lio.fs;
  return atomically(
    fs,
    `Cannot create portal ${portal.dirName} in TPG ${tpg.label}`,
    (rb) => {
      rb.mkdir(portal.path);
      if (options.iser === true) fs.write(`${portal.path}/iser`, flag(true));
      if (options.offload === true) fs.write(`${portal.path}/cxgbit`, flag(true));
      return portal;
    },
    {
      EEXIST: `the portal already exists in this TPG`,
      EINVAL: 'another TPG of this target already listens on this address and port, or a wildcard portal (0.0.0.0 or ::0) on the same port covers it',
      EADDRINUSE: 'another process or target listens on this address and port',
      EADDRNOTAVAIL: 'no local interface has this address',
    },
  );
}
