const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * targetcli's bytes_to_human, used in storage object summaries: `N bytes` below 1 KiB, else
 * one decimal and a binary unit with no space (`10.0GiB`). Integer arithmetic reproduces
 * Python's round-half-even on exact ties (1280 bytes is `1.2KiB`, not `1.3KiB`). targetcli
 * printed `None` from 1024 PiB on; here PiB simply grows.
 */
export function formatHumanSize(bytes: number | bigint): string {
  const size = BigInt(bytes);
  if (size < 0n) throw new RangeError(`negative size ${size}`);
  if (size < 1024n) return `${size} bytes`;

  let unitIndex = 0;
  let divisor = 1024n;
  while (unitIndex < UNITS.length - 1 && size >= divisor * 1024n) {
    divisor *= 1024n;
    unitIndex += 1;
  }
  const tenths = divideHalfEven(size * 10n, divisor);
  return `${tenths / 10n}.${tenths % 10n}${UNITS[unitIndex] ?? 'PiB'}`;
}

function divideHalfEven(numerator: bigint, divisor: bigint): bigint {
  const quotient = numerator / divisor;
  const twiceRemainder = (numerator % divisor) * 2n;
  if (twiceRemainder > divisor) return quotient + 1n;
  if (twiceRemainder === divisor && quotient % 2n === 1n) return quotient + 1n;
  return quotient;
}
