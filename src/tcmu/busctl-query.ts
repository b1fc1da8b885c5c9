import { nodeChildProcess } from '../runtime/lazy-modules.js';
import { ANSWER_WITHIN_S, OBJECT_MANAGER_INTERFACE, TCMU_INTERFACE, TCMU_ROOT_PATH, TCMU_SERVICE, type TcmuReply } from './dbus-names.js';
import { handlersOf, type ManagedObjects } from './managed-objects.js';

/*
 * The D-Bus query through systemd's busctl, a C program: where it is installed this costs
 * a small fraction of starting node again with dbus-next (0.25 s against 1.4 s in the
 * project's emulated VM), and every `ls` that lists user:<handler> backstores pays it.
 */

const SYSTEM_BUS_SOCKET = '/run/dbus/system_bus_socket';

/** busctl's `--json=short` form of a value: every value carries its signature. */
interface Typed {
  readonly type: string;
  readonly data: unknown;
}

function handlersIn(reply: Typed): TcmuReply {
  const objects = ((reply.data as unknown[])[0] ?? {}) as ManagedObjects<Typed>; // a{oa{sa{sv}}} by the interface's definition
  return handlersOf(objects, (v) => (typeof v?.data === 'string' ? v.data : ''));
}

function checkOf(reply: Typed): TcmuReply {
  const [valid, message] = reply.data as [unknown, unknown]; // (bs) by the interface's definition
  return { ok: true, valid: valid === true, message: typeof message === 'string' ? message : '' };
}

/** The socket a bus address names, for messages (`unix:path=/x,guid=...` → `/x`). */
function socketOf(address: string | undefined): string {
  if (address === undefined) return SYSTEM_BUS_SOCKET;
  return /(?:^|[;:,])path=([^,;]+)/.exec(address)?.[1] ?? address;
}

/** busctl's words, in the same terms as the dbus-next program's reasons. */
function reasonOf(stderr: string, address: string | undefined): string | undefined {
  const line = stderr.trim().split('\n')[0] ?? '';
  const connect = /^Failed to connect to bus: (.*)$/.exec(line);
  if (connect !== null) {
    const code = connect[1] === 'No such file or directory' ? 'ENOENT' : connect[1] === 'Connection refused' ? 'ECONNREFUSED' : connect[1];
    return `no D-Bus at ${socketOf(address)} (${code})`;
  }
  const call = /^Call failed: (.*)$/.exec(line);
  if (call === null) return undefined;
  const why = call[1] ?? '';
  if (/not provided by any \.service files|does not have an owner|has no owner/i.test(why)) return `${TCMU_SERVICE} is not on the bus`;
  if (/timed out/i.test(why)) return `no answer within ${ANSWER_WITHIN_S} s`;
  return why;
}

/**
 * Asks with busctl: `handlers` or `check <handler> <config>`, on `address` or the system
 * bus. Undefined when busctl is not installed or does not understand the call (one older
 * than `--json`), so that the caller asks another way.
 */
export function askWithBusctl(args: readonly string[], address: string | undefined, killAfterMs: number): TcmuReply | undefined {
  const [op, handler, config] = args;
  const call =
    op === 'check'
      ? [TCMU_SERVICE, `${TCMU_ROOT_PATH}/${handler ?? ''}`, TCMU_INTERFACE, 'CheckConfig', 's', config ?? '']
      : [TCMU_SERVICE, TCMU_ROOT_PATH, OBJECT_MANAGER_INTERFACE, 'GetManagedObjects'];
  const bus = address === undefined ? '--system' : `--address=${address}`;
  // `--` ends busctl's options: a cfgstring may begin with a dash.
  const run = nodeChildProcess().spawnSync('busctl', [bus, '--json=short', `--timeout=${ANSWER_WITHIN_S}`, '--', 'call', ...call], {
    encoding: 'utf8',
    timeout: killAfterMs,
  });
  if (run.error !== undefined) {
    // Not installed (or not runnable): another client asks. Killed past its time: no answer.
    const code = (run.error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EACCES' ? undefined : { ok: false, reason: `busctl: ${run.error.message}` };
  }
  if (run.status === 0) {
    try {
      const reply = JSON.parse(run.stdout) as Typed; // busctl --json=short prints one value
      return op === 'check' ? checkOf(reply) : handlersIn(reply);
    } catch {
      return undefined;
    }
  }
  const reason = reasonOf(run.stderr, address);
  return reason === undefined ? undefined : { ok: false, reason };
}
