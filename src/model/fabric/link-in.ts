import type { ConfigFs } from '../../configfs/index.js';
import { inStep } from '../rollback.js';
import type { Step } from '../steps.js';

/**
 * The name of the one link in a LUN or mapped LUN directory, whatever it is called,
 * without reading where it points (a clear deletes thousands of LUNs: one readlink each
 * saved). Only a file that a newer kernel adds makes the names ambiguous: then each
 * candidate is looked at.
 */
export function linkIn(fs: ConfigFs, dir: string, files: ReadonlySet<string>): string | undefined {
  const candidates = fs.list(dir).filter((name) => !files.has(name));
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((name) => fs.stat(`${dir}/${name}`).kind === 'link');
}

/** Appends the steps that remove a LUN's or mapped LUN's directory: its link, then the directory. */
export function linkedDirDeletion(fs: ConfigFs, dir: string, files: ReadonlySet<string>, what: string, out: Step[]): Step[] {
  const link = inStep(what, () => linkIn(fs, dir, files));
  if (link !== undefined) out.push({ op: 'unlink', path: `${dir}/${link}`, what });
  out.push({ op: 'rmdir', path: dir, what });
  return out;
}
