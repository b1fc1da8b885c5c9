import type { ConfigFs } from '../../../src/configfs/index.js';

/**
 * The configuration part of a configfs tree, as comparable text: every readable
 * attribute-like file and every link, with generated names replaced. Statistics, session
 * state and kernel counters are left out: they are not configuration.
 */
export function dumpTree(fs: ConfigFs): string[] {
  const lines: string[] = [];
  const hbaNames = new Map<string, string>();
  const normalise = (path: string): string =>
    path
      .replace(/core\/(fileio|iblock|pscsi|rd_mcp|user)_\d+/g, (m, plugin: string) => {
        const known = hbaNames.get(m);
        if (known) return known;
        const name = `core/${plugin}_N${hbaNames.size}`;
        hbaNames.set(m, name);
        return name;
      })
      // the default portal: targetcli-fb 2.1.53 used 0.0.0.0, 3.0.1 (and lioctl) use [::0]
      .replace(/np\/0\.0\.0\.0:3260/g, 'np/[::0]:3260');
  const walk = (dir: string): void => {
    for (const name of fs.list(dir)) {
      const path = dir === '' ? name : `${dir}/${name}`;
      if (/(^|\/)(statistics|fabric_statistics|pr|action)$/.test(path) || name === 'info' || name === 'hba_info') continue;
      const st = fs.stat(path);
      if (st.kind === 'link') {
        lines.push(`${normalise(dir)}/<link> -> ${normalise(fs.readlink(path))}`);
      } else if (st.kind === 'dir') {
        lines.push(`${normalise(path)}/`);
        walk(path);
      } else if ((st.mode & 0o444) !== 0) {
        let value: string;
        try {
          value = fs.read(path).trimEnd();
        } catch {
          continue;
        }
        if (name === 'vpd_unit_serial' || name === 'nexus' || name === 'address' || name === 'lu_name' || name === 'dynamic_sessions') value = '<generated>';
        if (name === 'cpus_allowed_list' || name === 'version' || name === 'lio_version' || name === 'dbroot') continue;
        lines.push(`${normalise(path)} = ${value.replace(/\n/g, '\\n')}`);
      }
    }
  };
  walk('');
  return lines.sort();
}
