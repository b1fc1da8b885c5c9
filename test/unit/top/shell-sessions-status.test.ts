import { describe, expect, it } from 'vitest';
import { makeNode, plain } from '../../../src/shell/nodes/node-kit.js';
import { rootStatusCommand, sessionsCommand } from '../../../src/shell/nodes/sessions-command.js';
import type { ShellEnv } from '../../../src/shell/nodes/shell-env.js';
import { recordingSession } from '../shell/recording-session.js';
import { INITIATOR, statsSetup, TARGET, type StatsSetup } from '../model/stats/stats-fixture.js';

/** A root node with the two commands, over a simulated target whose counters are fabricated. */
function shell(s: StatsSetup) {
  const env: ShellEnv = { lio: s.lio };
  const shell = recordingSession({
    fs: s.fs,
    root: () =>
      makeNode({
        name: '/',
        parent: '/',
        summary: () => plain('...'),
        children: () => [],
        commands: () => [sessionsCommand(env), rootStatusCommand(env)],
      }),
  });
  return {
    run: (line: string) => shell.run(line).join('\n'),
    last: () => shell.results.at(-1),
  };
}

describe('sessions in the shell, through the stats readers', () => {
  it('shows what the kernel counted for the initiator in detail, and in JSON', () => {
    const s = statsSetup();
    s.login(4);
    s.counters(s.mappedLunDir(0), { num_cmds: 1200, read_mbytes: 40, write_mbytes: 2 });
    s.counters(s.mappedLunDir(1), { num_cmds: 34, read_mbytes: 1, write_mbytes: 0 });
    const sh = shell(s);
    expect(sh.run('sessions')).toBe('alias: host-4\tsid: 4 type: Normal session-state: LOGGED_IN');
    expect(sh.run('sessions detail').split('\n')).toEqual([
      'alias: host-4\tsid: 4 type: Normal session-state: LOGGED_IN',
      `    name: ${INITIATOR} (NOT AUTHENTICATED)`,
      `    target: ${TARGET} tpg1`,
      '    io: commands: 1234 read: 41 MiB written: 2 MiB',
      '    mapped-lun: 0 backstore: ramdisk/r0 mode: rw',
      '    mapped-lun: 1 backstore: ramdisk/r1 mode: rw',
      '    address: 192.0.2.7 (TCP) cid: 0 connection-state: LOGGED_IN',
    ]);
    expect(sh.last()?.data).toEqual([expect.objectContaining({ sid: 4, io: { commands: 1234, readMiB: 41, writeMiB: 2 } })]);
  });

  it('has no io line for demo-mode sessions, and says when nobody is logged in', () => {
    const s = statsSetup();
    const sh = shell(s);
    expect(sh.run('sessions detail')).toBe('(no open sessions)');
    s.tpg.setDemoMode({ generateNodeAcls: true });
    s.counters(s.tpg.path, { dynamic_sessions: 'iqn.1994-05.com.example:demo' });
    expect(sh.run('sessions detail')).not.toContain('io:');
  });
});

describe('status at the root, through the stats readers', () => {
  it('counts sessions and lists every health warning', () => {
    const s = statsSetup();
    const sh = shell(s);
    expect(sh.run('status')).toBe('Status for /: 0 sessions, 0 warnings');
    expect(sh.last()?.data).toMatchObject({ path: '/', healthy: true, sessions: 0, warnings: [] });
    s.login();
    s.tpg.disable();
    s.lio.createRamdisk({ name: 'spare', size: 4096 });
    expect(sh.run('status').split('\n')).toEqual([
      'Status for /: 1 session, 2 warnings',
      `  TPG iscsi/${TARGET}/tpg1 is disabled: initiators cannot log in`,
      '  Storage object ramdisk/spare is deactivated: no LUN exports it',
    ]);
    expect(sh.last()?.data).toMatchObject({ healthy: false, sessions: 1, warnings: [{ kind: 'tpg-disabled' }, { kind: 'backstore-deactivated' }] });
  });
});
