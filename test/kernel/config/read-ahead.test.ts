// With many storage objects, saveconfig reads their trees on the kernel port's worker
// thread while it reads the targets; the document is the same as read one call at a time
// (run in the VM).
import { describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import { dumpConfig } from '../../../src/config/dump/index.js';
import { serializeConfig } from '../../../src/config/index.js';
import { LioRoot } from '../../../src/model/index.js';
import { emptyKernelForSuite } from '../model/kernel-helpers.js';

/** More than the 256 trees from which the port reads ahead on its own. */
const OBJECTS = 300;
const IQN = 'iqn.2003-01.org.example.lioctl:read-ahead';

/** The same port, reading everything itself. */
class OneThread extends KernelConfigFs {
  override readAhead(): void {}
}

const lio = emptyKernelForSuite();

describe('saveconfig reading ahead on the kernel', () => {
  it('saves what it saves one call at a time', { timeout: 900_000 }, () => {
    const objects = Array.from({ length: OBJECTS }, (_, i) => lio.createRamdisk({ name: `ahead${i}`, size: '16K' }));
    objects[7]?.attributes.set('emulate_3pc', false);
    objects[8]?.createAluaGroup('ao', 17);
    const tpg = lio.fabric('iscsi').createTarget({ wwn: IQN, tpg: {} }).tpg(1);
    for (const so of objects.slice(0, 4)) tpg.createLun(so);
    tpg.createNodeAcl('iqn.1994-05.org.example:host', { mapAllLuns: true });

    const oneThread = serializeConfig(dumpConfig(new LioRoot(new OneThread())));
    const readAhead = serializeConfig(dumpConfig(new LioRoot(new KernelConfigFs())));
    expect(readAhead).toBe(oneThread);
    const doc = JSON.parse(readAhead) as { storage_objects: Array<{ name: string; attributes: Record<string, number>; alua_tpgs: Array<{ name: string }> }> };
    expect(doc.storage_objects).toHaveLength(OBJECTS);
    expect(doc.storage_objects.find((so) => so.name === 'ahead7')?.attributes.emulate_3pc).toBe(0);
    expect(doc.storage_objects.find((so) => so.name === 'ahead8')?.alua_tpgs.map((g) => g.name).sort()).toEqual(['ao', 'default_tg_pt_gp']);
  });
});
