import type { SessionConnection } from './session.js';

/** What an iSCSI ACL's `info` file says about its session. */
export interface SessionInfoText {
  readonly initiator: string;
  readonly alias?: string;
  readonly sid?: number;
  readonly isid?: string;
  readonly tsih?: number;
  readonly type: string;
  readonly state: string;
  readonly connections: readonly SessionConnection[];
}

/**
 * Parses `acls/<wwn>/info` (iscsi_target_configfs.c): undefined for "No active iSCSI
 * Session", else the initiator, session ids, state and one entry per connection.
 */
export function parseSessionInfo(text: string): SessionInfoText | undefined {
  if (/^\s*No active/i.test(text)) return undefined;
  const initiator = /InitiatorName:\s*(\S+)/.exec(text)?.[1];
  if (initiator === undefined) return undefined;
  const alias = /InitiatorAlias:[ \t]*(.*)/.exec(text)?.[1]?.trim();
  const sid = /LIO Session ID:\s*(\d+)/.exec(text)?.[1];
  const isid = /ISID:\s*0x([0-9a-fA-F ]+?)\s{2}/.exec(text)?.[1];
  const tsih = /TSIH:\s*(\d+)/.exec(text)?.[1];
  const type = /SessionType:\s*(\S+)/.exec(text)?.[1] ?? 'Normal';
  const state = /Session State:\s*(\S+)/.exec(text)?.[1]?.replace(/^TARG_SESS_(STATE_)?/, '') ?? 'UNKNOWN';
  const connections: SessionConnection[] = [];
  const conn = /CID:\s*(\d+)\s+Connection State:\s*(\S+)\s+Address\s+(\S+)\s+(\S+)/g;
  for (let m = conn.exec(text); m !== null; m = conn.exec(text)) {
    connections.push({
      cid: Number(m[1]),
      state: (m[2] ?? '').replace(/^TARG_CONN_STATE_/, ''),
      address: m[3] ?? '',
      transport: m[4] ?? '',
    });
  }
  return {
    initiator,
    ...(alias === undefined || alias === '' ? {} : { alias }),
    ...(sid === undefined ? {} : { sid: Number(sid) }),
    ...(isid === undefined ? {} : { isid: isid.replace(/\s+/g, '') }),
    ...(tsih === undefined ? {} : { tsih: Number(tsih) }),
    type,
    state,
    connections,
  };
}

/** `dynamic_sessions`: one initiator name per line, each followed by a NUL. */
export function parseDynamicSessions(text: string): string[] {
  return text
    .split(/[\n\0]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
