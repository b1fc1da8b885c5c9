import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { Preferences } from '../../../../src/shell/prefs/preferences.js';
import { ShellSession, type CommandResult } from '../../../../src/shell/session/index.js';
import { complete } from '../../../../src/shell/completion/complete.js';
import { fakeRoot, type FakeState } from './fake-tree.js';

function shell(options: { readOnlyReason?: string } = {}) {
  const state: FakeState = { disks: [], secret: '' };
  const out: string[] = [];
  const results: CommandResult[] = [];
  const session = new ShellSession({
    fs: new SimConfigFs(),
    prefs: Preferences.inMemory(),
    root: () => fakeRoot(state),
    output: {
      info: (m) => out.push(m),
      warn: (m) => out.push(`warning: ${m}`),
      result: (r) => {
        results.push(r);
        out.push(r.human(r.data, { color: false, width: 60 }));
      },
    },
    json: false,
    interactive: false,
    ...options,
  });
  return { session, state, out, results };
}

describe('ShellSession', () => {
  it('runs a command on a typed path without moving there', () => {
    const { session, state, out } = shell();
    session.execute('/disks create disk1 10M');
    expect(state.disks).toEqual(['disk1']);
    expect(out).toEqual(['Created disk1.']);
    expect(session.cwd).toBe('/');
  });

  it('treats a bare path as cd, and - as the previous path', () => {
    const { session } = shell();
    session.execute('/disks');
    expect(session.cwd).toBe('/disks');
    session.execute('cd ..');
    expect(session.cwd).toBe('/');
    session.execute('cd -');
    expect(session.cwd).toBe('/disks');
  });

  it('names a missing path', () => {
    const { session } = shell();
    expect(() => session.execute('cd /nosuch/x')).toThrow('No such path /nosuch');
  });

  it('suggests the command that was meant', () => {
    const { session } = shell();
    try {
      session.execute('/disks craete x');
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe('Command not found craete');
      expect((err as { hint?: string }).hint).toBe("did you mean 'create'?");
    }
  });

  it('renders ls from the same result object that --json prints', () => {
    const { session, results, out } = shell();
    session.execute('/disks create d1');
    session.execute('ls /disks');
    const ls = results.at(-1);
    expect(ls?.kind).toBe('ls');
    expect(ls?.data).toEqual({
      name: 'disks',
      path: '/disks',
      summary: 'Disks: 1',
      healthy: null,
      children: [{ name: 'd1', path: '/disks/d1', summary: 'ok', healthy: null, children: [] }],
    });
    expect(out.at(-1)).toBe(['o- disks ........................................ [Disks: 1]', '  o- d1 ............................................... [ok]'].join('\n'));
  });

  it('keeps a quoted secret whole and never echoes it', () => {
    const { session, state, out } = shell();
    session.execute("/disks set auth password='p@ss|w0rd x'");
    expect(state.secret).toBe('p@ss|w0rd x');
    expect(out.join('\n')).not.toContain('p@ss');
    expect(out).toContain('Parameter password is now set.');
  });

  it('checks every set pair before writing any', () => {
    const { session, state } = shell();
    expect(() => session.execute('/disks set auth password=abc nosuch=1')).toThrow('Unknown parameter nosuch');
    expect(state.secret).toBe('');
  });

  it('refuses changes up front when read-only, but still reads', () => {
    const { session, state } = shell({ readOnlyReason: 'needs root' });
    expect(() => session.execute('/disks create d1')).toThrow('needs root');
    expect(state.disks).toEqual([]);
    session.execute('ls /');
  });

  it('says when an old parameter spelling was used', () => {
    const { session, out } = shell();
    session.execute('/disks create d1 sz=1M');
    expect(out.some((l) => l.startsWith('warning: ') && l.includes('size'))).toBe(true);
  });
});

describe('completion', () => {
  it('completes commands and child paths at the start of a line', () => {
    const { session } = shell();
    expect(complete(session, 'di').candidates).toEqual(['disks/']);
    expect(complete(session, '/disks cr').candidates).toEqual(['create ']);
  });

  it('completes parameter names and node-provided values', () => {
    const { session } = shell();
    expect(complete(session, '/disks create ').candidates).toEqual(['disk1', 'disk2', 'name=', 'size=']);
    expect(complete(session, '/disks create d1 s').candidates).toEqual(['size=']);
  });

  it('offers fuzzy matches when no prefix matches', () => {
    const { session } = shell();
    expect(complete(session, '/disks crate').candidates).toEqual(['create ']);
  });

  it('completes groups and parameter names for set', () => {
    const { session } = shell();
    expect(complete(session, '/disks set au').candidates).toEqual(['auth ']);
    expect(complete(session, '/disks set auth pa').candidates).toEqual(['password=']);
  });
});
