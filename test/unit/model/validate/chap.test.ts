import { describe, expect, it } from 'vitest';
import { chapWarning, normalizeChapValue, weakSecretWarning } from '../../../../src/model/validate/chap.js';
import { expectInvalid } from './expect-invalid.js';

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

  it('allows 255 bytes and no more, as the kernel does', () => {
    expect(normalizeChapValue('userid', 'u'.repeat(255))).toHaveLength(255);
    expectInvalid(
      () => normalizeChapValue('userid', 'u'.repeat(256)),
      'bad-chap',
      /^CHAP userid 'u{80}\.\.\.' is 256 bytes; the kernel holds at most 255$/,
    );
    expectInvalid(() => normalizeChapValue('password', 'é'.repeat(128)), 'bad-chap', 'CHAP password is 256 bytes; the kernel holds at most 255');
  });

  it('keeps spaces and every printable character, as the kernel stores them and open-iscsi sends them', () => {
    expect(normalizeChapValue('password', 'S3cure|P@ss 2026')).toBe('S3cure|P@ss 2026');
    expect(normalizeChapValue('userid', 'my user')).toBe('my user');
    const quoted = `a b|c'd"e#f`;
    expect(normalizeChapValue('mutual_password', quoted)).toBe(quoted);
    expect(chapWarning('password', 'S3cure|P@ss 2026')).toBeUndefined();
  });

  it('refuses what no credential can hold: NUL and line breaks', () => {
    const rule = 'the kernel and initiators cannot hold it in a credential';
    expectInvalid(() => normalizeChapValue('userid', 'a\nb'), 'bad-chap', `CHAP userid 'a\\nb' contains a newline; ${rule}`);
    const error = expectInvalid(() => normalizeChapValue('password', 'top\u0000secret'), 'bad-chap', `CHAP password contains a NUL byte; ${rule}`);
    expect(error.message).not.toContain('top');
    expectInvalid(() => normalizeChapValue('mutual_password', 'x\ry'), 'bad-chap', `CHAP mutual_password contains a carriage return; ${rule}`);
  });

  it('accepts other characters with a warning that names the character, never the secret', () => {
    expect(normalizeChapValue('mutual_userid', 'a\tb')).toBe('a\tb');
    expect(chapWarning('mutual_userid', 'a\tb')).toBe(
      "CHAP mutual_userid 'a\\tb' contains a tab; initiators may not send it as the kernel stores it (printable ASCII is safe)",
    );
    expect(chapWarning('password', 'hélène-secret-1')).toBe(
      "CHAP password contains 'é'; initiators may not send it as the kernel stores it (printable ASCII is safe)",
    );
    expect(chapWarning('password', 'short')).toMatch(/^CHAP password is only 5 characters/);
    expect(chapWarning('userid', 'u')).toBeUndefined();
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
