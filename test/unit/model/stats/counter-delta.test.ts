import { describe, expect, it } from 'vitest';
import { COUNTER_WRAP, counterDelta } from '../../../../src/model/stats/index.js';

describe('counterDelta', () => {
  it('is the difference of two readings of a growing counter', () => {
    expect(counterDelta(100, 250)).toBe(150);
    expect(counterDelta(7, 7)).toBe(0);
  });

  it('counts across the 32-bit wrap', () => {
    expect(counterDelta(COUNTER_WRAP - 10, 5)).toBe(15);
    expect(counterDelta(COUNTER_WRAP - 1, 0)).toBe(1);
    // The largest step still taken for a wrap: just under half the counter's range.
    expect(counterDelta(COUNTER_WRAP / 2 + 1, 0)).toBe(COUNTER_WRAP / 2 - 1);
  });

  it('takes a fall that cannot be a wrap as a reset, counting from zero', () => {
    expect(counterDelta(5000, 12)).toBe(12);
    // A 64-bit counter above 2^32 never wraps: going down means it was re-created.
    expect(counterDelta(COUNTER_WRAP * 3, 40)).toBe(40);
  });

  it('is unknown when either reading is missing', () => {
    expect(counterDelta(undefined, 5)).toBeUndefined();
    expect(counterDelta(5, undefined)).toBeUndefined();
  });
});
