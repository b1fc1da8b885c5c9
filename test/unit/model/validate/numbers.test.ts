import { describe, expect, it } from 'vitest';
import { parseAluaGroupId, parseLun, parseMappedLun, parseTpgTag } from '../../../../src/model/validate/numbers.js';
import { expectInvalid } from './expect-invalid.js';

describe('parseLun', () => {
  it('accepts N and lunN within 0-65535', () => {
    expect(parseLun('0')).toBe(0);
    expect(parseLun('lun5')).toBe(5);
    expect(parseLun('LUN7')).toBe(7);
    expect(parseLun(' 12 ')).toBe(12);
    expect(parseLun('007')).toBe(7);
    expect(parseLun(65535)).toBe(65535);
    expect(parseLun('-0')).toBe(0);
    expect(Object.is(parseLun('-0'), 0)).toBe(true);
  });

  it('rejects out-of-range LUNs', () => {
    const usage = 'use N or lunN with N from 0 to 65535';
    expectInvalid(() => parseLun('65536'), 'bad-lun', `LUN 65536 is out of range; ${usage}`);
    expectInvalid(() => parseLun('lun70000'), 'bad-lun', `LUN 70000 is out of range; ${usage}`);
    expectInvalid(() => parseLun(-1), 'bad-lun', `LUN -1 is out of range; ${usage}`);
  });

  it.each(['abc', '', 'lun', 'lun-', '1.5', '0x1', 'mapped_lun1', '1e3'])('rejects %j as not a number', (input) => {
    expectInvalid(() => parseLun(input), 'bad-lun', `LUN '${input}' is not a number; use N or lunN with N from 0 to 65535`);
  });

  it('rejects fractional numbers', () => {
    expectInvalid(() => parseLun(1.5), 'bad-lun', "LUN '1.5' is not a number; use N or lunN with N from 0 to 65535");
  });
});

describe('parseMappedLun', () => {
  it('accepts N and mapped_lunN with any N >= 0', () => {
    expect(parseMappedLun('mapped_lun3')).toBe(3);
    expect(parseMappedLun('MAPPED_LUN4')).toBe(4);
    expect(parseMappedLun('100000')).toBe(100000);
    expect(parseMappedLun(0)).toBe(0);
  });

  it('rejects negative and non-numbers', () => {
    const usage = 'use N or mapped_lunN with N >= 0';
    expectInvalid(() => parseMappedLun('-1'), 'bad-lun', `Mapped LUN -1 is out of range; ${usage}`);
    expectInvalid(() => parseMappedLun('lun3'), 'bad-lun', `Mapped LUN 'lun3' is not a number; ${usage}`);
    expectInvalid(() => parseMappedLun('99999999999999999999'), 'bad-lun', `Mapped LUN 99999999999999999999 is out of range; ${usage}`);
  });
});

describe('parseTpgTag', () => {
  it('accepts N and tpgN within 1-65535', () => {
    expect(parseTpgTag('1')).toBe(1);
    expect(parseTpgTag('tpg2')).toBe(2);
    expect(parseTpgTag(65535)).toBe(65535);
  });

  it('rejects 0, too large and non-numbers with bad-tag', () => {
    const usage = 'use N or tpgN with N from 1 to 65535';
    expectInvalid(() => parseTpgTag('0'), 'bad-tag', `TPG tag 0 is out of range; ${usage}`);
    expectInvalid(() => parseTpgTag('tpg65536'), 'bad-tag', `TPG tag 65536 is out of range; ${usage}`);
    expectInvalid(() => parseTpgTag('first'), 'bad-tag', `TPG tag 'first' is not a number; ${usage}`);
  });
});

describe('parseAluaGroupId', () => {
  it('accepts 1-65535', () => {
    expect(parseAluaGroupId('1')).toBe(1);
    expect(parseAluaGroupId(65535)).toBe(65535);
  });

  it('rejects the default group id 0 and junk', () => {
    const usage = "use 1 to 65535 (0 is the default group's)";
    expectInvalid(() => parseAluaGroupId('0'), 'bad-tag', `ALUA group id 0 is out of range; ${usage}`);
    expectInvalid(() => parseAluaGroupId('65536'), 'bad-tag', `ALUA group id 65536 is out of range; ${usage}`);
    expectInvalid(() => parseAluaGroupId('tpg1'), 'bad-tag', `ALUA group id 'tpg1' is not a number; ${usage}`);
  });
});
