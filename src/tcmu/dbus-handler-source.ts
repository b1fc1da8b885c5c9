import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeChildProcess } from '../runtime/lazy-modules.js';
import { TCMU_SERVICE, type TcmuReply } from './dbus-names.js';
import { askWithBusctl } from './busctl-query.js';
import { tcmuRunnerReachable } from './reachable.js';
import type { ConfigCheck, TcmuHandler, TcmuHandlerSource } from './handler-source.js';
import { TcmuUnavailableError } from './tcmu-error.js';

/** The query program: beside this module's bundle (dist/), or built there from the sources. */
function queryProgram(): string | undefined {
  for (const candidate of ['./tcmu-dbus.cjs', '../../dist/tcmu-dbus.cjs']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return fileURLToPath(url);
  }
  return undefined;
}

/** Longer than the program's own wait, so its message (not a kill) is what the user reads. */
const KILL_AFTER_MS = 15_000;
/** One line lists /backstores several times; a listing this young is reused. */
const REUSE_MS = 2_000;

export interface DbusSourceOptions {
  /** A bus address (LIOCTL_TCMU_BUS); the system bus when absent. */
  readonly busAddress?: string;
}

/**
 * tcmu-runner over D-Bus, asked through a short-lived process: systemd's busctl where it is
 * installed, else node running dbus-next (dist/tcmu-dbus.cjs). On the
 * system bus nothing is asked while target_core_user is not loaded: tcmu-runner cannot
 * serve anything then, and `ls` stays as fast as without it.
 */
export class DbusHandlerSource implements TcmuHandlerSource {
  private listed: { at: number; handlers: readonly TcmuHandler[] | TcmuUnavailableError } | undefined;

  constructor(private readonly options: DbusSourceOptions = {}) {}

  handlers(): readonly TcmuHandler[] {
    if (this.listed === undefined || Date.now() - this.listed.at >= REUSE_MS) this.listed = { at: Date.now(), handlers: this.list() };
    if (this.listed.handlers instanceof TcmuUnavailableError) throw this.listed.handlers;
    return this.listed.handlers;
  }

  /** The handlers, or why there are none (kept as long as a listing, so one line asks once). */
  private list(): readonly TcmuHandler[] | TcmuUnavailableError {
    try {
      const reply = this.ask(['handlers']);
      return 'handlers' in reply ? reply.handlers : new TcmuUnavailableError('unexpected reply to GetManagedObjects');
    } catch (err) {
      if (err instanceof TcmuUnavailableError) return err;
      throw err;
    }
  }

  checkConfig(handler: string, config: string): ConfigCheck {
    const reply = this.ask(['check', handler, config]);
    if (!('valid' in reply)) throw new TcmuUnavailableError('unexpected reply to CheckConfig');
    return { valid: reply.valid, message: reply.message };
  }

  private ask(args: readonly string[]): Extract<TcmuReply, { ok: true }> {
    const address = this.options.busAddress;
    if (address === undefined && !existsSync('/sys/module/target_core_user')) throw new TcmuUnavailableError('the target_core_user module is not loaded', false);
    if (address === undefined && !tcmuRunnerReachable(TCMU_SERVICE)) throw new TcmuUnavailableError('tcmu-runner is not running');
    const reply = askWithBusctl(args, address, KILL_AFTER_MS) ?? askWithProgram(args, address);
    if (!reply.ok) throw new TcmuUnavailableError(reply.reason);
    return reply;
  }
}

/** The dbus-next program, where busctl cannot ask (not installed, or older than `--json`). */
function askWithProgram(args: readonly string[], address: string | undefined): TcmuReply {
  const program = queryProgram();
  if (program === undefined) throw new TcmuUnavailableError('the D-Bus client of this lioctl is missing (dist/tcmu-dbus.cjs)');
  const run = nodeChildProcess().spawnSync(process.execPath, [program, ...args], {
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
    env: { ...process.env, LIOCTL_TCMU_BUS: address ?? '' },
  });
  try {
    return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as TcmuReply; // the program prints one TcmuReply
  } catch {
    throw new TcmuUnavailableError(run.error?.message ?? `the D-Bus client failed: ${run.stderr.trim().split('\n')[0] ?? `exit ${run.status}`}`);
  }
}
