import { ValidationError } from '../../errors/index.js';
import { checkChapChange, writeChap, type ChapChange } from '../chap.js';
import type { SettingValue } from '../config-group.js';
import { atomically } from '../rollback.js';
import { validateTagName } from '../validate/index.js';
import { addMappedLun } from './create-lun.js';
import { hasFeature } from './fabric-specs.js';
import { NodeAcl } from './node-acl.js';
import type { Tpg } from './tpg.js';

export interface CreateNodeAclOptions {
  readonly tag?: string;
  /** Per-initiator CHAP credentials (used when the TPG requires authentication). */
  readonly auth?: ChapChange;
  /** `attrib/` values of the ACL. */
  readonly attributes?: Readonly<Record<string, SettingValue>>;
  readonly cmdsnDepth?: number;
  /** Map every LUN of the TPG under its own number (targetcli's add_mapped_luns). */
  readonly mapAllLuns?: boolean;
  /** write_protect of the mappings made by `mapAllLuns`. */
  readonly writeProtect?: boolean;
}

/** Creates a node ACL: mkdir, attributes, credentials, tag, then mapped LUNs. All or nothing. */
export function createNodeAcl(tpg: Tpg, wwn: string, options: CreateNodeAclOptions): NodeAcl {
  const fs = tpg.lio.fs;
  const acl = new NodeAcl(tpg, tpg.aclDirName(wwn));
  const tag = options.tag === undefined ? undefined : validateTagName(options.tag);
  if (options.auth !== undefined) {
    if (!hasFeature(tpg.fabric.spec, 'auth')) throw new ValidationError(`The ${tpg.fabric.name} fabric has no CHAP authentication`, { code: 'no-auth' });
    checkChapChange(options.auth);
  }
  for (const [name, v] of Object.entries(options.attributes ?? {})) acl.attributes.toText(name, v);
  if (options.cmdsnDepth !== undefined && (!Number.isSafeInteger(options.cmdsnDepth) || options.cmdsnDepth < 1)) {
    throw new ValidationError(`cmdsn_depth ${options.cmdsnDepth} is not valid; use a whole number >= 1`, { code: 'bad-value' });
  }
  return atomically(
    fs,
    `Cannot create node ACL ${acl.wwn} in TPG ${tpg.label}`,
    (rb) => {
      rb.mkdir(acl.path);
      for (const [name, v] of Object.entries(options.attributes ?? {})) acl.attributes.set(name, v);
      if (options.cmdsnDepth !== undefined) fs.write(`${acl.path}/cmdsn_depth`, String(options.cmdsnDepth));
      if (options.auth !== undefined) writeChap(fs, `${acl.path}/auth`, options.auth, `node ACL ${acl.label}`, 'none');
      if (tag !== undefined) fs.write(`${acl.path}/tag`, tag);
      if (options.mapAllLuns === true) {
        for (const lun of tpg.luns()) addMappedLun(rb, acl, lun.index, lun, options.writeProtect === true);
      }
      return acl;
    },
    { EEXIST: `an ACL for ${acl.wwn} already exists in TPG ${tpg.label}` },
  );
}
