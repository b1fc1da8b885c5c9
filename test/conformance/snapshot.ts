import type { ConfigFs } from '../../src/configfs/index.js';
import { ConfigFsError } from '../../src/configfs/index.js';
import type { FixtureEntry } from '../../src/configfs/sim/fixture-types.js';

/** Every entry below `path` (excluding `path`), with mode and readable content. */
export function snapshot(fs: ConfigFs, path: string): FixtureEntry[] {
  const out: FixtureEntry[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of fs.list(dir)) {
      const full = dir === '' ? name : `${dir}/${name}`;
      const relPath = rel === '' ? name : `${rel}/${name}`;
      const st = fs.stat(full);
      const mode = st.mode.toString(8).padStart(4, '0');
      if (st.kind === 'dir') {
        out.push({ path: relPath, kind: 'dir', mode });
        walk(full, relPath);
      } else if (st.kind === 'link') {
        out.push({ path: relPath, kind: 'link', mode, target: fs.readlink(full) });
      } else {
        try {
          out.push({ path: relPath, kind: 'file', mode, content: fs.read(full) });
        } catch (err) {
          if (!(err instanceof ConfigFsError)) throw err;
          out.push({ path: relPath, kind: 'file', mode, readError: err.errno });
        }
      }
    }
  };
  walk(path, '');
  return out;
}
