import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface InstalledPackage {
  /** The temporary directory everything lives in. */
  readonly dir: string;
  /** The tarball npm pack made. */
  readonly tarball: string;
  /** `npm install -g --prefix` went here: bin/, lib/node_modules/lioctl, share/man. */
  readonly prefix: string;
  readonly packageDir: string;
}

const npm = (args: readonly string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

/**
 * Packs the checkout as `npm pack` does (dist/ is already built by `npm test`, so the build
 * script is not run again) and installs the tarball globally into a temporary prefix, as
 * `sudo npm install -g` does into /usr. The package has no run-time dependencies, so the
 * install needs no registry (--offline).
 */
export function packAndInstall(): InstalledPackage {
  const dir = mkdtempSync(join(tmpdir(), 'lioctl-installed-'));
  npm(['pack', '--ignore-scripts', '--pack-destination', dir], process.cwd());
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack made no tarball');
  const prefix = join(dir, 'prefix');
  mkdirSync(prefix);
  npm(['install', '--global', '--offline', '--prefix', prefix, join(dir, tarball)], dir);
  return { dir, tarball: join(dir, tarball), prefix, packageDir: join(prefix, 'lib', 'node_modules', 'lioctl') };
}
