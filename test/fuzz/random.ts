/** A small seeded PRNG (mulberry32) so a failing fuzz case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const NASTY = ['', ' ', '\t', "'", '"', '\\', '=', '/', '..', '*', '@', '-', '#', '|', '^', '\0', '\n', 'é', '💥', '$', '`', '%', '&', ';', '{', '}', '[', ']', '<', '>', '~'];

/** Mutates a line: drop, duplicate or swap a character, or insert something hostile. */
export function mutate(random: () => number, line: string): string {
  const chars = [...line];
  const times = 1 + Math.floor(random() * 3);
  for (let i = 0; i < times; i++) {
    const at = Math.floor(random() * (chars.length + 1));
    switch (Math.floor(random() * 4)) {
      case 0:
        chars.splice(at, 1);
        break;
      case 1:
        chars.splice(at, 0, chars[at] ?? 'x');
        break;
      case 2:
        chars.splice(at, 0, pick(random, NASTY));
        break;
      default: {
        const other = Math.floor(random() * chars.length);
        const a = chars[at];
        const b = chars[other];
        if (a !== undefined && b !== undefined) {
          chars[at] = b;
          chars[other] = a;
        }
      }
    }
  }
  return chars.join('');
}
