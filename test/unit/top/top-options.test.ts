import { describe, expect, it } from 'vitest';
import { parseTopArgs } from '../../../src/cli/top/top-options.js';
import { UsageError } from '../../../src/errors/index.js';

describe('lioctl top options', () => {
  it('defaults to the live view of everything, every second', () => {
    expect(parseTopArgs([])).toEqual({ kind: 'run', options: { interval: 1, once: false, json: false } });
  });

  it('takes a path, an interval in seconds, --once and --json in any order', () => {
    expect(parseTopArgs(['--once', '/iscsi', '--json', '--interval', '2.5'])).toEqual({
      kind: 'run',
      options: { path: '/iscsi', interval: 2.5, once: true, json: true },
    });
    expect(parseTopArgs(['-i', '0.5', '--once'])).toMatchObject({ options: { interval: 0.5 } });
  });

  it('accepts the global --json given before top', () => {
    expect(parseTopArgs(['--once'], true)).toMatchObject({ options: { json: true } });
  });

  it('refuses intervals that are not a sensible number of seconds', () => {
    for (const bad of ['0', '0.01', 'abc', '-1', '5000', '1e3']) {
      expect(() => parseTopArgs(['--interval', bad]), bad).toThrow(UsageError);
    }
    expect(() => parseTopArgs(['--interval', 'x'])).toThrow(/'x' is not a number of seconds/);
  });

  it('refuses --json for the live view, unknown options and extra words', () => {
    expect(() => parseTopArgs(['--json'])).toThrow(/--json needs --once/);
    expect(() => parseTopArgs(['--bogus'])).toThrow(/unknown option '--bogus'/);
    expect(() => parseTopArgs(['/iscsi', '/backstores'])).toThrow(UsageError);
  });

  it('returns its help as text instead of printing it', () => {
    const r = parseTopArgs(['--help']);
    expect(r.kind).toBe('help');
    if (r.kind === 'help') {
      expect(r.text).toContain('--interval <seconds>');
      expect(r.text).toMatch(/q\s+quits/);
    }
  });
});
