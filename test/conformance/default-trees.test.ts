import { describe, expect, it } from 'vitest';
import type { FixtureEntry } from '../../src/configfs/sim/fixture-types.js';
import { BACKEND, freshConfigFs, leftovers, testBlockDevice } from './backend.js';
import { captureTrees, removeCaptured } from './capture-sequence.js';
import { kernelsUnderTest } from './kernels.js';

/** Counters and kernel-assigned indexes differ from run to run; their names and modes do not. */
function volatile(kind: string, path: string): boolean {
  return (
    /(^|\/)(fabric_)?statistics\//.test(path) ||
    path === 'hba_info' ||
    (kind.startsWith('tpg:loopback') && path === 'address') ||
    (kind.startsWith('device:iblock') && path === 'info') ||
    (kind === 'root' && path === 'version') ||
    // targetcli-fb sets dbroot (Debian: /etc/rtslib-fb-target) and it stays until reboot
    (kind === 'root' && path === 'dbroot') ||
    // iscsi_target_mod keeps discovery credentials module-wide: a clear by an earlier test
    // (the kernel stores the literal NULL) survives rmdir and mkdir of the fabric directory
    (kind === 'fabric:iscsi' && /^discovery_auth\/(userid|password)/.test(path))
  );
}

/** A version line names the running kernel's release, which moves with Debian's kernel updates. */
const RELEASE = /\b\d+\.\d+\.\d+[-+][\w.+-]*/g; // 6.1.0-57-amd64, 6.12.118+deb12-amd64

function comparable(kind: string, entries: readonly FixtureEntry[]): FixtureEntry[] {
  return entries.map((e) => {
    if (e.content === undefined) return e;
    if (volatile(kind, e.path)) return { ...e, content: '(volatile)' };
    return e.path === 'version' ? { ...e, content: e.content.replace(RELEASE, '(release)') } : e;
  });
}

for (const { series, trees: recorded } of kernelsUnderTest()) {
  describe(`default trees of ${series} (${BACKEND})`, () => {
    it('mkdir of every object kind creates the groups, files, modes and values the kernel creates', () => {
      const fs = freshConfigFs(series);
      const loop = testBlockDevice();
      const seen: Record<string, FixtureEntry[]> = {};
      try {
        captureTrees(fs, loop.path, (kind, _path, entries) => {
          seen[kind] = entries;
        });
      } finally {
        removeCaptured(fs);
        loop.release();
      }
      expect(Object.keys(seen).sort()).toEqual(Object.keys(recorded.kinds).sort());
      for (const [kind, fixture] of Object.entries(recorded.kinds)) {
        const iblockPath = (e: FixtureEntry): FixtureEntry =>
          kind === 'device:iblock:enabled' && e.path === 'udev_path' ? { ...e, content: '(block device)\n' } : e;
        expect(comparable(kind, seen[kind] ?? []).map(iblockPath), kind).toEqual(comparable(kind, fixture.entries).map(iblockPath));
      }
      expect(leftovers(fs)).toEqual([]);
    });
  });
}
