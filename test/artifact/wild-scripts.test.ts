// What tools written for targetcli by others send it (fixtures/scripts/wild/, see the
// manifest) runs through bin/lioctl started as `targetcli` on the simulator, and each run
// succeeds or fails as it does under targetcli-fb on the kernel (the kernel test compares
// the two tools run for run; this one needs no VM).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocations, WILD_SCRIPTS, type Invocation } from '../wild-scripts/manifest.js';
import { BIN, sandbox, type Run } from './run-lioctl.js';

/** A block device of this host for the simulator to stand in for the one a script names. */
const HOST_BLOCK = ['/dev/loop0', '/dev/loop1', '/dev/vda', '/dev/sda'].find((p) => existsSync(p) && statSync(p).isBlockDevice());

/** A SCSI disk of this host (pscsi takes nothing else), if it has one. */
const HOST_SCSI = (existsSync('/sys/block') ? readdirSync('/sys/block') : [])
  .filter((name) => existsSync(`/sys/block/${name}/device/scsi_disk`))
  .map((name) => `/dev/${name}`)
  .find((p) => existsSync(p));

function viaLink(box: { home: string; state: string }, run: Invocation, moved: ReadonlyMap<string, string>): Run {
  const link = join(box.home, 'targetcli');
  if (!existsSync(link)) symlinkSync(BIN, link);
  const move = (text: string): string => [...moved].reduce((t, [from, to]) => t.replaceAll(from, to), text);
  const r = spawnSync(link, ['--sim-state', box.state, ...run.argv.map(move)], {
    input: move(run.input),
    encoding: 'utf8',
    env: { ...process.env, LIOCTL_HOME: box.home, HOME: box.home, NO_COLOR: '1' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A script on stdin exits 0 after a failed line; the failure shows on stderr, naming the line. */
function succeeded(run: Invocation, r: Run): boolean {
  return r.status === 0 && (run.argv.length > 0 || !/^lioctl: line \d+:/m.test(r.stderr));
}

describe('scripts written for targetcli, through bin/lioctl named targetcli, on the simulator', () => {
  for (const script of WILD_SCRIPTS) {
    const needsBlock = script.blockDevices.length > 0;
    const needsScsi = (script.scsiDevices ?? []).length > 0;
    it.skipIf((needsBlock && HOST_BLOCK === undefined) || (needsScsi && HOST_SCSI === undefined))(script.name, { timeout: 60_000 }, () => {
      const box = sandbox();
      // The simulator runs on this host: the script's paths move into the sandbox and its
      // block device becomes one of this host's.
      const moved = new Map<string, string>([
        ...script.blockDevices.map((dev): [string, string] => [dev, HOST_BLOCK ?? dev]),
        ...(script.scsiDevices ?? []).map((dev): [string, string] => [dev, HOST_SCSI ?? dev]),
        ...script.fileDirectories.map((dir): [string, string] => [dir, join(box.home, dir)]),
      ]);
      for (const dir of script.fileDirectories) mkdirSync(join(box.home, dir), { recursive: true });
      for (const step of script.steps) {
        const outcomes = invocations(step).map((run) => {
          const r = viaLink(box, run, moved);
          return { run: run.text, succeeded: succeeded(run, r), output: `${r.stdout}${r.stderr}` };
        });
        expect(outcomes.map((o) => o.succeeded), JSON.stringify(outcomes, null, 1)).toEqual(step.succeeds);
      }
    });
  }
});
