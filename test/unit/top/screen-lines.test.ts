import { describe, expect, it } from 'vitest';
import { clip, fitColumns } from '../../../src/cli/top/columns.js';
import { reportLines, screenLines, type ScreenInput } from '../../../src/cli/top/screen-lines.js';
import { INITIAL_VIEW } from '../../../src/cli/top/view-state.js';
import { initiatorRate, lunRate, manyLuns, someRates, TARGET, warning } from './rates-fixture.js';

function screen(partial: Partial<ScreenInput> & Pick<ScreenInput, 'rates'>) {
  return screenLines({ view: INITIAL_VIEW, width: 100, height: 24, subject: '/', interval: 1, ...partial });
}

function text(lines: ReadonlyArray<{ text: string }>): string {
  return lines.map((l) => l.text).join('\n');
}

describe('columns', () => {
  it('shares the room left among flexible columns within their limits', () => {
    const cols = [
      { header: 'A', width: 4, align: 'left' as const, flex: 1 },
      { header: 'B', width: 4, align: 'left' as const, flex: 1, max: 6 },
      { header: 'C', width: 3, align: 'right' as const },
    ];
    expect(fitColumns(cols, 30)).toEqual([19, 6, 3]);
    expect(fitColumns(cols, 5)).toEqual([4, 4, 3]);
  });

  it('cuts long names at the start, where IQNs repeat themselves', () => {
    expect(clip('iqn.2003-01.org.example:target7', 10)).toBe('…e:target7');
    expect(clip('short', 10)).toBe('short');
  });
});

describe('the live screen', () => {
  it('fills exactly the terminal height, with title, tables, warnings and footer', () => {
    const s = screen({ rates: someRates([lunRate(0, 1234, 12.5, 3)], [initiatorRate('iqn.1994-05.com.example:host1', 321)], [warning(1)]), width: 140 });
    expect(s.lines).toHaveLength(24);
    const t = text(s.lines);
    expect(s.lines[0]?.text).toBe('lioctl top  /  every 1s  sort: name  1 LUN · 1 session · 1 warning');
    expect(t).toMatch(/TARGET +TPG +LUN BACKSTORE +IOPS +RD MiB\/s +WR MiB\/s/);
    expect(t).toMatch(/iqn\.2003-01\.org\.example\.storage:array1 +1 +0 fileio\/disk0 +1234 +12\.5 +3\.00/);
    expect(t).toMatch(/iqn\.1994-05\.com\.example:host1 +192\.0\.2\.10 +.*array1\/tpg1 +321 +1\.50 +0\.25 LOGGED_IN/);
    expect(t).toContain('! Storage object fileio/spare1 is deactivated: no LUN exports it');
    expect(s.lines.at(-1)?.text).toBe('q quit · s sort · / filter · Esc clear · ↑↓ PgUp PgDn scroll   LUNs 1-1 of 1');
    for (const line of s.lines) expect(line.text.length).toBeLessThanOrEqual(140);
    // Narrower, long names lose their start and every line still fits.
    const narrow = screen({ rates: someRates([lunRate(0, 1)], [initiatorRate('iqn.1994-05.com.example:host1', 321)]), width: 80 });
    for (const line of narrow.lines) expect(line.text.length).toBeLessThanOrEqual(80);
    expect(text(narrow.lines)).toMatch(/…[\w.:-]*example:host1 /);
  });

  it('says "no sessions" when nobody is logged in, and "measuring…" before the first rates', () => {
    const s = screen({ rates: someRates([lunRate(0, undefined)], [], [], 0) });
    const t = text(s.lines);
    expect(t).toContain('no sessions');
    expect(s.lines[0]?.text).toContain('measuring…');
    expect(t).toMatch(/fileio\/disk0 +- +- +-/);
  });

  it('scrolls through hundreds of LUNs a page at a time', () => {
    const rates = someRates(manyLuns(300), [initiatorRate('iqn.1994-05.com.example:host1', 5)]);
    const top = screen({ rates, height: 30 });
    expect(top.lines).toHaveLength(30);
    expect(top.room.page).toBe(30 - 5 - 1);
    expect(top.room.maxScroll).toBe(300 - top.room.page);
    expect(top.lines.at(-1)?.text).toContain('LUNs 1-24 of 300');
    const further = screen({ rates, height: 30, view: { ...INITIAL_VIEW, scroll: 100 } });
    expect(further.lines[2]?.text).toMatch(/array1 +1 +100 fileio\/disk100/);
    expect(further.lines.at(-1)?.text).toContain('LUNs 101-124 of 300');
    // A scroll beyond the end (the list shrank) shows the last page.
    const past = screen({ rates, height: 30, view: { ...INITIAL_VIEW, scroll: 1000 } });
    expect(past.lines.at(-1)?.text).toContain('LUNs 277-300 of 300');
  });

  it('sorts by the chosen column, busiest first, and filters rows by what they show', () => {
    const rates = someRates([lunRate(0, 5, 9, 0), lunRate(1, 50, 1, 0), lunRate(2, undefined)], [
      initiatorRate('iqn.1994-05.com.example:a', 1),
      initiatorRate('iqn.1994-05.com.example:b', 9, '198.51.100.4'),
    ]);
    const lunsIn = (lines: ReadonlyArray<{ text: string }>) => lines.filter((l) => /fileio\/disk/.test(l.text)).map((l) => /disk(\d+)/.exec(l.text)?.[1]);
    expect(lunsIn(screen({ rates, view: { ...INITIAL_VIEW, sort: 'iops' } }).lines)).toEqual(['1', '0', '2']);
    expect(lunsIn(screen({ rates, view: { ...INITIAL_VIEW, sort: 'read' } }).lines)).toEqual(['0', '1', '2']);
    const byCommands = text(screen({ rates, view: { ...INITIAL_VIEW, sort: 'iops' } }).lines);
    expect(byCommands.indexOf('example:b')).toBeLessThan(byCommands.indexOf('example:a'));
    const filtered = screen({ rates, view: { ...INITIAL_VIEW, filter: 'DISK1' } });
    expect(lunsIn(filtered.lines)).toEqual(['1']);
    expect(text(filtered.lines)).toContain('no sessions match the filter');
    expect(filtered.lines[0]?.text).toContain('filter: DISK1  1 LUN · 2 sessions');
    const byAddress = screen({ rates, view: { ...INITIAL_VIEW, filter: '198.51' } });
    expect(text(byAddress.lines)).toContain('example:b');
    expect(text(byAddress.lines)).toContain('no LUNs match the filter');
  });

  it('keeps initiators and warnings to their share of the screen, saying how many more there are', () => {
    const initiators = Array.from({ length: 40 }, (_, i) => initiatorRate(`iqn.1994-05.com.example:h${i}`, i));
    const warnings = Array.from({ length: 30 }, (_, i) => warning(i));
    const s = screen({ rates: someRates(manyLuns(50), initiators, warnings), height: 40 });
    expect(s.lines).toHaveLength(40);
    const t = text(s.lines);
    expect(t).toContain('… 33 sessions more');
    expect(t).toContain('… 24 warnings more');
    expect(s.room.page).toBeGreaterThanOrEqual(10);
  });

  it('shows the filter being typed, and a sampling error, in the footer', () => {
    const rates = someRates([lunRate(0, 1)]);
    expect(screen({ rates, view: { ...INITIAL_VIEW, editing: 'ab' } }).lines.at(-1)?.text).toBe('filter: ab█   Enter applies · Esc cancels');
    expect(screen({ rates, error: 'cannot list /sys/kernel/config/target/iscsi' }).lines.at(-1)).toEqual({
      text: 'error: cannot list /sys/kernel/config/target/iscsi',
      style: 'error',
    });
  });
});

describe('the one-sample report', () => {
  it('lists every LUN, initiator and warning without title, footer or scrolling', () => {
    const lines = reportLines(someRates(manyLuns(60), [], [warning(2)]), 120);
    const t = text(lines);
    expect(lines.filter((l) => l.text.includes(TARGET))).toHaveLength(60);
    expect(t).toContain('no sessions');
    expect(t).toContain('! Storage object fileio/spare2');
    expect(t).not.toContain('q quit');
  });
});
