/** Counters the kernel prints as u32 (the MiB counters: a byte count shifted, then cast) wrap here. */
export const COUNTER_WRAP = 2 ** 32;

/**
 * How much a kernel counter grew between two readings, or undefined when either reading
 * is missing. A lower second reading is a wrap when the step modulo 2^32 is plausible
 * (under 2^31, serial-number arithmetic); otherwise the counter was reset (device or
 * session re-created between the readings) and has counted from zero since.
 */
export function counterDelta(previous: number | undefined, current: number | undefined): number | undefined {
  if (previous === undefined || current === undefined) return undefined;
  if (current >= previous) return current - previous;
  const wrapped = current + COUNTER_WRAP - previous;
  if (previous < COUNTER_WRAP && wrapped < COUNTER_WRAP / 2) return wrapped;
  return current;
}
