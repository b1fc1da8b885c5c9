import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../../../src/config/index.js';
import { ConflictError, ExitCode, NotFoundError, PartialFailureError, ValidationError } from '../../../../src/errors/index.js';
import { buildRich, CLIENT, IQN, LOOPBACK } from '../../config/apply/rich-config.js';
import { configShell, useFiles, type ConfigShell } from './config-shell.js';

const file = useFiles();

/** A shell holding the rich configuration, and that configuration saved to a file. */
function richFile(): { source: ConfigShell; path: string; text: string } {
  const source = configShell();
  buildRich(source.lio);
  const text = source.saved();
  return { source, path: file('rich.json', text), text };
}

function edit(text: string, change: (doc: { storage_objects: Array<Record<string, unknown>>; targets: Array<Record<string, unknown>> }) => void): string {
  const doc = JSON.parse(text) as { storage_objects: Array<Record<string, unknown>>; targets: Array<Record<string, unknown>> };
  change(doc);
  return JSON.stringify(doc, null, 2);
}

describe('restoreconfig', () => {
  it('restores a saved file into an empty configuration, as targetcli says it', () => {
    const { path, text } = richFile();
    const s = configShell();
    expect(s.run(`restoreconfig ${path}`)).toEqual([`Configuration restored from ${path}`]);
    expect(s.saved()).toBe(text);
    expect(s.results.at(-1)).toMatchObject({ kind: 'config-restore', data: { file: path, dryRun: false } });
  });

  it('gives every operation it made, with its line, as --json data, secrets masked', () => {
    const { path } = richFile();
    const s = configShell({ json: true });
    s.run(`restoreconfig ${path}`);
    // As --json prints it (src/cli/console-output.ts).
    const printed = JSON.stringify(s.results.at(-1)?.data);
    const data = JSON.parse(printed) as { file: string; dryRun: boolean; operations: Array<Record<string, unknown>> };
    expect(data).toMatchObject({ file: path, dryRun: false });
    const dry = configShell({ json: true });
    dry.run(`restoreconfig ${path} dry_run=true`);
    const planned = (dry.results.at(-1)?.data as { operations: Array<Record<string, unknown>> }).operations;
    // In the order they were made: LUNs made side by side are recorded once all are made.
    expect(data.operations.map((op) => op['description']).sort()).toEqual(planned.map((op) => op['description']).sort());
    expect(data.operations[0]).toMatchObject({ kind: 'create-storage-object', description: expect.stringMatching(/^create \S+ storage object /) });
    const auth = data.operations.find((op) => op['kind'] === 'set-node-acl-auth');
    expect(auth).toMatchObject({ nodeWwn: CLIENT, description: expect.stringContaining(`ACL ${CLIENT}`) });
    expect(printed).not.toContain('initiatorsecret');
  });

  it('takes savefile= as keyword, as targetcli does', () => {
    const { path } = richFile();
    expect(configShell().run(`restoreconfig savefile=${path}`)).toEqual([`Configuration restored from ${path}`]);
  });

  it('refuses to restore over live objects, listing them all, and changes nothing', () => {
    const { path } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path}`);
    const before = s.state();
    const err = s.fail(`restoreconfig ${path} clear_existing=false`);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe(
      [
        `Not restoring ${path}: 5 objects of the file already live:`,
        '  storage object block/blk1 exists',
        '  storage object fileio/disk1 exists',
        '  storage object ramdisk/rd0 exists',
        `  iscsi target ${IQN} exists`,
        `  loopback target ${LOOPBACK} exists`,
      ].join('\n'),
    );
    expect(err.hint).toBe('clear_existing=true replaces the live configuration; apply FILE changes only what differs');
    expect(s.state()).toEqual(before);
  });

  it('with clear_existing=true replaces the live configuration by the file', () => {
    const { path, text } = richFile();
    const s = configShell();
    s.run('/backstores/ramdisk create other 1M', `restoreconfig ${path}`);
    expect(s.run(`restoreconfig ${path} clear_existing=true`)).toEqual([`Configuration restored from ${path}`]);
    expect(s.saved()).toBe(text);
  });

  it('refuses a boolean it cannot read instead of taking any text as true', () => {
    const { path } = richFile();
    const err = configShell().fail(`restoreconfig ${path} clear_existing=maybe`);
    expect(err).toBeInstanceOf(ValidationError);
  });

  it('restores one target from the file, its LUNs on the live storage objects', () => {
    const { path } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path} storage_object=disk1`, `restoreconfig ${path} storage_object=blk1`, `restoreconfig ${path} storage_object=rd0`);
    expect(s.lio.targets()).toEqual([]);
    expect(s.run(`restoreconfig ${path} target=${IQN}`)).toEqual([`Configuration restored from ${path}`]);
    expect(s.lio.targets().map((t) => t.label)).toEqual([`iscsi/${IQN}`]);
    expect(s.lio.fabric('iscsi').target(IQN).tpg(1).lunIndexes()).toEqual([0, 1, 2]);
  });

  it('collects a LUN whose storage object is not live, and fails listing it and what it cost', () => {
    const { path } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path} storage_object=disk1`, `restoreconfig ${path} storage_object=rd0`);
    const err = s.fail(`restoreconfig ${path} target=${IQN}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.exitCode).toBe(ExitCode.partial);
    expect(err.message).toBe(
      [
        `Configuration restored from ${path}, 1 error, 1 skipped:`,
        `  create LUN 1 in iscsi/${IQN}/tpg1 for /backstores/block/blk1: No storage object block/blk1`,
        `  skipped: map LUN 1 as mapped LUN 1 (read-only) for ACL ${CLIENT} in iscsi/${IQN}/tpg1 (LUN 1 of iscsi/${IQN}/tpg1 was not created)`,
      ].join('\n'),
    );
    // The rest is restored and the TPG enabled.
    expect(s.lio.fabric('iscsi').target(IQN).tpg(1).isEnabled()).toBe(true);
    expect(s.lio.fabric('iscsi').target(IQN).tpg(1).lunIndexes()).toEqual([0, 2]);
  });

  it('with clear_existing and storage_object, replaces only those objects (and drops their LUNs, as rtslib)', () => {
    const { path } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path}`);
    expect(s.run(`restoreconfig ${path} clear_existing=true storage_object=rd0`)).toEqual([`Configuration restored from ${path}`]);
    expect(s.lio.fabric('iscsi').target(IQN).tpg(1).lunIndexes()).toEqual([0, 1]);
    expect(s.lio.fabric('loopback').target(LOOPBACK).tpg(1).lunIndexes()).toEqual([]);
    expect(s.lio.storageObjects().map((so) => so.label)).toEqual(['block/blk1', 'fileio/disk1', 'ramdisk/rd0']);
  });

  it('lists the operations of a dry run and changes nothing', () => {
    const { path } = richFile();
    const s = configShell();
    s.run('/backstores/ramdisk create other 1M');
    const before = s.state();
    const out = s.run(`restoreconfig ${path} clear_existing=true dry_run=true`);
    const lines = out.join('\n').split('\n');
    expect(lines.slice(0, 2)).toEqual(['delete ramdisk storage object other', 'create block storage object blk1 (/dev/loop7)']);
    expect(lines).toContain(`map LUN 1 as mapped LUN 1 (read-only) for ACL ${CLIENT} in iscsi/${IQN}/tpg1`);
    expect(lines).toContain(`change CHAP credentials of ACL ${CLIENT} in iscsi/${IQN}/tpg1 (set userid, password, mutual_userid, mutual_password)`);
    expect(lines.at(-1)).toBe('Dry run: 39 operations listed, nothing was changed.');
    expect(out.join('\n')).not.toMatch(/secret/);
    expect(s.state()).toEqual(before);
  });

  it('says a missing file is not found, in targetcli words', () => {
    const s = configShell();
    const err = s.fail(`restoreconfig ${file('missing.json')}`);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`Restore file ${file('missing.json')} not found`);
  });

  it('refuses a truncated file naming where it broke, and changes nothing, also with clear_existing', () => {
    const { path, text } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path}`);
    const before = s.state();
    const cut = file('cut.json', text.slice(0, 400));
    const err = s.fail(`restoreconfig ${cut} clear_existing=true`);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.message).toMatch(new RegExp(`^Invalid configuration in ${cut}: \\(document\\): not valid JSON: `));
    expect(err.hint).toBe('nothing was changed; fix the file and try again');
    expect(s.state()).toEqual(before);
  });

  it('refuses an invalid value by its JSON path, and changes nothing', () => {
    const { path, text } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path}`);
    const before = s.state();
    const bad = file('bad.json', edit(text, (d) => ((d.targets[0] as { tpgs: Array<{ portals: Array<Record<string, unknown>> }> }).tpgs[0]!.portals[0]!['port'] = 'x')));
    const err = s.fail(`restoreconfig ${bad} clear_existing=true`);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.message).toMatch(/^Invalid configuration in .*: targets\[0\]\.tpgs\[0\]\.portals\[0\]\.port: /);
    expect(s.state()).toEqual(before);
  });

  it('refuses a file naming a missing backing device before the first write, also with clear_existing', () => {
    const { path, text } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path}`);
    const before = s.state();
    const bad = file('nodev.json', edit(text, (d) => (d.storage_objects.find((so) => so['name'] === 'blk1')!['dev'] = '/dev/sdz')));
    const err = s.fail(`restoreconfig ${bad} clear_existing=true`);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`Not restoring ${bad}: a backing file or device is missing:\n  block/blk1: device /dev/sdz does not exist`);
    expect(err.hint).toBe('nothing was changed; attach or mount it, or remove the object from the file');
    expect(s.state()).toEqual(before);
  });

  it('does not create a missing fileio file (an unmounted filesystem is not an empty disk)', () => {
    const { text } = richFile();
    const s = configShell();
    const bad = file('nofile.json', edit(text, (d) => (d.storage_objects.find((so) => so['name'] === 'disk1')!['dev'] = '/srv/gone.img')));
    expect(s.fail(`restoreconfig ${bad}`).message).toBe(`Not restoring ${bad}: a backing file or device is missing:\n  fileio/disk1: backing file /srv/gone.img does not exist`);
    expect(s.host.stat('/srv/gone.img')).toBeUndefined();
  });

  it('stops at the first failure with abort_on_error=true', () => {
    const { path } = richFile();
    const s = configShell();
    s.run(`restoreconfig ${path} storage_object=disk1`);
    const err = s.fail(`restoreconfig ${path} target=${IQN} abort_on_error=true`);
    expect(err.message.split('\n').slice(0, 2)).toEqual([
      `Configuration restored from ${path}, 1 error, 14 skipped:`,
      `  create LUN 1 in iscsi/${IQN}/tpg1 for /backstores/block/blk1: No storage object block/blk1`,
    ]);
    expect(s.lio.fabric('iscsi').target(IQN).tpg(1).isEnabled()).toBe(false);
  });
});
