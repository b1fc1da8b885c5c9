import { afterEach, describe, expect, it } from 'vitest';
import { BIN, lioctl, sandbox } from './run-lioctl.js';
import { TmuxPane } from './tmux.js';

// CI installs tmux (.ci/run); elsewhere these are skipped, not faked.
const maybe = TmuxPane.available() ? describe : describe.skip;

// The limit only stops a hang: each step waits for the screen, and a loaded host is slower.
maybe('interactive shell in a real terminal', { timeout: 60_000 }, () => {
  let pane: TmuxPane | undefined;
  afterEach(() => pane?.kill());

  function start(): { pane: TmuxPane; state: string; home: string } {
    const box = sandbox();
    lioctl(['--sim-state', box.state, '/backstores/ramdisk', 'create', 'rdisk1', '1M'], box);
    pane = TmuxPane.start(`${process.execPath} ${BIN} --sim-state ${box.state}`, { LIOCTL_HOME: box.home, HOME: box.home, TERM: 'xterm' });
    return { pane, ...box };
  }

  it('completes a path, a parameter name and a backstore name with Tab', async () => {
    const { pane } = start();
    await pane.waitFor(/\/>\s*$/m);
    pane.type('cd /backs');
    pane.keys('Tab');
    await pane.waitFor(/cd \/backstores\/$/m);
    pane.type('ram');
    pane.keys('Tab');
    await pane.waitFor(/cd \/backstores\/ramdisk\/$/m);
    pane.keys('Enter');
    await pane.waitFor(/\/backstores\/ramdisk>\s*$/m);
    pane.type('delete rd');
    pane.keys('Tab');
    await pane.waitFor(/delete rdisk1/);
    pane.keys('C-u');
    pane.type('create rd2 si');
    pane.keys('Tab');
    await pane.waitFor(/create rd2 size=/);
  });

  it('suggests the command that was meant', async () => {
    const { pane } = start();
    await pane.waitFor(/\/>\s*$/m);
    pane.type('/backstores/ramdisk craete x 1M');
    pane.keys('Enter');
    const screen = await pane.waitFor(/did you mean 'create'\?/);
    expect(screen).toContain('Command not found craete');
  });

  it('cancels the line on Ctrl-C and leaves on Ctrl-D', async () => {
    const { pane } = start();
    await pane.waitFor(/\/>\s*$/m);
    pane.type('ls /this/is/never/run');
    pane.keys('C-c');
    await pane.waitFor(/\/>\s*$/m);
    expect(pane.screen()).not.toContain('No such path');
    pane.keys('C-d');
    await pane.waitFor(/\[exit 0\]/);
  });
});
