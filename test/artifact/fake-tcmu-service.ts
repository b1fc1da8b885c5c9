import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Message, sessionBus, Variant, type MessageBus } from 'dbus-next';

/** A private bus: `dbus-daemon --session` listening on a socket in a fresh directory. */
export interface PrivateBus {
  readonly address: string;
  stop(): void;
}

export async function startPrivateBus(): Promise<PrivateBus> {
  const dir = mkdtempSync(join(tmpdir(), 'lioctl-dbus-'));
  const daemon: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address', `--address=unix:path=${join(dir, 'bus')}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((done, fail) => {
    daemon.once('error', fail);
    daemon.once('exit', (code) => fail(new Error(`dbus-daemon exited ${code}`)));
    createInterface({ input: daemon.stdout! }).once('line', (line) => done(line.trim()));
  });
  return {
    address,
    stop: () => {
      daemon.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface FakeHandler {
  readonly name: string;
  readonly description: string;
  readonly configDesc: string;
  /** CheckConfig's answer for the whole `<handler>/<cfgstring>`. */
  check(config: string): [boolean, string];
}

/** tcmu-runner's D-Bus face: the object manager and one object per handler, on `bus`. */
export class FakeTcmuService {
  /** Every CheckConfig argument received, in order. */
  readonly checked: string[] = [];
  private constructor(private readonly bus: MessageBus) {}

  static async start(address: string, handlers: readonly FakeHandler[]): Promise<FakeTcmuService> {
    const bus = sessionBus({ busAddress: address });
    const service = new FakeTcmuService(bus);
    bus.addMethodHandler((msg: Message) => {
      if (msg.path === '/org/kernel/TCMUService1' && msg.member === 'GetManagedObjects') {
        const objects = Object.fromEntries(
          handlers.map((h) => [
            `/org/kernel/TCMUService1/${h.name}`,
            { 'org.kernel.TCMUService1': { HandlerName: new Variant('s', h.description), ConfigDesc: new Variant('s', h.configDesc) } },
          ]),
        );
        bus.send(Message.newMethodReturn(msg, 'a{oa{sa{sv}}}', [objects]));
        return true;
      }
      const handler = handlers.find((h) => msg.path === `/org/kernel/TCMUService1/${h.name}`);
      if (handler !== undefined && msg.member === 'CheckConfig') {
        const config = String(msg.body[0]);
        service.checked.push(config);
        bus.send(Message.newMethodReturn(msg, 'bs', handler.check(config)));
        return true;
      }
      return false;
    });
    await bus.requestName('org.kernel.TCMUService1', 0);
    return service;
  }

  stop(): void {
    this.bus.disconnect();
  }
}
