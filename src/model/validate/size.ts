import { invalid, ValidationCode } from './invalid.js';
import { shown } from './text.js';

const POWERS: Record<string, bigint> = { '': 0n, k: 1n, m: 2n, g: 3n, t: 4n };
const SIZE_GRAMMAR = /^(\d+)([kmgt]?)b?$/;
const HINT = 'use digits with an optional K, M, G or T suffix, powers of 1024, e.g. 10G or 512M';

/**
 * Parses targetcli's size grammar: any `i` dropped, case ignored, digits plus an optional
 * k/m/g/t and an optional b, powers of 1024 (`10GiB`, `10g`, `512MB`). No decimals, no P.
 * Zero is refused: no backstore can use it.
 */
export function parseSize(input: string | number): number {
  if (typeof input === 'number') {
    if (Number.isSafeInteger(input) && input > 0) return input;
    throw invalid(ValidationCode.size, `Size ${input} is not a whole number of bytes greater than 0`);
  }
  const match = SIZE_GRAMMAR.exec(input.trim().replace(/i/gi, '').toLowerCase());
  const digits = match?.[1];
  const unit = match?.[2];
  if (digits === undefined || unit === undefined) {
    throw invalid(ValidationCode.size, `Cannot interpret size, wrong format: ${shown(input)} (${HINT})`);
  }
  const bytes = BigInt(digits) * 1024n ** (POWERS[unit] ?? 0n);
  if (bytes === 0n) throw invalid(ValidationCode.size, `Size ${shown(input)} is zero; give a size greater than 0`);
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid(ValidationCode.size, `Size ${shown(input)} is too large; the maximum is ${Number.MAX_SAFE_INTEGER} bytes`);
  }
  return Number(bytes);
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Formats bytes as targetcli shows them in `ls`: `N bytes` below 1 KiB, else one decimal
 * and the largest unit that keeps the value under 1024 (`10.0GiB`). Rounds half to even
 * like Python's `%3.1f`, so output matches targetcli byte for byte.
 */
export function humanSize(bytes: number | bigint): string {
  if (typeof bytes === 'number' && !Number.isSafeInteger(bytes)) {
    throw invalid(ValidationCode.size, `Size ${bytes} is not a whole number of bytes`);
  }
  const n = BigInt(bytes);
  if (n < 0n) throw invalid(ValidationCode.size, `Size ${n} is negative`);
  if (n < 1024n) return `${n} bytes`;
  let power = 1;
  while (power < UNITS.length && n >= 1024n ** BigInt(power + 1)) power++;
  const divisor = 1024n ** BigInt(power);
  let tenths = (n * 10n) / divisor;
  const twiceRemainder = ((n * 10n) % divisor) * 2n;
  if (twiceRemainder > divisor || (twiceRemainder === divisor && tenths % 2n === 1n)) tenths++;
  return `${tenths / 10n}.${tenths % 10n}${UNITS[power - 1] ?? 'PiB'}`;
}
