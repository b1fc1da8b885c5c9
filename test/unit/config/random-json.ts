/** A small seeded generator, so a failing fuzz case can be replayed from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const NASTY_STRINGS = [
  '',
  ' ',
  'NULL',
  'NULLx',
  '../x',
  '/',
  'a/b',
  'a,b',
  'x\ny',
  '\u0000',
  'é',
  '\u{1F600}',
  '\ud800',
  '__proto__',
  'constructor',
  'iqn.2003-01.org.example:t1',
  'naa.5001405a1b2c3d4e',
  'naa.6001405a1b2c3d4e',
  '/backstores/fileio/disk1',
  '/backstores/nope/x',
  '[::0]',
  '0.0.0.0',
  '3260',
  '10G',
  'true',
  'no',
  'default_tg_pt_gp',
  'x'.repeat(300),
];

const NASTY_NUMBERS = [0, -0, 1, -1, 0.5, 3260, 65535, 65536, 2 ** 53, -(2 ** 31), 1e308, Number.MAX_SAFE_INTEGER];

export function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick(NASTY_NUMBERS);
    case 3:
      return r.pick(NASTY_STRINGS);
    case 4:
      return Array.from({ length: r.int(3) }, () => randomValue(r, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      for (let i = r.int(3); i > 0; i--) obj[r.pick(NASTY_STRINGS)] = randomValue(r, depth + 1);
      return obj;
    }
  }
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

/** Every container in the tree with the keys of its children. */
function containers(root: unknown): Container[] {
  const out: Container[] = [];
  const walk = (v: unknown): void => {
    if (!isContainer(v)) return;
    out.push(v);
    for (const child of Object.values(v)) walk(child);
  };
  walk(root);
  return out;
}

/** One random structural or value change somewhere in `root` (mutated in place). */
export function mutate(r: Random, root: unknown): void {
  const all = containers(root);
  if (all.length === 0) return;
  const node = r.pick(all);
  const keys = Object.keys(node);
  const key = keys.length === 0 ? undefined : r.pick(keys);
  const rec = node as Record<string, unknown>;
  switch (r.int(6)) {
    case 0: // delete
      if (key !== undefined) {
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete rec[key];
      }
      break;
    case 1: // replace with anything
      if (key !== undefined) rec[key] = randomValue(r);
      break;
    case 2: // add a key or item
      if (Array.isArray(node)) node.push(node.length > 0 && r.next() < 0.7 ? structuredClone(node[r.int(node.length)]) : randomValue(r));
      else rec[r.pick(NASTY_STRINGS)] = randomValue(r);
      break;
    case 3: {
      // tweak a string or number in place
      if (key === undefined) break;
      const v = rec[key];
      if (typeof v === 'string') rec[key] = r.next() < 0.5 ? v.slice(0, r.int(v.length + 1)) : v + r.pick(NASTY_STRINGS);
      else if (typeof v === 'number') rec[key] = r.next() < 0.5 ? v + 1 : String(v);
      else if (typeof v === 'boolean') rec[key] = r.pick([!v, String(v), Number(v)]);
      break;
    }
    case 4: // swap two siblings
      if (keys.length > 1) {
        const other = r.pick(keys);
        if (key !== undefined) [rec[key], rec[other]] = [rec[other], rec[key]];
      }
      break;
    default: // move a value one level down
      if (key !== undefined) rec[key] = r.next() < 0.5 ? [rec[key]] : { [r.pick(NASTY_STRINGS)]: rec[key] };
  }
}
