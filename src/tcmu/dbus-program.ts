/*
 * The D-Bus query, run as its own process by DbusHandlerSource where busctl cannot ask:
 * the shell is synchronous and D-Bus is not, and only commands that need tcmu-runner pay
 * for loading dbus-next.
 * `handlers` or `check <handler> <config>`; the bus is LIOCTL_TCMU_BUS, else the system
 * bus. Prints one TcmuReply line.
 */
import { Message, sessionBus, systemBus, type MessageBus, type Variant } from 'dbus-next';
import { ANSWER_WITHIN_S, OBJECT_MANAGER_INTERFACE, TCMU_INTERFACE, TCMU_ROOT_PATH, TCMU_SERVICE, type TcmuReply } from './dbus-names.js';
import { handlersOf, type ManagedObjects } from './managed-objects.js';

const ANSWER_WITHIN_MS = ANSWER_WITHIN_S * 1000;

async function listHandlers(bus: MessageBus): Promise<TcmuReply> {
  const reply = await bus.call(new Message({ destination: TCMU_SERVICE, path: TCMU_ROOT_PATH, interface: OBJECT_MANAGER_INTERFACE, member: 'GetManagedObjects' }));
  const objects = (reply?.body[0] ?? {}) as ManagedObjects<Variant>; // a{oa{sa{sv}}} by the interface's definition
  return handlersOf(objects, (v) => (typeof v?.value === 'string' ? v.value : ''));
}

async function checkConfig(bus: MessageBus, handler: string, config: string): Promise<TcmuReply> {
  const reply = await bus.call(
    new Message({ destination: TCMU_SERVICE, path: `${TCMU_ROOT_PATH}/${handler}`, interface: TCMU_INTERFACE, member: 'CheckConfig', signature: 's', body: [config] }),
  );
  const [valid, message] = (reply?.body ?? []) as [unknown, unknown];
  return { ok: true, valid: valid === true, message: typeof message === 'string' ? message : '' };
}

/** The bus's own words, shortened to what an admin can act on. */
function reasonOf(err: unknown): string {
  const name = (err as { type?: unknown }).type;
  if (name === 'org.freedesktop.DBus.Error.ServiceUnknown' || name === 'org.freedesktop.DBus.Error.NameHasNoOwner') return `${TCMU_SERVICE} is not on the bus`;
  if (typeof name === 'string') return `${name}: ${(err as Error).message}`;
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ECONNREFUSED') return `no D-Bus at ${(err as { address?: string }).address ?? 'the bus address'} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

async function main(): Promise<TcmuReply> {
  const [op, handler, config] = process.argv.slice(2);
  const address = process.env.LIOCTL_TCMU_BUS;
  const bus = address === undefined || address === '' ? systemBus() : sessionBus({ busAddress: address });
  const failed = new Promise<never>((_, fail) => bus.on('error', fail));
  const late = new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`no answer within ${ANSWER_WITHIN_MS / 1000} s`)), ANSWER_WITHIN_MS).unref());
  const asked = op === 'check' ? checkConfig(bus, handler ?? '', config ?? '') : listHandlers(bus);
  try {
    return await Promise.race([asked, failed, late]);
  } finally {
    bus.disconnect();
  }
}

main().then(
  (reply) => process.stdout.write(`${JSON.stringify(reply)}\n`, () => process.exit(0)),
  (err: unknown) => process.stdout.write(`${JSON.stringify({ ok: false, reason: reasonOf(err) } satisfies TcmuReply)}\n`, () => process.exit(0)),
);
