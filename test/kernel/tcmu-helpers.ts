// What the kernel tests of user:<handler> backstores need around the kernel: tcmu-runner
// (started, awaited on the system bus, stopped or killed by the test), and qcow2 images on a
// real filesystem. The qcow handler allocates with fallocate modes that the VM's overlay,
// tmpfs and 9p lack ("fallocate failed: Operation not supported", a Medium Error for every
// write), so images live on ext4 made in a file and mounted through a loop device.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const BUS_NAME = 'org.kernel.TCMUService1';
const BUS_PATH = '/org/kernel/TCMUService1';
const ACTIVATION_DIR = '/usr/share/dbus-1/system-services';

function sh(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by its parent) is not running.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** One call to tcmu-runner's bus name that never lets the bus start it; null when nobody answers. */
function busCall(args: readonly string[]): string | null {
  const r = spawnSync('busctl', ['--system', '--auto-start=no', '--timeout=10', ...args], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

/** The handlers tcmu-runner announces on the bus (qcow, fbo, ...), or null when it does not answer. */
export function announcedHandlers(): string[] | null {
  const out = busCall(['call', BUS_NAME, BUS_PATH, 'org.freedesktop.DBus.ObjectManager', 'GetManagedObjects']);
  if (out === null) return null;
  const handlers = [...out.matchAll(/"\/org\/kernel\/TCMUService1\/([^"/]+)"/g)].map((m) => m[1] ?? '');
  return [...new Set(handlers)].filter((h) => h !== 'HandlerManager1').sort();
}

/**
 * The system bus starts tcmu-runner on demand (its package installs an activation file).
 * The tests own tcmu-runner's life instead, so that "not running" means not running: the
 * activation directory is hidden for the rest of the VM run (the guest's root is a
 * throw-away overlay) and the bus is told to reload.
 */
export function holdBusActivation(): void {
  if (existsSync(`${ACTIVATION_DIR}/${BUS_NAME}.service`)) sh('mount', ['-t', 'tmpfs', '-o', 'mode=755', 'tmpfs', ACTIVATION_DIR]);
  sh('busctl', ['--system', 'call', 'org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'ReloadConfig']);
}

export interface TcmuRunner {
  readonly pid: number;
  /** What tcmu-runner logged so far (its log file and its stderr). */
  log(): string;
  running(): boolean;
  /** SIGTERM, and waits until it has exited. */
  stop(): void;
  /** SIGKILL, as if it crashed, and waits until it has gone. */
  kill(): void;
}

/**
 * Starts tcmu-runner in the background, logging into `logDir`, and waits until it answers on
 * the system bus with its qcow handler. target_core_user is loaded first (tcmu-runner
 * refuses to start without it).
 */
export function startTcmuRunner(logDir: string, timeoutMs = 90_000): TcmuRunner {
  sh('modprobe', ['target_core_user']);
  if (announcedHandlers() !== null) throw new Error('tcmu-runner is already running');
  unblockNetlink();
  mkdirSync(logDir, { recursive: true });
  const out = openSync(`${logDir}/stderr.log`, 'a');
  const child = spawn('tcmu-runner', ['--tcmu-log-dir', logDir], { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  const pid = child.pid ?? -1;
  const log = (): string =>
    ['tcmu-runner.log', 'stderr.log']
      .map((f) => `${logDir}/${f}`)
      .filter((f) => existsSync(f))
      .map((f) => `--- ${f}\n${readFileSync(f, 'utf8')}`)
      .join('\n');
  const waitGone = (what: string): void => {
    const deadline = Date.now() + 30_000;
    while (alive(pid)) {
      if (Date.now() > deadline) throw new Error(`tcmu-runner did not exit after ${what}\n${log()}`);
      sleep(100);
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (!(announcedHandlers() ?? []).includes('qcow')) {
    if (!alive(pid)) throw new Error(`tcmu-runner exited at start\n${log()}`);
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      throw new Error(`tcmu-runner did not announce its qcow handler on the system bus within ${timeoutMs} ms\n${log()}`);
    }
    sleep(250);
  }
  return {
    pid,
    log,
    running: () => alive(pid),
    stop: () => {
      if (alive(pid)) process.kill(pid, 'SIGTERM');
      waitGone('SIGTERM');
    },
    kill: () => {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      waitGone('SIGKILL');
    },
  };
}

const NETLINK_PARAMS = '/sys/module/target_core_user/parameters';

/**
 * Once tcmu-runner has run, the kernel waits for its netlink reply, without a timeout, when
 * a user device is enabled: with tcmu-runner gone, such a write would hang the test (and
 * the VM) for good. While netlink is blocked the kernel fails it at once (EAGAIN) instead;
 * reset_netlink fails a wait already in progress.
 */
export function blockNetlink(): void {
  writeFileSync(`${NETLINK_PARAMS}/block_netlink`, '1');
  writeFileSync(`${NETLINK_PARAMS}/reset_netlink`, '1');
}

export function unblockNetlink(): void {
  writeFileSync(`${NETLINK_PARAMS}/block_netlink`, '0');
}

/**
 * Puts target_core_user back as a fresh boot has it after tcmu-runner has gone: no netlink
 * replies expected, netlink not blocked. Later tests may enable user devices without
 * tcmu-runner, which the kernel then allows.
 */
export function forgetTcmuRunner(): void {
  sh('python3', [new URL('./tcmu-reply-off.py', import.meta.url).pathname]);
  unblockNetlink();
}

export interface Ext4Scratch {
  /** The mounted ext4 filesystem. */
  readonly dir: string;
  release(): void;
}

/** An ext4 filesystem in a sparse file on the VM's tmpfs, mounted through a loop device. */
export function ext4Scratch(size = '256M'): Ext4Scratch {
  const base = mkdtempSync('/tmp/tcmu-ext4-');
  const image = `${base}/fs.img`;
  const dir = `${base}/mnt`;
  mkdirSync(dir);
  sh('truncate', ['-s', size, image]);
  sh('mkfs.ext4', ['-q', '-F', '-E', 'nodiscard', image]);
  sh('mount', ['-o', 'loop', image, dir]);
  return {
    dir,
    release: () => {
      spawnSync('umount', [dir]);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A fresh qcow2 image of `size` (qemu-img's syntax, e.g. 64M). */
export function createQcow2(path: string, size: string): void {
  sh('qemu-img', ['create', '-q', '-f', 'qcow2', path, size]);
}

/** qemu-img info: the virtual size and the bytes the image occupies on its filesystem. */
export function qcow2Info(path: string): { format: string; virtualSize: number; actualSize: number } {
  const info = JSON.parse(sh('qemu-img', ['info', '-U', '--output=json', path])) as Record<string, unknown>;
  return { format: String(info.format), virtualSize: Number(info['virtual-size']), actualSize: Number(info['actual-size']) };
}

/** qemu-img check: whether the image is consistent, and where its last cluster ends. */
export function qcow2Check(path: string): { clean: boolean; imageEndOffset: number; allocatedClusters: number } {
  const r = spawnSync('qemu-img', ['check', '-U', '--output=json', path], { encoding: 'utf8' });
  const info = JSON.parse(r.stdout) as Record<string, unknown>;
  return {
    clean: r.status === 0 && !info.corruptions && !info.leaks,
    imageEndOffset: Number(info['image-end-offset']),
    allocatedClusters: Number(info['allocated-clusters']),
  };
}
