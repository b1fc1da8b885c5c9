import type { Session } from '../../model/index.js';
import { NotFoundError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import type { ShellEnv } from './shell-env.js';

function listLine(s: Session): string {
  const alias = s.alias ?? s.initiator;
  const sid = s.sid === undefined ? '-' : String(s.sid);
  const kind = s.dynamic ? `${s.type} (demo mode)` : s.type;
  return `alias: ${alias}\tsid: ${sid} type: ${kind} session-state: ${s.state}`;
}

function detailLines(s: Session): string[] {
  const auth = s.mutualChap === true ? 'authenticated' : 'NOT AUTHENTICATED';
  return [
    listLine(s),
    `    name: ${s.initiator} (${auth})`,
    `    target: ${s.target} tpg${s.tpg}`,
    ...s.luns.map((l) => `    mapped-lun: ${l.mappedLun} backstore: ${l.storageObject ?? '(none)'} mode: ${l.writeProtect ? 'r' : 'rw'}`),
    ...s.connections.map((c) => `    address: ${c.address} (${c.transport}) cid: ${c.cid} connection-state: ${c.state}`),
  ];
}

/**
 * `sessions [list|detail] [sid]`: every logged-in initiator, including demo-mode sessions
 * that have no ACL (targetcli-fb#120 left those out).
 */
export function sessionsCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'sessions',
      summary: 'Lists logged-in initiators: list (one line each) or detail (LUNs and connections too).',
      params: [
        { name: 'action', type: { kind: 'enum', values: ['list', 'detail'] }, default: 'list', help: 'list or detail' },
        { name: 'sid', type: { kind: 'number', min: 0 }, help: 'only the session with this id' },
      ],
    }),
    false,
    (_ctx, { values: v }) => {
      let sessions = env.lio.sessions();
      if (v.sid !== undefined) {
        sessions = sessions.filter((s) => s.sid === v.sid);
        if (sessions.length === 0) throw new NotFoundError(`no session found with sid ${v.sid}`);
      }
      return {
        result: result('sessions', sessions, (data) => {
          if (data.length === 0) return '(no open sessions)';
          return data.flatMap((s) => (v.action === 'detail' ? [...detailLines(s), ''] : [listLine(s)])).join('\n').trimEnd();
        }),
      };
    },
  );
}
