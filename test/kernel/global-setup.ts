// Once per kernel run, in the VM before any test file: nothing starts tcmu-runner on
// demand. Its package installs a D-Bus activation file, so any `targetcli ls` (which asks the
// bus for handlers) would start it, and from then on every test would run beside a
// tcmu-runner that only some of them started, and the kernel would wait for its answer
// when a user object is enabled. The tests that need tcmu-runner start and stop it.
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { holdBusActivation } from './tcmu-helpers.js';

export default function setup(): void {
  // Only in the project's VM (its init names the guest so): never hide a host's services.
  if (hostname() === 'lioctl-vm' && existsSync('/usr/share/dbus-1/system-services/org.kernel.TCMUService1.service')) holdBusActivation();
}
