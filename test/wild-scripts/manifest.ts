// Command sequences that tools and scripts written for targetcli by others send it, kept
// under fixtures/scripts/wild/ (see SOURCES.md there), and what targetcli-fb does with each
// invocation. Shared by the simulator test (bin/lioctl under the name targetcli) and the
// kernel test (the same sequences through targetcli-fb and through the link, compared).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WILD_SCRIPTS_DIR = 'fixtures/scripts/wild';

export interface ScriptStep {
  /** Name under fixtures/scripts/wild/. */
  readonly file: string;
  /**
   * stdin: the file is piped whole into one `targetcli` (democratic-csi runs
   * `echo "..." | targetcli`); one-shot: each `targetcli` line of the file is one run, its
   * words split as sh splits them (`sudo` dropped: the tests run as root).
   */
  readonly how: 'stdin' | 'one-shot';
  /** Whether each run succeeds under targetcli-fb 2.1.53 on the 6.1 kernel, in order. */
  readonly succeeds: readonly boolean[];
}

export interface WildScript {
  readonly name: string;
  /** Run in order on one configuration; the state after each step is compared. */
  readonly steps: readonly ScriptStep[];
  /** Block devices the commands name (the kernel test makes each a loop device). */
  readonly blockDevices: readonly string[];
  /** Directories the commands create fileio files in. */
  readonly fileDirectories: readonly string[];
  /** SCSI devices the commands name for pscsi (the kernel test links each to scsi_debug's disk). */
  readonly scsiDevices?: readonly string[];
  /** What the tool reads of targetcli's answers, beyond exit codes. */
  readonly reads: string;
}

export const WILD_SCRIPTS: readonly WildScript[] = [
  {
    name: 'democratic-csi zfs-generic-iscsi (Kubernetes CSI driver): create, then delete a volume',
    steps: [
      { file: 'democratic-csi-zfs-generic-iscsi-create.txt', how: 'stdin', succeeds: [true] },
      { file: 'democratic-csi-zfs-generic-iscsi-delete.txt', how: 'stdin', succeeds: [true] },
    ],
    blockDevices: ['/dev/zvol/tank/k8s/test/pvc-5c4b7a56-3b3e-4d4b-9a43-6f1f1d3b7e21'],
    fileDirectories: [],
    reads: 'the exit status (non-zero fails the volume) and "Ran out of input" in stdout (retried)',
  },
  {
    name: 'OndrejHome/ansible.targetcli-modules: a playbook run twice, then a LUN removed',
    steps: [
      {
        file: 'ansible-targetcli-modules-playbook.sh',
        how: 'one-shot',
        succeeds: [false, true, false, true, true, true, true, false, true, true, true, false, true, true, true, true, true, true, false, true, true],
      },
    ],
    blockDevices: ['/dev/c7vg/LV1'],
    fileDirectories: [],
    reads: 'the exit status of each `status` (the object exists) and of each change; the LUN number and backstore from words 3 and 5 of the `luns ls` lines',
  },
  {
    name: 'marktonneson/demo-iscsi: a RHEL target how-to script',
    steps: [{ file: 'demo-iscsi-rhel-target.sh', how: 'one-shot', succeeds: [true, true, false, true, true, false] }],
    blockDevices: ['/dev/rhel/iscsi_target'],
    fileDirectories: [],
    reads: 'nothing (no set -e): both `portals create` fail because /iscsi create made the default portal',
  },
  {
    name: 'mittjp1129/k8s-sample: a CHAP target for a Kubernetes iSCSI volume',
    steps: [{ file: 'k8s-sample-iscsi-chap.sh', how: 'one-shot', succeeds: [true, true, true, true, true, true, true] }],
    blockDevices: [],
    fileDirectories: ['/var/lib/libvirt/images'],
    reads: 'nothing (no set -e)',
  },
  {
    name: 'Datera/targetcli issue #9: a DVD drive exported through pscsi, typed at the prompt',
    steps: [{ file: 'datera-targetcli-issue-9-pscsi.txt', how: 'stdin', succeeds: [true] }],
    blockDevices: [],
    fileDirectories: [],
    scsiDevices: ['/dev/sr0'],
    reads: 'what it prints (a person at the prompt)',
  },
];

/** One run of targetcli: its arguments and what it reads on stdin. */
export interface Invocation {
  /** The line as the fixture has it, for messages. */
  readonly text: string;
  readonly argv: readonly string[];
  readonly input: string;
}

/** Splits a command line into words as sh does for quotes and backslashes (no expansions). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    } else if (c === '"') {
      let text = '';
      for (i++; i < line.length && line[i] !== '"'; i++) text += line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '') ? line[++i] : line[i];
      word = (word ?? '') + text;
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The targetcli runs of a step, read from its fixture. */
export function invocations(step: ScriptStep, dir = WILD_SCRIPTS_DIR): Invocation[] {
  const text = readFileSync(join(dir, step.file), 'utf8');
  if (step.how === 'stdin') return [{ text: `targetcli < ${step.file}`, argv: [], input: text }];
  return text
    .split('\n')
    .filter((line) => /^(sudo\s+)?targetcli\s/.test(line))
    .map((line) => {
      const words = shellWords(line);
      return { text: line, argv: words.slice(words[0] === 'sudo' ? 2 : 1), input: '' };
    });
}
