import { describe, expect, it } from 'vitest';
import { humanSize, parseSize } from '../../../../src/model/validate/size.js';
import { expectInvalid } from './expect-invalid.js';

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
const TiB = GiB * 1024;
const PiB = TiB * 1024;

describe('parseSize', () => {
  it.each([
    ['4096', 4096],
    ['4096b', 4096],
    ['4096B', 4096],
    ['1k', KiB],
    ['1K', KiB],
    ['12kB', 12 * KiB],
    ['1KiB', KiB],
    ['512M', 512 * MiB],
    ['512mb', 512 * MiB],
    ['10G', 10 * GiB],
    ['10GiB', 10 * GiB],
    ['10GIB', 10 * GiB],
    ['10gib', 10 * GiB],
    ['1T', TiB],
    ['1tb', TiB],
    [' 10G ', 10 * GiB],
    ['007M', 7 * MiB],
  ])('%s is %i bytes', (input, bytes) => {
    expect(parseSize(input)).toBe(bytes);
  });

  it('accepts a byte count as a number (saved configurations)', () => {
    expect(parseSize(4096)).toBe(4096);
  });

  it.each(['1.5G', '10P', '', 'abc', 'G', '10 G', '-1', '10GG', '10bk', '0x10', '1e3', '10|'])('rejects %j', (input) => {
    expectInvalid(
      () => parseSize(input),
      'bad-size',
      `Cannot interpret size, wrong format: '${input}' (use digits with an optional K, M, G or T suffix, powers of 1024, e.g. 10G or 512M)`,
    );
  });

  it('rejects zero, which no backstore can use', () => {
    expectInvalid(() => parseSize('0'), 'bad-size', "Size '0' is zero; give a size greater than 0");
    expectInvalid(() => parseSize('0G'), 'bad-size', "Size '0G' is zero; give a size greater than 0");
    expectInvalid(() => parseSize(0), 'bad-size', 'Size 0 is not a whole number of bytes greater than 0');
  });

  it('rejects fractional and negative numbers', () => {
    expectInvalid(() => parseSize(1.5), 'bad-size', 'Size 1.5 is not a whole number of bytes greater than 0');
    expectInvalid(() => parseSize(-4096), 'bad-size', 'Size -4096 is not a whole number of bytes greater than 0');
  });

  it('rejects sizes beyond exact integer range', () => {
    expect(parseSize('8191T')).toBe(8191 * TiB);
    expectInvalid(() => parseSize('8192T'), 'bad-size', "Size '8192T' is too large; the maximum is 9007199254740991 bytes");
  });
});

describe('humanSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 bytes'],
    [1023, '1023 bytes'],
    [1024, '1.0KiB'],
    [1536, '1.5KiB'],
    [MiB - 1, '1024.0KiB'],
    [MiB, '1.0MiB'],
    [10 * GiB, '10.0GiB'],
    [Math.round(2.5 * TiB), '2.5TiB'],
    [PiB, '1.0PiB'],
    [3 * PiB, '3.0PiB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });

  it("rounds half to even like targetcli's Python %3.1f", () => {
    expect(humanSize(1280)).toBe('1.2KiB'); // 1.25
    expect(humanSize(1792)).toBe('1.8KiB'); // 1.75
    expect(humanSize(1281)).toBe('1.3KiB'); // just above the tie
  });

  it('stays in PiB beyond 1024 PiB and accepts bigint', () => {
    expect(humanSize(2048n * BigInt(PiB))).toBe('2048.0PiB');
    expect(humanSize(10n * BigInt(GiB))).toBe('10.0GiB');
  });

  it('round-trips what parseSize reads', () => {
    expect(humanSize(parseSize('10G'))).toBe('10.0GiB');
    expect(humanSize(parseSize('512M'))).toBe('512.0MiB');
  });

  it('refuses negative and fractional byte counts', () => {
    expectInvalid(() => humanSize(-1), 'bad-size', 'Size -1 is negative');
    expectInvalid(() => humanSize(1.5), 'bad-size', 'Size 1.5 is not a whole number of bytes');
  });
});
