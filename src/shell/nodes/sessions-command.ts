import type { LioRoot, Session } from '../../model/index.js';
import { initiatorCounters, takeSample, type HealthWarning } from '../../model/stats/index.js';
import { NotFoundError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type NodeCommand } from '../tree/ui-node.js';
import type { ShellEnv } from './shell-env.js';

/** What the kernel has counted for a session's initiator over all its mapped LUNs (the readers `lioctl top` uses). */
export interface SessionIo {
  readonly commands: number;
  /** MiB read by the initiator. */
  readonly readMiB: number;
  /** MiB written by the initiator. */
  readonly writeMiB: number;
}

/** A session as `sessions` shows it; `io` is absent for demo-mode sessions (the kernel keeps no counters in configfs). */
export type SessionWithIo = Session & { readonly io?: SessionIo };

function sessionIo(lio: LioRoot, s: Session): SessionIo | undefined {
  if (s.dynamic) return undefined;
  const tpg = lio.fabric(s.fabric).findTarget(s.target)?.findTpg(s.tpg);
  const luns = tpg === undefined ? [] : initiatorCounters(tpg, s).luns;
  if (luns.length === 0) return undefined;
  const total = (pick: 'commands' | 'readMiB' | 'writeMiB') => luns.reduce((sum, l) => sum + (l[pick] ?? 0), 0);
  return { commands: total('commands'), readMiB: total('readMiB'), writeMiB: total('writeMiB') };
}

function listLine(s: Session): string {
  const alias = s.alias ?? s.initiator;
  const sid = s.sid === undefined ? '-' : String(s.sid);
  const kind = s.dynamic ? `${s.type} (demo mode)` : s.type;
  return `alias: ${alias}\tsid: ${sid} type: ${kind} session-state: ${s.state}`;
}

function detailLines(s: SessionWithIo): string[] {
  const auth = s.mutualChap === true ? 'authenticated' : 'NOT AUTHENTICATED';
  return [
    listLine(s),
    `    name: ${s.initiator} (${auth})`,
    `    target: ${s.target} tpg${s.tpg}`,
    ...(s.io === undefined ? [] : [`    io: commands: ${s.io.commands} read: ${s.io.readMiB} MiB written: ${s.io.writeMiB} MiB`]),
    ...s.luns.map((l) => `    mapped-lun: ${l.mappedLun} backstore: ${l.storageObject ?? '(none)'} mode: ${l.writeProtect ? 'r' : 'rw'}`),
    ...s.connections.map((c) => `    address: ${c.address} (${c.transport}) cid: ${c.cid} connection-state: ${c.state}`),
  ];
}

/**
 * `sessions [list|detail] [sid]`: every logged-in initiator, including demo-mode sessions
 * that have no ACL (targetcli-fb#120 left those out); detail adds the IO the kernel counted.
 */
export function sessionsCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({
      name: 'sessions',
      summary: 'Lists logged-in initiators: list (one line each) or detail (IO counters, LUNs and connections too).',
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
      const data: SessionWithIo[] = sessions.map((s) => {
        const io = sessionIo(env.lio, s);
        return io === undefined ? s : { ...s, io };
      });
      return {
        result: result('sessions', data, (rows) => {
          if (rows.length === 0) return '(no open sessions)';
          return rows.flatMap((s) => (v.action === 'detail' ? [...detailLines(s), ''] : [listLine(s)])).join('\n').trimEnd();
        }),
      };
    },
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What `status` at `/` reports: the same health checks and session readers as `lioctl top`. */
export interface RootStatus {
  readonly path: string;
  readonly summary: string;
  readonly healthy: boolean;
  readonly sessions: number;
  readonly warnings: readonly HealthWarning[];
}

/**
 * `status` for the root node: sessions and health warnings of the whole target (disabled
 * TPGs, broken LUN links, missing CHAP secrets, unused or unusable storage objects).
 * Registered on `/` it takes the place of the built-in `status` there.
 */
export function rootStatusCommand(env: ShellEnv): NodeCommand {
  return nodeCommand(
    defineCommand({ name: 'status', summary: 'Prints the number of sessions and every health warning of the target.', params: [] }),
    false,
    (ctx) => {
      const sample = takeSample(env.lio);
      const summary = `${plural(sample.initiators.length, 'session')}, ${plural(sample.warnings.length, 'warning')}`;
      const data: RootStatus = { path: ctx.node.path, summary, healthy: sample.warnings.length === 0, sessions: sample.initiators.length, warnings: sample.warnings };
      return {
        result: result('status', data, (d) => [`Status for ${d.path}: ${d.summary}`, ...d.warnings.map((w) => `  ${w.message}`)].join('\n')),
      };
    },
  );
}
