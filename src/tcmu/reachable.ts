import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Where the system bus looks for services it may start on demand (D-Bus specification). */
const ACTIVATION_DIRS = ['/usr/share/dbus-1/system-services', '/usr/local/share/dbus-1/system-services', '/lib/dbus-1/system-services'];

function activatable(service: string): boolean {
  return ACTIVATION_DIRS.some((dir) => existsSync(`${dir}/${service}.service`));
}

function running(comm: string): boolean {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trimEnd() === comm) return true;
    } catch {
      // the process ended while we looked
    }
  }
  return false;
}

/**
 * Whether asking the system bus for tcmu-runner can be answered: it runs, or the bus
 * starts it on demand. Otherwise the query (a process of its own) is skipped, so `ls`
 * costs nothing where tcmu-runner is not installed or not started.
 */
export function tcmuRunnerReachable(service: string): boolean {
  return activatable(service) || running('tcmu-runner');
}
