import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, MAX_TAG_BYTES, validateName, validateTagName } from '../../../../src/model/validate/names.js';
import { expectInvalid } from './expect-invalid.js';

const RULE = 'use letters, digits and punctuation other than / * \\ \' " ` ^ { } |';

describe('validateName', () => {
  it('accepts every character of the UI path grammar and returns the name unchanged', () => {
    for (const name of ['disk1', 'My-Disk_2.img', 'vg0:lv[1]', 'a', '...', 'disk@1', 'a+b,c=(d)~%', 'x;y&z$!#?<>']) {
      expect(validateName(name)).toBe(name);
    }
  });

  it('rejects an empty name', () => {
    expectInvalid(() => validateName(''), 'bad-name', `Storage object name is empty; ${RULE}`);
  });

  it('rejects the path navigation names', () => {
    expectInvalid(() => validateName('..'), 'bad-name', "Storage object name '..' is reserved for path navigation; choose another name");
    expectInvalid(() => validateName('.'), 'bad-name', "Storage object name '.' is reserved for path navigation; choose another name");
  });

  it('names the offending character', () => {
    expectInvalid(() => validateName('a/b'), 'bad-name', `Storage object name 'a/b' contains '/'; ${RULE}`);
    expectInvalid(() => validateName('my disk'), 'bad-name', `Storage object name 'my disk' contains a space; ${RULE}`);
    expectInvalid(() => validateName(' disk'), 'bad-name', `Storage object name ' disk' contains a space; ${RULE}`);
    expectInvalid(() => validateName('a\tb'), 'bad-name', `Storage object name 'a\\tb' contains a tab; ${RULE}`);
    expectInvalid(() => validateName('disk\n'), 'bad-name', `Storage object name 'disk\\n' contains a newline; ${RULE}`);
    expectInvalid(() => validateName('a\0b'), 'bad-name', `Storage object name 'a\\u{0}b' contains a NUL byte; ${RULE}`);
    expectInvalid(() => validateName('a\u0007'), 'bad-name', `Storage object name 'a\\u{7}' contains control character U+0007; ${RULE}`);
    expectInvalid(() => validateName('disk*'), 'bad-name', `Storage object name 'disk*' contains '*'; ${RULE}`);
    expectInvalid(() => validateName(`it's`), 'bad-name', `Storage object name 'it's' contains '''; ${RULE}`);
    expectInvalid(() => validateName('disque-é'), 'bad-name', `Storage object name 'disque-é' contains 'é'; ${RULE}`);
  });

  it(`allows up to ${MAX_NAME_BYTES} bytes`, () => {
    expect(validateName('a'.repeat(MAX_NAME_BYTES))).toHaveLength(255);
    expectInvalid(
      () => validateName('a'.repeat(MAX_NAME_BYTES + 1)),
      'bad-name',
      /^Storage object name 'a{80}\.\.\.' is 256 bytes long; the maximum is 255$/,
    );
  });

  it('words messages for ALUA groups', () => {
    expect(validateName('ao_group', 'ALUA group')).toBe('ao_group');
    expectInvalid(() => validateName('a b', 'ALUA group'), 'bad-name', `ALUA group name 'a b' contains a space; ${RULE}`);
  });
});

describe('validateTagName', () => {
  it('accepts path-grammar names without dots', () => {
    for (const tag of ['web', 'db-servers', 'rack_1', 'grp:[a]']) expect(validateTagName(tag)).toBe(tag);
  });

  it("refuses '.' with rtslib's words", () => {
    expectInvalid(() => validateTagName('a.b'), 'bad-name', "Tag name 'a.b' is not valid: '.' not permitted in tag names.");
    expectInvalid(() => validateTagName('..'), 'bad-name', "Tag name '..' is not valid: '.' not permitted in tag names.");
  });

  it('refuses other characters and empty tags', () => {
    const tagRule = 'use letters, digits and punctuation other than . / * \\ \' " ` ^ { } |';
    expectInvalid(() => validateTagName(''), 'bad-name', `Tag name is empty; ${tagRule}`);
    expectInvalid(() => validateTagName('my tag'), 'bad-name', `Tag name 'my tag' contains a space; ${tagRule}`);
    expectInvalid(() => validateTagName('a/b'), 'bad-name', `Tag name 'a/b' contains '/'; ${tagRule}`);
  });

  it('refuses tags the kernel would read as "no tag"', () => {
    expectInvalid(
      () => validateTagName('NULLgroup'),
      'bad-name',
      "Tag name 'NULLgroup' starts with 'NULL', which the kernel reads as no tag; choose another name",
    );
    expect(validateTagName('null-group')).toBe('null-group');
  });

  it(`allows up to ${MAX_TAG_BYTES} bytes (kernel tag buffer)`, () => {
    expect(validateTagName('t'.repeat(MAX_TAG_BYTES))).toHaveLength(63);
    expectInvalid(
      () => validateTagName('t'.repeat(MAX_TAG_BYTES + 1)),
      'bad-name',
      `Tag name '${'t'.repeat(64)}' is 64 bytes long; the maximum is 63`,
    );
  });
});
