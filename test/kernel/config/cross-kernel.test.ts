// A file saved on the other supported kernel (6.1 ↔ 6.12), restored on this one: lioctl
// leaves out what this kernel lacks with one warning per setting name, exits 0, and ends
// with at least what targetcli-fb's restore of the same file gives on this kernel (run in
// the VM, on each kernel: LIOCTL_VM_KERNEL). The file comes from the simulator of the
// other kernel, which the conformance suite holds to that kernel.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_KERNELS, kernelSeries } from '../../../src/configfs/sim/index.js';
import { kernelOnlySettings } from '../../conformance/kernels.js';
import { clearEverything, lioctl, lioctlOk, lioctlScript, standardPart, targetcli, targetcliOk } from './config-tools.js';

const DIR = '/tmp/lioctl-cross-kernel';
const IQN = 'iqn.2003-01.org.example.cross:t1';
const running = kernelSeries(release());
const other = SIM_KERNELS.find((k) => k !== running) ?? '6.1';
const FILE = `${DIR}/saved-on-${other}.json`;

/** Two ramdisks, an iSCSI target with two TPGs, LUNs, an ACL with a mapped LUN. */
const SCRIPT = [
  '/backstores/ramdisk create rd0 1M',
  '/backstores/ramdisk create rd1 1M',
  `/iscsi create ${IQN}`,
  `/iscsi/${IQN} create 2`,
  `/iscsi/${IQN}/tpg1/luns create /backstores/ramdisk/rd0`,
  `/iscsi/${IQN}/tpg2/luns create /backstores/ramdisk/rd1`,
  `/iscsi/${IQN}/tpg1/acls create iqn.1994-05.com.redhat:client1`,
  `/iscsi/${IQN}/tpg1 set attribute authentication=0 demo_mode_write_protect=0`,
  `saveconfig ${FILE}`,
];

/** What targetcli saves of the live configuration: the same saver for both restores. */
function targetcliSaved(name: string): unknown {
  targetcliOk(`saveconfig ${DIR}/${name}`);
  return standardPart(readFileSync(`${DIR}/${name}`, 'utf8'));
}

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const made = lioctlScript(['--sim-kernel', other, '--sim-state', `${DIR}/sim-state.json`], SCRIPT);
  expect(made.status, made.stderr).toBe(0);
  clearEverything();
});

afterAll(() => clearEverything());

describe(`a file saved on ${other}, restored on ${running}`, () => {
  it('restores everything this kernel has, one warning per setting it lacks, exit 0, and at least what targetcli restores', { timeout: 1_200_000 }, () => {
    // What the file holds that this kernel lacks, by name.
    const only = kernelOnlySettings();
    const text = readFileSync(FILE, 'utf8');
    expect([...only].some((n) => text.includes(`"${n.split(' ')[2] ?? ''}"`))).toBe(true);

    targetcli(`restoreconfig ${FILE}`);
    const byTargetcli = targetcliSaved('targetcli-restored.json');
    clearEverything();

    const r = lioctl('restoreconfig', FILE);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Configuration restored from ${FILE}\n`);
    const warnings = r.stderr.split('\n').filter((l) => l !== '');
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(new RegExp(`^Warning: kernel ${release().replace(/[.+]/g, '\\$&')} has no (attribute|parameter) \\S+ for .*: left out \\(\\d+ objects?\\)$`));
    const names = warnings.map((w) => / has no \w+ (\S+) /.exec(w)?.[1]);
    expect(new Set(names).size).toBe(names.length); // one line per name, not per object
    expect(targetcliSaved('lioctl-restored.json')).toEqual(byTargetcli);

    expect(lioctlOk('apply', FILE)).toBe(`Nothing to do: the live configuration already matches ${FILE}\n`);
    expect(lioctlOk('diff', FILE)).toBe(`No differences: the live configuration matches ${FILE}\n`);
  });
});
