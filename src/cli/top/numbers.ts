/** Rates as a person scans them: fewer decimals as numbers grow; '-' when not measured yet. */
export function formatRate(value: number | undefined): string {
  if (value === undefined) return '-';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatIops(value: number | undefined): string {
  if (value === undefined) return '-';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** JSON keeps three decimals (enough below 1 IOPS, no float noise) and null for "not measured". */
export function jsonRate(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 1000) / 1000;
}
