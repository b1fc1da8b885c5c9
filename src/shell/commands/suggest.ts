import { fuzzysort } from '../../runtime/lazy-modules.js';

/** Below this fuzzysort score a subsequence match is more noise than help. */
const MIN_FUZZY_SCORE = 0.3;

/**
 * The closest candidate to a mistyped word, or undefined. fuzzysort finds abbreviations
 * and dropped letters (`crate` → `create`); it needs the letters in order, so swapped or
 * wrong letters (`hlep`, `sl`) fall back to an edit distance of at most one per three letters.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (input === '' || candidates.length === 0) return undefined;
  const best = fuzzysort().go(input, candidates, { limit: 1, threshold: MIN_FUZZY_SCORE })[0];
  if (best !== undefined) return best.target;

  const allowed = Math.max(1, Math.floor(input.length / 3));
  let closest: string | undefined;
  let closestDistance = allowed + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < closestDistance) {
      closest = candidate;
      closestDistance = distance;
    }
  }
  return closest;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}
