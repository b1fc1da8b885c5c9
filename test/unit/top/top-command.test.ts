// bin/lioctl top as users and scripts run it (the built bundle, on the simulator), and a
// check that ink and React stay out of every start-up but the live view's.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, lioctl, sandbox } from '../../artifact/run-lioctl.js';
import { TmuxPane } from '../../artifact/tmux.js';

const TARGET = 'iqn.2003-01.org.example:top';

function configured(): { home: string; state: string } {
  const box = sandbox();
  const run = (...args: string[]) => expect(lioctl(['--sim-state', box.state, ...args], box).status).toBe(0);
  run('/backstores/ramdisk', 'create', 'r0', '1M');
  run('/backstores/ramdisk', 'create', 'spare', '1M');
  run('/iscsi', 'create', TARGET);
  run(`/iscsi/${TARGET}/tpg1/luns`, 'create', '/backstores/ramdisk/r0');
  return box;
}

describe('lioctl top (one-shot)', { timeout: 60_000 }, () => {
  it('prints one sample as JSON with --once --json, global options before top', () => {
    const box = configured();
    const r = lioctl(['--sim-state', box.state, 'top', '--once', '--json', '--interval', '0.2'], box);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { kind: string; data: { seconds: number; sessions: number; luns: unknown[]; warnings: Array<{ kind: string }> } };
    expect(doc.kind).toBe('top');
    expect(doc.data.seconds).toBeGreaterThanOrEqual(0.15);
    expect(doc.data.sessions).toBe(0);
    expect(doc.data.luns).toEqual([{ fabric: 'iscsi', target: TARGET, tpg: 1, lun: 0, storageObject: 'ramdisk/r0', iops: 0, readMiBps: 0, writeMiBps: 0 }]);
    expect(doc.data.warnings.map((w) => w.kind)).toEqual(['backstore-deactivated']);
    // The global --json means the same.
    expect(JSON.parse(lioctl(['--json', '--sim-state', box.state, 'top', '--once', '-i', '0.1'], box).stdout)).toMatchObject({ kind: 'top' });
  });

  it('prints one sample as a table with --once, for a path', () => {
    const box = configured();
    const r = lioctl(['--sim-state', box.state, 'top', `/iscsi/${TARGET}/tpg1`, '--once', '-i', '0.1'], box);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^TARGET +TPG +LUN BACKSTORE +IOPS +RD MiB\/s +WR MiB\/s\n/);
    expect(r.stdout).toMatch(/iqn\.2003-01\.org\.example:top +1 +0 ramdisk\/r0 +0\.0 +0\.00 +0\.00\n/);
    expect(r.stdout).toContain('no sessions');
    // Scoped to the target: the unused storage object is not its business.
    expect(r.stdout).not.toContain('spare');
  });

  it('explains what it cannot do, in one line with the usual exit codes', () => {
    const box = configured();
    const live = lioctl(['--sim-state', box.state, 'top'], box);
    expect(live.status).toBe(2);
    expect(live.stderr).toBe('lioctl: top: the live view needs a terminal\n  in scripts use: lioctl top --once [--json]\n');
    const json = lioctl(['--sim-state', box.state, 'top', '--json'], box);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'usage', message: 'top: --json needs --once (the live view is for terminals)' } });
    const missing = lioctl(['--sim-state', box.state, 'top', '/iscsi/iqn.2003-01.org.example:nope', '--once'], box);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toMatch(/^lioctl: No iscsi target iqn\.2003-01\.org\.example:nope\n/);
    const help = lioctl(['top', '--help'], box);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: top [path] [--interval SECONDS] [--once] [--json]');
    // Wrapped at word boundaries, with no line left holding a lone word.
    expect(help.stdout).not.toMatch(/\n\w+\n/);
  });
});

/** Every file a module loads at start-up: static imports only, followed through the chunks. */
const INK_MARKER = 'Raw mode is not supported';

describe('start-up cost', () => {
  const cli = resolve('dist/lioctl.cjs');
  const liveView = resolve('dist/live-view.mjs');
  const maybe = existsSync(cli) ? it : it.skip;

  maybe('never loads ink or React except for the live view', () => {
    // Every command runs the CLI bundle; ink lives only in the live view's module, imported at run time.
    const bundle = readFileSync(cli, 'utf8');
    expect(bundle).not.toContain(INK_MARKER);
    expect([...bundle.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['./live-view.mjs']);
    expect(readFileSync(liveView, 'utf8')).toContain(INK_MARKER);
  });
});

const maybeTmux = TmuxPane.available() ? describe : describe.skip;

maybeTmux('lioctl top in a real terminal (tmux)', { timeout: 60_000 }, () => {
  let pane: TmuxPane | undefined;
  afterEach(() => pane?.kill());

  it('shows the live view, sorts, filters and quits with q, restoring the screen', async () => {
    const box = configured();
    pane = TmuxPane.start(`${process.execPath} ${BIN} --sim-state ${box.state} top --interval 0.3`, { LIOCTL_HOME: box.home, HOME: box.home, TERM: 'xterm' });
    const first = await pane.waitFor(/every 0\.3s/);
    expect(first).toMatch(/^lioctl top {2}\/ \(simulator\) {2}every 0\.3s {2}sort: name {2}1 LUN · 0 sessions · 1 warning/m);
    expect(first).toMatch(/^iqn\.2003-01\.org\.example:top +1 +0 ramdisk\/r0 +0\.0 +0\.00 +0\.00$/m);
    expect(first).toMatch(/^no sessions$/m);
    expect(first).toMatch(/^! Storage object ramdisk\/spare is deactivated: no LUN exports it$/m);
    expect(first).toMatch(/q quit · s sort · \/ filter/);
    pane.type('s');
    await pane.waitFor(/sort: IOPS/);
    pane.type('/nothing');
    await pane.waitFor(/filter: nothing█/);
    pane.keys('Enter');
    await pane.waitFor(/no LUNs match the filter/);
    pane.type('q');
    const after = await pane.waitFor(/\[exit 0\]/);
    // The alternate screen is gone: the view's lines do not stay behind.
    expect(after).not.toContain('lioctl top');
  });
});
