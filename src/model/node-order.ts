/**
 * The order of names everywhere (the model's lists, the shell's children, saved files):
 * configshell's child order: by name, but a trailing number compares numerically, so
 * `lun2` comes before `lun10`. Names that differ only in leading zeros compare equal and
 * keep their input order (Array.prototype.sort is stable).
 */
export function compareNodeNames(a: string, b: string): number {
  const [prefixA, numberA] = sortKey(a);
  const [prefixB, numberB] = sortKey(b);
  if (prefixA !== prefixB) return prefixA < prefixB ? -1 : 1;
  return numberA === numberB ? 0 : numberA < numberB ? -1 : 1;
}

export function sortNodeNames<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareNodeNames(nameOf(x), nameOf(y)));
}

function sortKey(name: string): [string, bigint] {
  const match = /^(.*?)(\d+)$/s.exec(name);
  if (match === null) return [name, 0n];
  return [match[1] ?? '', BigInt(match[2] ?? '0')];
}
