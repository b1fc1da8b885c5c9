import { ValidationError } from '../../errors/index.js';
import { checkChapChange, writeChap } from '../chap.js';
import { flag } from '../configfs-text.js';
import { atomically } from '../rollback.js';
import { generateWwn, normalizeWwn, parseTpgTag } from '../validate/index.js';
import { hasFeature } from './fabric-specs.js';
import type { Target } from './target.js';
import { Tpg, type CreateTpgOptions } from './tpg.js';

function lowestFreeTag(target: Target): number {
  const used = new Set(target.tpgTags());
  let tag = 1;
  while (used.has(tag)) tag++;
  return tag;
}

/**
 * Creates a TPG in the kernel's order: mkdir, nexus (it must exist before LUNs on
 * loopback), authentication=0 on iSCSI, attributes, parameters, credentials, and enable
 * last so no initiator logs in to a half-configured TPG.
 */
export function createTpg(target: Target, options: CreateTpgOptions): Tpg {
  const spec = target.fabric.spec;
  const tag = options.tag === undefined ? lowestFreeTag(target) : parseTpgTag(options.tag);
  if (tag > spec.maxTpgTag) {
    throw new ValidationError(`TPG tag ${tag} is out of range for ${spec.name}; use 1 to ${spec.maxTpgTag}`, { code: 'bad-tag' });
  }
  const isNexus = hasFeature(spec, 'nexus');
  if (options.nexus !== undefined && !isNexus) {
    throw new ValidationError(`The ${spec.name} fabric has no nexus`, { code: 'no-nexus' });
  }
  const nexus = isNexus ? nexusWwn(target, options.nexus) : undefined;
  if (options.auth !== undefined) {
    if (!hasFeature(spec, 'auth')) throw new ValidationError(`The ${spec.name} fabric has no CHAP authentication`, { code: 'no-auth' });
    checkChapChange(options.auth);
  }
  const attributes = { ...(hasFeature(spec, 'auth') ? { authentication: 0 } : {}), ...options.attributes };
  const tpg = new Tpg(target, tag);
  const fs = target.lio.fs;
  // Values are checked before the first write so that bad input never reaches configfs.
  for (const [name, v] of Object.entries(attributes)) tpg.attributes.toText(name, v);
  for (const [name, v] of Object.entries(options.parameters ?? {})) tpg.parameters.toText(name, v);
  return atomically(
    fs,
    `Cannot create TPG ${tag} in ${target.label}`,
    (rb) => {
      rb.mkdir(tpg.path);
      if (nexus !== undefined) fs.write(`${tpg.path}/nexus`, nexus);
      for (const [name, v] of Object.entries(attributes)) tpg.attributes.set(name, v);
      for (const [name, v] of Object.entries(options.parameters ?? {})) tpg.parameters.set(name, v);
      if (options.auth !== undefined) writeChap(fs, `${tpg.path}/auth`, options.auth, `TPG ${tpg.label}`, 'none');
      if (options.enable === true && spec.tpgEnable) fs.write(`${tpg.path}/enable`, flag(true));
      return tpg;
    },
    { EEXIST: `TPG ${tag} already exists in ${target.label}`, EINVAL: `the kernel refused tag ${tag} or a value; check the tag range and values` },
  );
}

/** The nexus WWN: given (checked against the target's WWN types) or generated like rtslib. */
function nexusWwn(target: Target, given: string | undefined): string {
  const types = target.fabric.spec.wwnTypes;
  if (given !== undefined) return normalizeWwn(given, types, { rewriteLegacyNaa: false }).wwn;
  const random = target.lio.random;
  return generateWwn(types[0] ?? 'naa', random === undefined ? {} : { random });
}
