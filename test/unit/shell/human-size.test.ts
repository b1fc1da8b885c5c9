import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { formatHumanSize } from '../../../src/shell/render/human-size.js';

describe('formatHumanSize (targetcli bytes_to_human)', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 bytes'],
    [1023, '1023 bytes'],
    [1024, '1.0KiB'],
    [1536, '1.5KiB'],
    [104857600, '100.0MiB'],
    [10737418240, '10.0GiB'],
    [1024 ** 4, '1.0TiB'],
    [1024 ** 5, '1.0PiB'],
    [1024 * 1024 - 1, '1024.0KiB'],
    [2000000000, '1.9GiB'],
  ])('%d → %s', (bytes, expected) => {
    expect(formatHumanSize(bytes)).toBe(expected);
  });

  it('rounds exact ties to even like Python’s %.1f', () => {
    expect(formatHumanSize(1280)).toBe('1.2KiB'); // 1.25 KiB
    expect(formatHumanSize(1408)).toBe('1.4KiB'); // 1.375 KiB, not a tie
    expect(formatHumanSize(1152)).toBe('1.1KiB'); // 1.125 KiB
    expect(formatHumanSize(1792)).toBe('1.8KiB'); // 1.75 KiB
  });

  it('keeps counting in PiB past 1024 PiB, where targetcli printed None', () => {
    expect(formatHumanSize(2n * 1024n ** 6n)).toBe('2048.0PiB');
  });

  it('refuses negative sizes', () => {
    expect(() => formatHumanSize(-1)).toThrow(ValidationError);
  });
});
