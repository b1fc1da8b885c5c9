import type { ConfigGroup } from '../../model/index.js';
import type { Attributes, Parameters } from '../schema.js';

/**
 * A document part built by assignment. A save builds tens of thousands of them, and
 * spreading optional keys into object literals cost more than building them.
 */
export type Building<T> = { -readonly [K in keyof T]: T[K] };

/**
 * rtslib's CFSNode.dump(): every file that is both readable and writable, integer text as
 * a number for attributes, text for parameters. A file the kernel refuses to show
 * (pi_prot_format on some kernels, rtslib-fb#145) is left out instead of failing the save.
 */
export function dumpAttributes(group: ConfigGroup | undefined): Attributes | undefined {
  if (group === undefined) return undefined;
  const out: Record<string, number | string> = {};
  for (const e of safeEntries(group)) {
    if (!e.readable || !e.writable || e.value === undefined) continue;
    out[e.name] = /^-?\d+$/.test(e.value) ? Number(e.value) : e.value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

export function dumpParameters(group: ConfigGroup | undefined): Parameters | undefined {
  if (group === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const e of safeEntries(group)) {
    if (e.readable && e.writable && e.value !== undefined) out[e.name] = e.value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function safeEntries(group: ConfigGroup): ReturnType<ConfigGroup['entries']> {
  try {
    return group.entries();
  } catch {
    return []; // the directory does not exist on this kernel or fabric
  }
}
