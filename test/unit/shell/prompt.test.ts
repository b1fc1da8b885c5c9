import { describe, expect, it } from 'vitest';
import { formatPrompt, shortenPromptPath } from '../../../src/shell/render/prompt.js';
import { compareNodeNames, sortNodeNames } from '../../../src/model/node-order.js';

describe('shortenPromptPath (prompt_length)', () => {
  const long = '/iscsi/iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa:target/tpg1';

  it('keeps (prompt_length - 3) / 2 characters on each side of ...', () => {
    expect(formatPrompt(long, 30)).toBe('/iscsi/iqn.20...a:target/tpg1> ');
    expect(shortenPromptPath(long, 30)).toHaveLength(29);
    expect(shortenPromptPath(long, 10)).toBe('/is...pg1');
  });

  it('leaves paths that fit, and everything when prompt_length is 0', () => {
    expect(formatPrompt('/iscsi', 30)).toBe('/iscsi> ');
    expect(shortenPromptPath('x'.repeat(30), 30)).toBe('x'.repeat(30));
    expect(shortenPromptPath(long, 0)).toBe(long);
  });

  it('does not shorten when there is no room for both ends', () => {
    expect(shortenPromptPath(long, 4)).toBe(long);
    expect(shortenPromptPath('/abcdef', 5)).toBe('/...f');
  });
});

describe('compareNodeNames', () => {
  it('sorts trailing numbers numerically, the rest by code unit', () => {
    const names = ['lun10', 'lun2', 'acls', 'lun1', 'Z', 'lun', 'tpg1', 'lunx'];
    expect(sortNodeNames(names, (n) => n)).toEqual(['Z', 'acls', 'lun', 'lun1', 'lun2', 'lun10', 'lunx', 'tpg1']);
  });

  it('compares numbers beyond double precision exactly', () => {
    expect(compareNodeNames('n99999999999999999999', 'n99999999999999999998')).toBe(1);
  });

  it('names differing only in leading zeros keep their input order', () => {
    expect(compareNodeNames('lun01', 'lun1')).toBe(0);
    expect(sortNodeNames(['lun1', 'lun01'], (n) => n)).toEqual(['lun1', 'lun01']);
  });
});
