import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_CONFIG_PATH, TARGETCLI_CONFIG_PATH, defaultConfigPath } from '../../../src/config/config-paths.js';
import { useTempDir } from './temp-dir.js';

describe('defaultConfigPath', () => {
  const tmp = useTempDir();
  const candidates = (): { upstream: string; debian: string } => ({
    upstream: join(tmp(), 'etc/target/saveconfig.json'),
    debian: join(tmp(), 'etc/rtslib-fb-target/saveconfig.json'),
  });
  const put = (path: string): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '{}');
  };

  it("defaults to targetcli's and Debian's locations", () => {
    expect(TARGETCLI_CONFIG_PATH).toBe('/etc/target/saveconfig.json');
    expect(DEBIAN_CONFIG_PATH).toBe('/etc/rtslib-fb-target/saveconfig.json');
  });

  it('uses upstream when nothing exists', () => {
    const c = candidates();
    expect(defaultConfigPath(c)).toEqual({ path: c.upstream, reason: 'upstream-default', message: `using ${c.upstream} (no saved file yet)` });
  });

  it("uses Debian's file when only that exists, and says so", () => {
    const c = candidates();
    put(c.debian);
    expect(defaultConfigPath(c)).toEqual({ path: c.debian, reason: 'existing-file', message: `using ${c.debian} (Debian's targetcli-fb location)` });
  });

  it("uses Debian's location when its directory exists but holds no file yet", () => {
    const c = candidates();
    mkdirSync(join(c.debian, '..'), { recursive: true });
    mkdirSync(join(c.upstream, '..'), { recursive: true });
    expect(defaultConfigPath(c).reason).toBe('debian-directory');
    expect(defaultConfigPath(c).path).toBe(c.debian);
  });

  it('prefers the upstream file and names the other one when both exist', () => {
    const c = candidates();
    put(c.debian);
    put(c.upstream);
    const choice = defaultConfigPath(c);
    expect(choice.path).toBe(c.upstream);
    expect(choice.alsoFound).toBe(c.debian);
    expect(choice.message).toBe(`using ${c.upstream} (${c.debian} exists too and was not used)`);
  });
});
