import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../src/configfs/sim/index.js';
import { dumpConfig } from '../../src/config/dump/index.js';
import { serializeConfig } from '../../src/config/index.js';
import { LioctlError, ValidationError } from '../../src/errors/index.js';
import { LioRoot } from '../../src/model/index.js';
import { Preferences } from '../../src/shell/prefs/preferences.js';
import { rootNode } from '../../src/shell/nodes/root-node.js';
import { ShellSession } from '../../src/shell/session/index.js';
import { mutate, pick, rng } from './random.js';

// Mutated saveconfig.json files fed to restoreconfig on the simulator: every failure is a
// typed error, and a file that does not validate changes nothing at all.
const FILES = Number(process.env.LIOCTL_FUZZ_FILES ?? 150);
const SEED = Number(process.env.LIOCTL_FUZZ_SEED ?? 20261122);

function session(fs: SimConfigFs): ShellSession {
  return new ShellSession({
    fs,
    prefs: Preferences.inMemory(),
    root: rootNode,
    output: { info: () => undefined, warn: () => undefined, result: () => undefined },
    json: false,
    interactive: false,
  });
}

function sampleDocument(dir: string): string {
  const fs = new SimConfigFs();
  const s = session(fs);
  for (const line of [
    `/backstores/fileio create disk1 ${dir}/disk1.img 1M`,
    '/backstores/ramdisk create rd1 1M',
    '/iscsi create iqn.2003-01.org.example:fuzz',
    '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/luns create /backstores/fileio/disk1',
    '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/luns create /backstores/ramdisk/rd1',
    '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/acls create iqn.1994-05.com.example:init',
    '/iscsi/iqn.2003-01.org.example:fuzz/tpg1/acls/iqn.1994-05.com.example:init set auth userid=u password=secret1234567',
    '/loopback create naa.5001405aaaaaaaaa',
  ]) s.execute(line);
  return serializeConfig(dumpConfig(new LioRoot(fs)));
}

/** Structural mutations: drop a key, change a value's type, or break the text itself. */
function mutateDocument(random: () => number, text: string): string {
  if (random() < 0.5) return mutate(random, text);
  const lines = text.split('\n');
  const i = Math.floor(random() * lines.length);
  const line = lines[i] ?? '';
  const swapped = pick(random, [
    line.replace(/: \d+/, ': "7"'),
    line.replace(/: "[^"]*"/, ': 12'),
    line.replace(/: (true|false)/, ': "no"'),
    line.replace(/"[a-z_]+":/, '"bogus_key":'),
    line.replace(/\d+/, '99999999'),
    line.replace(/"\/backstores\/[a-z]+\//, '"/backstores/nosuch/'),
    '',
  ]);
  lines[i] = swapped;
  return lines.join('\n');
}

describe('fuzzing restoreconfig with mutated files', () => {
  it(`${FILES} mutated files: typed errors only, and an invalid file changes nothing`, { timeout: 600_000 }, () => {
    const random = rng(SEED);
    const dir = mkdtempSync(join(tmpdir(), 'lioctl-restore-fuzz-'));
    const base = sampleDocument(dir);
    let refused = 0;
    for (let n = 0; n < FILES; n++) {
      const fs = new SimConfigFs();
      const s = session(fs);
      s.execute('/backstores/ramdisk create keep 1M');
      const before = serializeConfig(dumpConfig(new LioRoot(fs)));
      const file = join(dir, `mutated-${n}.json`);
      const text = mutateDocument(random, base);
      writeFileSync(file, text);
      try {
        s.execute(`restoreconfig ${file}`);
      } catch (err) {
        if (!(err instanceof LioctlError)) throw new Error(`file ${n} (seed ${SEED}) threw an untyped ${(err as Error).name}: ${(err as Error).message}`);
        if (err instanceof ValidationError) {
          refused += 1;
          expect(serializeConfig(dumpConfig(new LioRoot(fs))), `file ${n} was refused but changed the configuration`).toBe(before);
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
