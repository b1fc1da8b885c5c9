import type { ChapCredentials } from '../chap.js';
import { readIfExists } from '../configfs-text.js';
import { hasFeature } from '../fabric/fabric-specs.js';
import type { NodeAcl } from '../fabric/node-acl.js';
import type { Tpg } from '../fabric/tpg.js';
import type { StorageObject } from '../storage/storage-object.js';
import { whileItExists } from './read-counter.js';
import type { HealthWarning, LunCounters } from './stats-types.js';

function hasSecret(auth: ChapCredentials): boolean {
  return auth.userid !== undefined && auth.password !== undefined;
}

/** Half of a mutual CHAP pair set: the kernel accepts it, logins then fail. */
function halfMutual(auth: ChapCredentials): boolean {
  return (auth.mutualUserid === undefined) !== (auth.mutualPassword === undefined);
}

/** `attrib/authentication` of an ACL: 1 or 0 override the TPG, -1 (the default) inherits it. */
function aclRequiresChap(acl: NodeAcl, tpgRequires: boolean): boolean {
  const own = readIfExists(acl.tpg.lio.fs, `${acl.path}/attrib/authentication`);
  if (own === '1') return true;
  if (own === '0') return false;
  return tpgRequires;
}

function aclWarnings(acl: NodeAcl, tpgRequires: boolean): HealthWarning[] {
  const auth = acl.auth();
  const out: HealthWarning[] = [];
  if (aclRequiresChap(acl, tpgRequires) && !hasSecret(auth)) {
    out.push({
      kind: 'acl-chap-missing',
      object: acl.label,
      message: `ACL ${acl.label} has no CHAP userid and password, but CHAP is required: ${acl.wwn} cannot log in`,
    });
  } else if (halfMutual(auth)) {
    out.push({ kind: 'acl-chap-missing', object: acl.label, message: `ACL ${acl.label} has only half of its mutual CHAP pair: logins will fail` });
  }
  return out;
}

/** CHAP problems of a TPG: demo mode without TPG credentials, ACLs without theirs. */
function chapWarnings(tpg: Tpg): HealthWarning[] {
  if (!hasFeature(tpg.fabric.spec, 'auth')) return [];
  const required = tpg.attributeIfExists('authentication') === '1';
  const out: HealthWarning[] = [];
  if (required && tpg.attributeIfExists('generate_node_acls') === '1' && !hasSecret(tpg.auth())) {
    out.push({
      kind: 'tpg-chap-missing',
      object: tpg.label,
      message: `TPG ${tpg.label} requires CHAP in demo mode but has no TPG userid and password: initiators without an ACL cannot log in`,
    });
  }
  for (const acl of tpg.nodeAcls()) out.push(...(whileItExists(() => aclWarnings(acl, required)) ?? []));
  return out;
}

/**
 * What is wrong with a TPG: disabled (nobody can log in), LUNs whose link to a storage
 * object is missing or points at nothing, CHAP secrets missing where CHAP is required.
 * `existing` holds the `plugin/name` of every storage object, to spot dangling links.
 */
export function tpgWarnings(tpg: Tpg, luns: ReadonlyArray<Pick<LunCounters, 'lun' | 'storageObject'>>, existing: ReadonlySet<string>): HealthWarning[] {
  const out: HealthWarning[] = [];
  if (tpg.fabric.spec.tpgEnable && !tpg.isEnabled()) {
    out.push({ kind: 'tpg-disabled', object: tpg.label, message: `TPG ${tpg.label} is disabled: initiators cannot log in` });
  }
  for (const lun of luns) {
    const label = `${tpg.label}/lun${lun.lun}`;
    if (lun.storageObject === undefined) {
      out.push({ kind: 'lun-link-broken', object: label, message: `LUN ${label} has no link to a storage object` });
    } else if (!existing.has(lun.storageObject)) {
      out.push({ kind: 'lun-link-broken', object: label, message: `LUN ${label} links to ${lun.storageObject}, which does not exist` });
    }
  }
  out.push(...(whileItExists(() => chapWarnings(tpg)) ?? []));
  return out;
}

/** A storage object the kernel cannot use (not enabled), or that no LUN exports (deactivated). */
export function storageWarnings(so: StorageObject): HealthWarning[] {
  return (
    whileItExists((): HealthWarning[] => {
      if (!so.isEnabled()) {
        return [{ kind: 'backstore-disabled', object: so.label, message: `Storage object ${so.label} is not enabled: the kernel cannot use it` }];
      }
      if (so.status() === 'deactivated') {
        return [{ kind: 'backstore-deactivated', object: so.label, message: `Storage object ${so.label} is deactivated: no LUN exports it` }];
      }
      return [];
    }) ?? []
  );
}
