import { statSync } from 'node:fs';

/** Upstream targetcli-fb / rtslib-fb and the kernel's preferred dbroot. */
export const TARGETCLI_CONFIG_PATH = '/etc/target/saveconfig.json';
/** Debian's targetcli-fb (2.1.53 in Debian 12) saves and restores here instead. */
export const DEBIAN_CONFIG_PATH = '/etc/rtslib-fb-target/saveconfig.json';

export interface ConfigPathCandidates {
  readonly upstream: string;
  readonly debian: string;
}

export interface PathProbe {
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
}

export type DefaultPathReason = 'existing-file' | 'debian-directory' | 'upstream-default';

export interface DefaultPathChoice {
  readonly path: string;
  readonly reason: DefaultPathReason;
  /** The other location when it holds a file too, so the caller can say it was not used. */
  readonly alsoFound?: string;
  /** One line for the user: which file and why. */
  readonly message: string;
}

const nodeProbe: PathProbe = {
  isFile: (p) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false,
  isDirectory: (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false,
};

function parentDir(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/**
 * Where saveconfig/restoreconfig go when no file is named: an existing file wins (the
 * upstream location first); with no file anywhere, Debian's location when its directory
 * exists (only Debian's package creates it, and its boot-time restore reads from there),
 * else upstream's.
 */
export function defaultConfigPath(
  candidates: ConfigPathCandidates = { upstream: TARGETCLI_CONFIG_PATH, debian: DEBIAN_CONFIG_PATH },
  probe: PathProbe = nodeProbe,
): DefaultPathChoice {
  const { upstream, debian } = candidates;
  const upstreamFile = probe.isFile(upstream);
  const debianFile = probe.isFile(debian);
  if (upstreamFile) {
    const also = debianFile ? { alsoFound: debian } : {};
    const note = debianFile ? ` (${debian} exists too and was not used)` : '';
    return { path: upstream, reason: 'existing-file', ...also, message: `using ${upstream}${note}` };
  }
  if (debianFile) return { path: debian, reason: 'existing-file', message: `using ${debian} (Debian's targetcli-fb location)` };
  if (probe.isDirectory(parentDir(debian))) {
    return { path: debian, reason: 'debian-directory', message: `using ${debian} (Debian's targetcli-fb location; no saved file yet)` };
  }
  return { path: upstream, reason: 'upstream-default', message: `using ${upstream} (no saved file yet)` };
}
