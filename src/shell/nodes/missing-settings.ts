import type { MissingSetting } from '../../config/index.js';
import type { LioRoot } from '../../model/index.js';
import type { CommandContext } from '../session/command-context.js';
import { plural } from './plan-result.js';

/** The objects of a settings kind, as a user calls them: "iscsi tpg" → "iscsi TPGs", "fileio" → "fileio storage objects". */
function objectsOf(kind: string): string {
  const [fabric, what] = kind.split(' ');
  if (what === undefined) return `${kind} storage objects`;
  return `${fabric} ${what === 'tpg' || what === 'acl' ? what.toUpperCase() : what}s`;
}

/** "kernel 6.12.118+deb12-amd64", or the simulator's "simulated kernel ...". */
function kernelName(lio: LioRoot): string {
  const release = lio.kernelRelease() ?? 'this kernel';
  return lio.fs.backend === 'simulator' ? `simulated kernel ${release}` : `kernel ${release}`;
}

/**
 * One warning per setting name (not per object) for settings of the file that the running
 * kernel does not have: a file saved on another kernel is no failure of the configuration.
 */
export function warnMissingSettings(ctx: CommandContext, lio: LioRoot, missing: readonly MissingSetting[]): void {
  const byName = new Map<string, { noun: string; name: string; kinds: Set<string>; count: number }>();
  for (const m of missing) {
    const key = `${m.noun} ${m.name}`;
    const entry = byName.get(key) ?? { noun: m.noun, name: m.name, kinds: new Set<string>(), count: 0 };
    entry.kinds.add(objectsOf(m.kind));
    entry.count += 1;
    byName.set(key, entry);
  }
  for (const { noun, name, kinds, count } of byName.values()) {
    ctx.warn(`${kernelName(lio)} has no ${noun} ${name} for ${[...kinds].join(', ')}: left out (${plural(count, 'object')})`);
  }
}
