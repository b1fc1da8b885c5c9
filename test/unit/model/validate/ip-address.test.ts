import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isIPv4, isIPv6 } from '../../../../src/model/validate/ip-address.js';

/** Deterministic pseudo-random numbers, so that a failure comes back on every run. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

const SAMPLES = [
  '0.0.0.0', '255.255.255.255', '256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..2.3', ' 1.2.3.4', '1.2.3.4 ', '+1.2.3.4', '1.2.3.-4', '١.2.3.4',
  '::', '::0', '::1', '1::', ':::', '1:::2', '1::2::3', ':1::', '::1:', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7::8', '1:2:3:4:5:6::7', '12345::', 'g::1', '::ffff:192.0.2.1', '::ffff:192.0.2.256', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4',
  '1:2:3:4:5::1.2.3.4', '1.2.3.4::', '::1.2.3.4:1', '2001:DB8::1', 'fd00::1', 'fe80::1', '[::1]', '',
];

/** Strings near IP syntax: digits, hex letters, separators, and the odd stranger. */
function nearIp(next: () => number): string {
  const alphabet = '0123456789abcdefABCDEF::..g ';
  const length = 1 + Math.floor(next() * 24);
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

/** Valid addresses, some with a group or a colon changed. */
function nearValid(next: () => number): string {
  const hex = () => Math.floor(next() * 0x10000).toString(16).slice(0, 1 + Math.floor(next() * 4));
  const groups = Array.from({ length: 8 }, hex);
  const gapAt = Math.floor(next() * 10);
  const cut = Math.floor(next() * 8);
  let s = gapAt < 8 ? `${groups.slice(0, gapAt).join(':')}::${groups.slice(gapAt + cut + 1).join(':')}` : groups.join(':');
  if (next() < 0.3) s = `${s.replace(/:[^:]*$/, '')}:${[0, 0, 0, 0].map(() => Math.floor(next() * 300)).join('.')}`;
  if (next() < 0.3) {
    const at = Math.floor(next() * s.length);
    s = s.slice(0, at) + ':.0g'[Math.floor(next() * 4)] + s.slice(at + 1);
  }
  return s;
}

describe('isIPv4 and isIPv6', () => {
  it('agree with node:net on hand-picked edges', () => {
    for (const s of SAMPLES) expect([s, isIPv4(s), isIPv6(s)]).toEqual([s, isIP(s) === 4, isIP(s) === 6]);
  });

  it('agree with node:net on 200,000 strings near IP syntax', () => {
    const next = numbers(8);
    let valid = 0;
    for (let i = 0; i < 200_000; i++) {
      const s = i % 2 === 0 ? nearIp(next) : nearValid(next);
      const family = isIP(s);
      if (family !== 0) valid++;
      if (isIPv4(s) !== (family === 4) || isIPv6(s) !== (family === 6)) expect([s, isIPv4(s), isIPv6(s)]).toEqual([s, family === 4, family === 6]);
    }
    // Enough of them valid for the comparison to mean something.
    expect(valid).toBeGreaterThan(20_000);
  });
});
