import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../src/configfs/sim/index.js';
import { LioctlError } from '../../src/errors/index.js';
import { Preferences } from '../../src/shell/prefs/preferences.js';
import { ShellSession } from '../../src/shell/session/index.js';
import { rootNode } from '../../src/shell/nodes/root-node.js';
import { mutate, pick, rng } from './random.js';

// LIOCTL_FUZZ_LINES sets the count: npm test runs a quick pass, `npm run test:stress` (CI) 100,000.
const LINES = Number(process.env.LIOCTL_FUZZ_LINES ?? 1500);
const SEED = Number(process.env.LIOCTL_FUZZ_SEED ?? 20261122);

const SEEDS = [
  'ls',
  'ls / 2',
  'cd /backstores/fileio',
  '/backstores/fileio create disk1 /tmp/lioctl-fuzz/disk1.img 1M',
  '/backstores/ramdisk create rd1 1M nullio=true',
  '/backstores/ramdisk delete rd1',
  '/backstores/fileio/disk1 set attribute block_size=4096',
  '/backstores/fileio/disk1/alua create g1 5',
  '/iscsi create iqn.2003-01.org.example:fuzz',
  '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/luns create /backstores/ramdisk/rd1',
  '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/acls create iqn.1994-05.com.example:init',
  "/iscsi/iqn.2003-01.org.example:fuzz/tpg1 set auth userid=u password='p@ss|w0rd 1234'",
  '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/portals create 127.0.0.1 3261',
  '/loopback create',
  'set global auto_cd_after_create=true',
  'get global',
  'bookmarks add here',
  'cd @here',
  'help create',
  'sessions detail',
  '/iscsi delete iqn.2003-01.org.example:fuzz',
  'pwd',
];

describe('fuzzing the grammar and the dispatcher', () => {
  it(`${LINES} random and mutated lines: every failure is a typed error`, { timeout: 600_000 }, () => {
    const random = rng(SEED);
    const session = new ShellSession({
      fs: new SimConfigFs(),
      prefs: Preferences.inMemory(),
      root: rootNode,
      output: { info: () => undefined, warn: () => undefined, result: (r) => void r.human(r.data, { color: false, width: 80 }) },
      json: false,
      interactive: false,
    });
    let typed = 0;
    for (let i = 0; i < LINES; i++) {
      const base = pick(random, SEEDS);
      const line = random() < 0.3 ? base : mutate(random, base);
      try {
        session.execute(line);
      } catch (err) {
        if (!(err instanceof LioctlError)) {
          throw new Error(`line ${i} (seed ${SEED}) ${JSON.stringify(line)} threw an untyped ${(err as Error).name}: ${(err as Error).message}`);
        }
        typed += 1;
      }
    }
    expect(typed).toBeGreaterThan(0);
  });
});
