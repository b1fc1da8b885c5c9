import { readIfExists } from '../configfs-text.js';
import type { NodeAcl } from '../fabric/node-acl.js';
import type { Tpg } from '../fabric/tpg.js';
import { parseDynamicSessions, parseSessionInfo } from './parse-session-info.js';
import type { Session, SessionLun } from './session.js';

function base(tpg: Tpg): Pick<Session, 'fabric' | 'target' | 'tpg'> {
  return { fabric: tpg.fabric.name, target: tpg.target.wwn, tpg: tpg.tag };
}

function aclLuns(acl: NodeAcl): SessionLun[] {
  return acl.mappedLuns().map((m) => {
    const info = m.describe();
    const so = info.tpgLun === undefined ? undefined : acl.tpg.findLun(info.tpgLun)?.storageObject();
    return { mappedLun: info.index, tpgLun: info.tpgLun, storageObject: so?.label, writeProtect: info.writeProtect };
  });
}

/** The session of an initiator with an ACL, from the ACL's `info` file. */
export function aclSession(acl: NodeAcl): Session | undefined {
  const text = acl.infoText();
  const info = text === undefined ? undefined : parseSessionInfo(text);
  if (!info) return undefined;
  const tag = acl.tag();
  const auth = acl.tpg.fabric.spec.features.includes('auth') ? acl.auth() : undefined;
  return {
    ...base(acl.tpg),
    ...info,
    dynamic: false,
    ...(tag === undefined ? {} : { tag }),
    ...(auth === undefined ? {} : { mutualChap: auth.authenticateTarget }),
    luns: aclLuns(acl),
  };
}

/**
 * Demo-mode sessions: initiators without an ACL appear only in `dynamic_sessions`, and see
 * every LUN of the TPG under its own number, read-only when demo_mode_write_protect=1.
 */
function dynamicSessions(tpg: Tpg): Session[] {
  const text = readIfExists(tpg.lio.fs, `${tpg.path}/dynamic_sessions`);
  if (text === undefined) return [];
  const names = parseDynamicSessions(text);
  if (names.length === 0) return [];
  const writeProtect = tpg.attributeIfExists('demo_mode_write_protect') === '1';
  const luns: SessionLun[] = tpg.luns().map((lun) => ({
    mappedLun: lun.index,
    tpgLun: lun.index,
    storageObject: lun.storageObject()?.label,
    writeProtect,
  }));
  return names.map((initiator) => ({
    ...base(tpg),
    initiator,
    dynamic: true,
    type: 'Normal',
    state: 'LOGGED_IN',
    connections: [],
    luns,
  }));
}

export function tpgSessions(tpg: Tpg): Session[] {
  const out: Session[] = [];
  for (const acl of tpg.nodeAcls()) {
    const s = aclSession(acl);
    if (s) out.push(s);
  }
  out.push(...dynamicSessions(tpg));
  return out;
}
