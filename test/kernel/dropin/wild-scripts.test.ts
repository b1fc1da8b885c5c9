// What tools written for targetcli by others send it (fixtures/scripts/wild/: a Kubernetes
// CSI driver's stdin scripts, an Ansible module collection's one-shot commands, how-to
// scripts) runs through targetcli-fb and then, from the same empty state, through a
// `targetcli` link to lioctl. Each run succeeds or fails alike (and as the manifest says),
// the `ls` lines the Ansible LUN module parses are the same, and targetcli's own saveconfig
// of the state after each step is the same (run in the VM).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEverything, standardPart, targetcliOk, type Ran } from '../config/config-tools.js';
import { loopDevice, sh } from '../model/kernel-helpers.js';
import { invocations, WILD_SCRIPTS, type Invocation, type WildScript } from '../../wild-scripts/manifest.js';

const scratch = mkdtempSync('/tmp/lioctl-wild-scripts-');
const link = join(scratch, 'targetcli');

type Tool = 'targetcli-fb' | 'lioctl';

interface Outcome {
  readonly run: string;
  readonly succeeded: boolean;
  /** What it printed, for the failure message (not compared: the tools word things differently). */
  readonly printed: string;
  /** stdout of the `ls` runs, which the Ansible LUN module parses. */
  readonly listed?: string;
}

function invoke(tool: Tool, run: Invocation): Ran {
  const r = spawnSync(tool === 'lioctl' ? link : 'targetcli', run.argv, {
    input: run.input,
    encoding: 'utf8',
    env: { ...process.env, LIOCTL_HOME: join(scratch, 'home') },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A one-shot run succeeds when it exits 0. A script on stdin exits 0 after a failed line
 * under both tools; a failed line shows in what it prints (targetcli's error text, lioctl's
 * "line N:" on stderr).
 */
function succeeded(tool: Tool, run: Invocation, r: Ran): boolean {
  if (r.status !== 0) return false;
  if (run.argv.length > 0) return true;
  return tool === 'lioctl' ? !/^lioctl: line \d+:/m.test(r.stderr) : !/error|cannot|could not|failed|no such|not found|exception/i.test(`${r.stdout}${r.stderr}`);
}

/**
 * targetcli's saveconfig of the live state, less what each run makes up (storage object
 * serials, LUN alias link names) and the wildcard portal's spelling: targetcli-fb 2.1 names
 * the default portal 0.0.0.0:3260, lioctl [::0]:3260 (a deliberate difference, README).
 */
function judged(tag: string): unknown {
  const file = join(scratch, `${tag}.json`);
  targetcliOk(`saveconfig ${file}`);
  const text = readFileSync(file, 'utf8')
    .replace(/^\s*"alias": "[0-9a-f]{10}",\n/gm, '')
    .replace(/("wwn": )"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '$1"(serial)"')
    .replace(/"ip_address": "(0\.0\.0\.0|\[::0?\])"/g, '"ip_address": "(wildcard)"');
  return standardPart(text);
}

/** Makes the block devices and directories the script names; returns how to remove them. */
function prepare(script: WildScript): () => void {
  const undo: Array<() => void> = [];
  for (const [i, dev] of script.blockDevices.entries()) {
    const loop = loopDevice(join(scratch, `${i}.img`), '16M');
    const [major, minor] = readFileSync(`/sys/block/${basename(loop.path)}/dev`, 'utf8').trim().split(':');
    mkdirSync(dirname(dev), { recursive: true });
    sh('mknod', [dev, 'b', major ?? '', minor ?? '']);
    undo.push(() => rmSync(dev, { force: true }), () => loop.release());
  }
  for (const dev of script.scsiDevices ?? []) {
    // pscsi needs a SCSI device: the VM's is scsi_debug's disk, and both tools follow a link to it.
    expect(readdirSync('/sys/block/sda/device/scsi_disk')).not.toEqual([]);
    mkdirSync(dirname(dev), { recursive: true });
    symlinkSync('/dev/sda', dev);
    undo.push(() => rmSync(dev, { force: true }));
  }
  for (const dir of script.fileDirectories) {
    // targetcli-fb allocates a new fileio file whole (posix_fallocate, even when sparse), and
    // the VM's root is a tmpfs of half its memory: a 1 GiB file needs a tmpfs of its own.
    mkdirSync(dir, { recursive: true });
    sh('mount', ['-t', 'tmpfs', '-o', 'size=2G', 'lioctl-wild-scripts', dir]);
    undo.push(
      () => sh('umount', [dir]),
      () => rmSync(dir, { recursive: true, force: true }),
    );
  }
  return () => {
    clearEverything();
    for (const step of undo) step();
  };
}

/** Runs the script's steps with one tool from an empty state: each run's outcome, and the state after each step. */
function runWith(tool: Tool, script: WildScript): { outcomes: Outcome[][]; states: unknown[] } {
  clearEverything();
  const release = prepare(script);
  try {
    const outcomes: Outcome[][] = [];
    const states: unknown[] = [];
    for (const [n, step] of script.steps.entries()) {
      outcomes.push(
        invocations(step).map((run) => {
          const r = invoke(tool, run);
          const listed = run.argv.at(-1)?.endsWith(' ls') === true || run.argv.at(-1) === 'ls' ? { listed: r.stdout } : {};
          return { run: run.text, succeeded: succeeded(tool, run, r), printed: `${r.stdout}${r.stderr}`, ...listed };
        }),
      );
      states.push(judged(`${tool}-${script.steps[n]?.file ?? n}`));
    }
    return { outcomes, states };
  } finally {
    release();
  }
}

beforeAll(() => {
  clearEverything();
  symlinkSync(resolve('bin/lioctl'), link);
  // targetcli's default, which an earlier suite may have turned off.
  targetcliOk('/iscsi set global auto_add_default_portal=true');
}, 300_000);

afterAll(() => {
  clearEverything();
});

describe('scripts written for targetcli, through targetcli-fb and through the targetcli link to lioctl', () => {
  for (const script of WILD_SCRIPTS) {
    it(script.name, { timeout: 1_200_000 }, () => {
      const reference = runWith('targetcli-fb', script);
      const ours = runWith('lioctl', script);
      const shown = (outcomes: Outcome[][]): string => JSON.stringify(outcomes, null, 1);
      console.log(`${script.name}\ntargetcli-fb: ${shown(reference.outcomes)}\nlioctl: ${shown(ours.outcomes)}`);
      // targetcli-fb does what the manifest (and the simulator test) expect of it...
      expect(reference.outcomes.map((step) => step.map((o) => o.succeeded)), shown(reference.outcomes)).toEqual(script.steps.map((s) => s.succeeds));
      // ...and lioctl does the same, run for run, printing the same `ls` lines.
      const compared = (outcomes: Outcome[][]) => outcomes.map((step) => step.map(({ printed: _printed, ...rest }) => rest));
      expect(compared(ours.outcomes), shown(ours.outcomes)).toEqual(compared(reference.outcomes));
      expect(ours.states).toEqual(reference.states);
    });
  }
});
