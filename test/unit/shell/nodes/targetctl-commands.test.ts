import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PartialFailureError, UsageError } from '../../../../src/errors/index.js';
import { buildRich, IQN } from '../../config/apply/rich-config.js';
import { configShell, useFiles } from './config-shell.js';

const file = useFiles();

describe('restore (boot-time, as targetctl)', () => {
  it('is content with no saved file: nothing to restore at boot is no failure', () => {
    const missing = file('none.json');
    expect(configShell().run(`restore ${missing}`)).toEqual([`No saved config file at ${missing}, ok, exiting`]);
  });

  it('clears the live configuration first, then restores the file', () => {
    const source = configShell();
    buildRich(source.lio);
    const path = file('saved.json', source.saved());
    const s = configShell();
    s.run('/backstores/ramdisk create leftover 1M', `/iscsi create ${IQN}`);
    expect(s.run(`restore ${path}`)).toEqual([`Configuration restored from ${path}`]);
    expect(s.saved()).toBe(source.saved());
  });

  it('restores everything else when a backing device is missing, and fails naming what it could not', () => {
    const source = configShell();
    buildRich(source.lio);
    const path = file('nodev.json', source.saved().replace('"/dev/loop7"', '"/dev/sdz"'));
    const s = configShell();
    const err = s.fail(`restore ${path}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.message).toBe(
      [
        `Configuration restored from ${path}, 1 error, 4 skipped:`,
        '  create block storage object blk1 (/dev/sdz): device /dev/sdz does not exist',
        `  skipped: create LUN 1 in iscsi/${IQN}/tpg1 for /backstores/block/blk1 (storage object block/blk1 was not created)`,
        `  skipped: map LUN 1 as mapped LUN 1 (read-only) for ACL iqn.1994-05.com.redhat:client1 in iscsi/${IQN}/tpg1 (LUN 1 of iscsi/${IQN}/tpg1 was not created)`,
        '  skipped: 2 setting changes of those objects',
      ].join('\n'),
    );
    expect(s.lio.storageObjects().map((so) => so.label)).toEqual(['fileio/disk1', 'ramdisk/rd0']);
    expect(s.lio.fabric('iscsi').target(IQN).tpg(1).isEnabled()).toBe(true);
  });
  it('never creates a missing fileio file: at boot its filesystem may not be mounted yet', () => {
    const source = configShell();
    buildRich(source.lio);
    const path = file('nofile.json', source.saved().replace('"/srv/existing.img"', '"/srv/unmounted/disk1.img"'));
    const s = configShell();
    const err = s.fail(`restore ${path}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.message).toContain('backing file /srv/unmounted/disk1.img does not exist');
    expect(s.host.stat('/srv/unmounted/disk1.img')).toBeUndefined();
    expect(s.lio.storageObjects().map((so) => so.label)).toEqual(['block/blk1', 'ramdisk/rd0']);
  });
});

describe('save and clear (targetctl words)', () => {
  it('save writes the same file as saveconfig, mode 0600', () => {
    const s = configShell();
    buildRich(s.lio);
    const path = file('saved.json');
    expect(s.run(`save ${path}`)).toEqual([`Configuration saved to ${path}`]);
    expect(readFileSync(path, 'utf8')).toBe(s.saved());
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('clear removes everything without asking, outside the interactive shell', () => {
    const s = configShell();
    buildRich(s.lio);
    expect(s.run('clear')).toEqual(['All configuration cleared']);
    expect(JSON.parse(s.saved())).toEqual({ fabric_modules: [], storage_objects: [], targets: [] });
  });

  it('clear is refused in the interactive shell, where the word means clearing the screen', () => {
    const s = configShell({ interactive: true });
    buildRich(s.lio);
    const before = s.state();
    const err = s.fail('clear');
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe('clear removes the whole live configuration; in the interactive shell use clearconfig confirm=true');
    expect(s.state()).toEqual(before);
  });
});
