import { describe, expect, it } from 'vitest';
import { ExitCode, NotFoundError, PartialFailureError } from '../../../../src/errors/index.js';
import { buildRich, CLIENT, IQN } from '../../config/apply/rich-config.js';
import { configShell, useFiles } from './config-shell.js';

const file = useFiles();

/** A shell holding the rich configuration, saved to a file, then changed a little. */
function drifted() {
  const s = configShell();
  buildRich(s.lio);
  const path = file('desired.json', s.saved());
  const tpg = s.lio.fabric('iscsi').target(IQN).tpg(1);
  tpg.lun(1).delete(); // also takes client1's mapped LUN 1
  tpg.nodeAcl(CLIENT).mappedLun(0).setWriteProtect(true);
  s.lio.createRamdisk({ name: 'extra', size: 1 << 20 });
  return { s, path };
}

/** What turns drifted() back into its file, in the planner's order. */
const CHANGES = [
  'delete ramdisk storage object extra',
  `create LUN 1 in iscsi/${IQN}/tpg1 for /backstores/block/blk1`,
  `make mapped LUN 0 of ACL ${CLIENT} in iscsi/${IQN}/tpg1 read-write`,
  `map LUN 1 as mapped LUN 1 (read-only) for ACL ${CLIENT} in iscsi/${IQN}/tpg1`,
];

describe('diff', () => {
  it('prints the operations that would turn the live configuration into the file, and changes nothing', () => {
    const { s, path } = drifted();
    const before = s.state();
    expect(s.run(`diff ${path}`)).toEqual([CHANGES.join('\n')]);
    expect(s.state()).toEqual(before);
  });

  it('says when there is no difference', () => {
    const s = configShell();
    buildRich(s.lio);
    const path = file('same.json', s.saved());
    expect(s.run(`diff ${path}`)).toEqual([`No differences: the live configuration matches ${path}`]);
  });

  it('gives the operations as data for --json, secrets masked', () => {
    const s = configShell({ json: true });
    buildRich(s.lio);
    const path = file('creds.json', s.saved().replace('initiatorsecret1', 'initiatorsecret9'));
    s.run(`diff ${path}`);
    const last = s.results.at(-1);
    expect(last?.kind).toBe('config-diff');
    expect(last?.data).toEqual({
      file: path,
      dryRun: true,
      operations: [
        {
          kind: 'set-node-acl-auth',
          tpg: { fabric: 'iscsi', wwn: IQN, tag: 1 },
          nodeWwn: CLIENT,
          credentials: { password: '********' },
          description: `change CHAP credentials of ACL ${CLIENT} in iscsi/${IQN}/tpg1 (set password)`,
        },
      ],
    });
    expect(JSON.stringify(last?.data)).not.toContain('secret');
  });

  it('warns when apply would refuse the file for a missing device', () => {
    const s = configShell();
    buildRich(s.lio);
    const text = s.saved().replace('"/dev/loop7"', '"/dev/sdz"');
    s.lio.clear();
    const path = file('nodev.json', text);
    expect(s.run(`diff ${path}`).filter((l) => l.startsWith('Warning'))).toEqual(['Warning: apply would refuse this file: block/blk1: device /dev/sdz does not exist']);
  });

  it('says a missing file is not found', () => {
    expect(configShell().fail(`diff ${file('missing.json')}`).message).toBe(`Configuration file ${file('missing.json')} not found`);
  });
});

describe('apply', () => {
  it('performs only what differs, printing each operation, and leaves matching LUNs alone', () => {
    const { s, path } = drifted();
    s.fs.reset();
    expect(s.run(`apply ${path}`)).toEqual([...CHANGES, `Applied 4 changes from ${path}`]);
    // LUN 0 and 2 and their mapped LUNs were not touched: no initiator using them noticed.
    const touched = s.fs.changes().map((c) => c.path);
    expect(touched.filter((p) => /lun\/lun_[02]|lun_5/.test(p))).toEqual([]);
    expect(s.run(`diff ${path}`)).toEqual([`No differences: the live configuration matches ${path}`]);
  });

  it('does nothing the second time, and says so', () => {
    const { s, path } = drifted();
    s.run(`apply ${path}`);
    s.fs.reset();
    expect(s.run(`apply ${path}`)).toEqual([`Nothing to do: the live configuration already matches ${path}`]);
    expect(s.fs.changes()).toEqual([]);
  });

  it('lists the operations of a dry run and changes nothing', () => {
    const { s, path } = drifted();
    const before = s.state();
    expect(s.run(`apply ${path} dry_run=true`)).toEqual([[...CHANGES, 'Dry run: 4 operations listed, nothing was changed.'].join('\n')]);
    expect(s.state()).toEqual(before);
  });

  it('refuses a file naming a missing device before the first change', () => {
    const { s, path } = drifted();
    const before = s.state();
    const text = s.saved();
    s.lio.storageObject('block', 'blk1').delete();
    const after = s.state();
    const bad = file('nodev.json', JSON.stringify(JSON.parse(text.replace('"/dev/loop7"', '"/dev/sdz"')), null, 2));
    const err = s.fail(`apply ${bad}`);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`Not applying ${bad}: a backing file or device is missing:\n  block/blk1: device /dev/sdz does not exist`);
    expect(s.state()).toEqual(after);
    expect(before).not.toEqual(after);
  });

  it('collects failures, applies the rest and fails with the partial exit code', () => {
    const { s } = drifted();
    const text = JSON.parse(s.saved()) as { storage_objects: Array<{ name: string; attributes?: Record<string, number> }> };
    const extra = text.storage_objects.find((so) => so.name === 'extra');
    if (extra) extra.attributes = { ...extra.attributes, pi_prot_type: 2 };
    const desired = file('extra.json', JSON.stringify(text, null, 2));
    const err = s.fail(`apply ${desired}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.exitCode).toBe(ExitCode.partial);
    expect(err.message).toMatch(/^Applied 0 of 1 change from .*extra\.json, 1 error:\n {2}Cannot set attribute pi_prot_type to '2' of storage object ramdisk\/extra: .*\[ENOSYS\]$/);
  });
});
