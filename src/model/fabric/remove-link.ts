import { ConfigFsError, type ConfigFs } from '../../configfs/index.js';

/**
 * Removes the one link in a LUN or mapped LUN directory, whatever its name, without
 * reading where it points (a clear deletes thousands of LUNs: one readlink each saved).
 * configfs refuses to unlink anything but a link (EPERM, EISDIR), so a file a newer
 * kernel adds is passed over on that refusal; any other refusal is the answer.
 */
export function removeLinkIn(fs: ConfigFs, dir: string, files: ReadonlySet<string>): void {
  for (const name of fs.list(dir)) {
    if (files.has(name)) continue;
    try {
      fs.unlink(`${dir}/${name}`);
      return;
    } catch (err) {
      if (err instanceof ConfigFsError && (err.errno === 'EPERM' || err.errno === 'EISDIR')) continue;
      throw err;
    }
  }
}
