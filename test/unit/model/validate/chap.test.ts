import { describe, expect, it } from 'vitest';
import { normalizeChapValue, weakSecretWarning } from '../../../../src/model/validate/chap.js';
import { expectInvalid } from './expect-invalid.js';

const RULE = 'use printable ASCII characters without spaces';

describe('normalizeChapValue', () => {
  it('accepts printable ASCII without spaces, trimmed like rtslib', () => {
    expect(normalizeChapValue('userid', 'iqn.1994-05.com.redhat:client')).toBe('iqn.1994-05.com.redhat:client');
    expect(normalizeChapValue('password', '  s3cret-p4ssw0rd  ')).toBe('s3cret-p4ssw0rd');
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(normalizeChapValue('mutual_password', punctuation)).toBe(punctuation);
  });

  it('returns empty for empty input, which means unset', () => {
    expect(normalizeChapValue('userid', '')).toBe('');
    expect(normalizeChapValue('password', '   ')).toBe('');
  });

  it("refuses values starting with the kernel's NULL sentinel", () => {
    expectInvalid(
      () => normalizeChapValue('userid', 'NULL'),
      'bad-chap',
      "CHAP userid 'NULL' starts with 'NULL', which the kernel reads as unset; leave it empty to unset",
    );
    expectInvalid(
      () => normalizeChapValue('mutual_userid', 'NULLuser'),
      'bad-chap',
      "CHAP mutual_userid 'NULLuser' starts with 'NULL', which the kernel reads as unset; leave it empty to unset",
    );
    expectInvalid(
      () => normalizeChapValue('password', 'NULLsecret-value'),
      'bad-chap',
      "CHAP password starts with 'NULL', which the kernel reads as unset; leave it empty to unset",
    );
    expect(normalizeChapValue('userid', 'null')).toBe('null');
    expect(normalizeChapValue('userid', 'myNULL')).toBe('myNULL');
  });

  it('allows 255 characters and no more', () => {
    expect(normalizeChapValue('userid', 'u'.repeat(255))).toHaveLength(255);
    expectInvalid(
      () => normalizeChapValue('userid', 'u'.repeat(256)),
      'bad-chap',
      /^CHAP userid 'u{80}\.\.\.' is 256 characters; the maximum is 255$/,
    );
  });

  it('names the bad character and shows userids', () => {
    expectInvalid(() => normalizeChapValue('userid', 'my user'), 'bad-chap', `CHAP userid 'my user' contains a space; ${RULE}`);
    expectInvalid(
      () => normalizeChapValue('mutual_userid', 'a\tb'),
      'bad-chap',
      `CHAP mutual_userid 'a\\tb' contains a tab; ${RULE}`,
    );
    expectInvalid(() => normalizeChapValue('userid', 'héllo'), 'bad-chap', `CHAP userid 'héllo' contains 'é'; ${RULE}`);
  });

  it('never shows a secret in a message', () => {
    const error = expectInvalid(
      () => normalizeChapValue('password', 'top secret'),
      'bad-chap',
      `CHAP password contains a space; ${RULE}`,
    );
    expect(error.message).not.toContain('top');
    expectInvalid(
      () => normalizeChapValue('mutual_password', 'x'.repeat(300)),
      'bad-chap',
      'CHAP mutual_password is 300 characters; the maximum is 255',
    );
    expectInvalid(() => normalizeChapValue('password', 'a\u0001b'), 'bad-chap', `CHAP password contains control character U+0001; ${RULE}`);
  });
});

describe('weakSecretWarning', () => {
  it('warns below 12 characters', () => {
    expect(weakSecretWarning('short')).toBe(
      'CHAP password is only 5 characters; use at least 12 (RFC 3720 recommends 96-bit secrets, Microsoft initiators require 12-16)',
    );
    expect(weakSecretWarning('elevenchars', 'mutual_password')).toBe(
      'CHAP mutual_password is only 11 characters; use at least 12 (RFC 3720 recommends 96-bit secrets, Microsoft initiators require 12-16)',
    );
  });

  it('is silent for 12 or more characters and for unset secrets', () => {
    expect(weakSecretWarning('twelve-chars')).toBeUndefined();
    expect(weakSecretWarning('a-much-longer-secret-value')).toBeUndefined();
    expect(weakSecretWarning('')).toBeUndefined();
  });
});
