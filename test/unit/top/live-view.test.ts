import { renderToString } from 'ink';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveView, runLiveView } from '../../../src/cli/top/live-view.js';
import { TopScreen } from '../../../src/cli/top/top-screen.js';
import type { StatsRates } from '../../../src/model/stats/index.js';
import { eventually, FakeStdin, FakeStdout } from './fake-terminal.js';
import { initiatorRate, lunRate, manyLuns, someRates } from './rates-fixture.js';

/** Samples handed out in order; the last one repeats. */
function scriptedSampler(...samples: StatsRates[]) {
  let i = 0;
  return {
    calls: () => i,
    next: (): StatsRates => {
      const r = samples[Math.min(i, samples.length - 1)];
      i += 1;
      if (r === undefined) throw new Error('no sample');
      return r;
    },
  };
}

describe('TopScreen', () => {
  it('renders each prepared line as one terminal row', () => {
    const out = renderToString(
      createElement(TopScreen, {
        lines: [
          { text: 'title', style: 'title' },
          { text: '', style: 'row' },
          { text: '! warning', style: 'warning' },
        ],
      }),
      { columns: 40 },
    );
    expect(out.split('\n').map((l) => l.trimEnd())).toEqual(['title', '', '! warning']);
  });
});

describe('the live view in a (fake) terminal', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  async function start(sampler: ReturnType<typeof scriptedSampler>, first: StatsRates, interval = 60, size: [number, number] = [120, 24]) {
    const stdout = new FakeStdout(...size);
    const stdin = new FakeStdin();
    const { render } = await import('ink');
    const instance = render(createElement(LiveView, { sampler, first, interval, subject: '/iscsi' }), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      // Every frame written whole (ink otherwise writes only changes, or nothing in CI).
      debug: true,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    unmount = () => instance.unmount();
    return { stdout, stdin, instance };
  }

  it('draws the first sample, then redraws with each new one', async () => {
    const first = someRates([lunRate(0, undefined)], [], [], 0);
    const second = someRates([lunRate(0, 250, 4, 1)], [initiatorRate('iqn.1994-05.com.example:host1', 250)]);
    const { stdout } = await start(scriptedSampler(second), first, 0.05);
    await eventually(() => expect(stdout.frames[0]).toContain('measuring…'));
    expect(stdout.frames[0]).toContain('no sessions');
    await eventually(() => expect(stdout.lastFrame()).toMatch(/fileio\/disk0 +250 +4\.00 +1\.00/));
    expect(stdout.lastFrame()).toContain('every 0.05s');
    expect(stdout.lastFrame()).toMatch(/example:host1 +192\.0\.2\.10/);
  });

  it('sorts with s, filters with /, scrolls with the arrows and quits with q', async () => {
    const rates = someRates(manyLuns(100), [initiatorRate('iqn.1994-05.com.example:host1', 3)]);
    const { stdout, stdin, instance } = await start(scriptedSampler(rates), rates);
    await eventually(() => expect(stdout.lastFrame()).toContain('LUNs 1-17 of 100'));
    stdin.type('s');
    await eventually(() => expect(stdout.lastFrame()).toContain('sort: IOPS'));
    // Busiest first: LUN 99 does 990 IOPS.
    expect(stdout.lastFrame().split('\n')[2]).toMatch(/ 99 fileio\/disk99 +990/);
    stdin.type('\x1b[B');
    await eventually(() => expect(stdout.lastFrame()).toContain('LUNs 2-18 of 100'));
    stdin.type('\x1b[6~');
    await eventually(() => expect(stdout.lastFrame()).toContain('LUNs 18-34 of 100'));
    stdin.type('/disk4');
    await eventually(() => expect(stdout.lastFrame()).toContain('filter: disk4█'));
    stdin.type('2\r');
    await eventually(() => expect(stdout.lastFrame()).toContain('filter: disk42  1 LUN'));
    expect(stdout.lastFrame()).toContain('no sessions match the filter');
    stdin.type('q');
    await instance.waitUntilExit();
  });

  it('follows the terminal size', async () => {
    const rates = someRates(manyLuns(100));
    const { stdout } = await start(scriptedSampler(rates), rates, 60, [120, 24]);
    await eventually(() => expect(stdout.lastFrame()).toContain('LUNs 1-17 of 100'));
    stdout.resize(120, 44);
    await eventually(() => expect(stdout.lastFrame()).toContain('LUNs 1-37 of 100'));
  });

  it('shows a failed sample in the footer and keeps the last numbers', async () => {
    const good = someRates([lunRate(0, 42)]);
    let failing = false;
    const sampler = {
      next: (): StatsRates => {
        if (failing) throw new Error('configfs went away');
        return good;
      },
    };
    const stdout = new FakeStdout(100, 20);
    const { render } = await import('ink');
    failing = true;
    const instance = render(createElement(LiveView, { sampler, first: good, interval: 0.05, subject: '/' }), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
      debug: true,
      patchConsole: false,
    });
    unmount = () => instance.unmount();
    await eventually(() => expect(stdout.lastFrame()).toContain('error: configfs went away'));
    expect(stdout.lastFrame()).toMatch(/disk0 +42\.0/);
  });

  it('runs full-screen: enters the alternate screen and leaves it on q', async () => {
    const rates = someRates([lunRate(0, 1)]);
    const stdout = new FakeStdout(100, 20);
    const stdin = new FakeStdin();
    const done = runLiveView({ sampler: scriptedSampler(rates), first: rates, interval: 60, subject: '/' }, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
    });
    // Listening for keys means mounted (frames themselves are held back when CI is set).
    await eventually(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0));
    stdin.type('q');
    await expect(done).resolves.toBe(0);
    expect(stdout.frames.join('')).toContain('lioctl top');
    expect(stdout.frames[0]).toBe('\x1b[?1049h\x1b[H');
    expect(stdout.frames.at(-1)).toBe('\x1b[?1049l');
  });
});
