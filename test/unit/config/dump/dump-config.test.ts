import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../../../src/configfs/index.js';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { dumpConfig } from '../../../../src/config/dump/index.js';
import { parseConfig, serializeConfig } from '../../../../src/config/index.js';
import { LioRoot } from '../../../../src/model/index.js';

function build(): LioRoot {
  const lio = new LioRoot(new SimConfigFs());
  const dir = mkdtempSync(join(tmpdir(), 'lioctl-dump-'));
  const disk = lio.createFileio({ name: 'disk1', file: join(dir, 'disk1.img'), size: 1048576, writeBack: true, wwn: '0b9d3c55-8e21-4f0a-a6d7-5c43b2f18e60' });
  lio.createRamdisk({ name: 'rd0', size: 1048576, nullio: true, wwn: 'c3e1f0aa-41b7-4d6e-8c2f-7a90d5b4e113' });
  const target = lio.fabric('iscsi').createTarget({ wwn: 'iqn.2003-01.org.example:t1', tpg: { enable: true } });
  const tpg = target.tpg(1);
  tpg.createLun(disk, { lun: 0, alias: '8e14c27a0f' });
  tpg.createPortal('192.0.2.10', 3261);
  const acl = tpg.createNodeAcl('iqn.1994-05.com.redhat:client1');
  acl.createMappedLun(0, 0, { writeProtect: true, alias: 'a7c30e1d92' });
  acl.setAuth({ userid: 'client1', password: 'initiatorsecret1' });
  acl.setTag('dbhosts');
  lio.fabric('iscsi').setDiscoveryAuth({ userid: 'disc', password: 'discoverysecret12' });
  lio.fabric('loopback').createTarget({ wwn: 'naa.5001405a1b2c3d4e', tpg: { nexus: 'naa.5001405f0e0d0c0b' } });
  return lio;
}

describe('dumpConfig', () => {
  it('writes rtslib-fb keys and keeps what targetcli loses in its own section', () => {
    const doc = dumpConfig(build());
    expect(doc.fabric_modules).toEqual([]); // discovery auth is not enforced
    expect(doc.lioctl?.fabric_modules).toEqual({ iscsi: { discovery_userid: 'disc', discovery_password: 'discoverysecret12' } });
    expect(doc.lioctl?.tpgs).toEqual({ 'loopback/naa.5001405a1b2c3d4e/tpgt_1': { nexus: 'naa.5001405f0e0d0c0b' } });
    const fileio = doc.storage_objects.find((so) => so.name === 'disk1');
    expect(fileio).toMatchObject({ plugin: 'fileio', size: 1048576, write_back: true, aio: false, wwn: '0b9d3c55-8e21-4f0a-a6d7-5c43b2f18e60' });
    expect(Object.keys(fileio ?? {}).sort()).toEqual(['aio', 'alua_tpgs', 'attributes', 'dev', 'name', 'plugin', 'size', 'write_back', 'wwn']);
    expect(doc.storage_objects.find((so) => so.name === 'rd0')).toMatchObject({ plugin: 'ramdisk', nullio: true, size: 1048576 });
    const tpg = doc.targets.find((t) => t.fabric === 'iscsi')?.tpgs[0];
    expect(tpg?.luns).toEqual([{ index: 0, storage_object: '/backstores/fileio/disk1', alias: '8e14c27a0f', alua_tg_pt_gp_name: 'default_tg_pt_gp' }]);
    expect(tpg?.portals).toContainEqual({ ip_address: '192.0.2.10', port: 3261, iser: false, offload: false });
    expect(tpg?.node_acls[0]).toMatchObject({
      node_wwn: 'iqn.1994-05.com.redhat:client1',
      tag: 'dbhosts',
      chap_userid: 'client1',
      chap_password: 'initiatorsecret1',
      mapped_luns: [{ index: 0, tpg_lun: 0, write_protect: true, alias: 'a7c30e1d92' }],
    });
    expect(tpg?.attributes?.authentication).toBe(0);
    expect(tpg?.parameters?.MaxConnections).toBe('1');
  });

  it('produces a document that parses back to itself', () => {
    const text = serializeConfig(dumpConfig(build()));
    const parsed = parseConfig(JSON.parse(text));
    expect(serializeConfig(parsed.config)).toBe(text);
  });
});

/** What the simulator answers a read of `path`: '' for a write-only file (root would read one of a plain directory). */
function readable(sim: SimConfigFs, path: string): string {
  try {
    return sim.read(path);
  } catch {
    return '';
  }
}

describe('dumpConfig and the port', () => {
  it('announces the storage objects for reading ahead and reads them only after the targets', () => {
    const lio = build();
    const sim = lio.fs as SimConfigFs;
    const asked: string[] = [];
    let announced: readonly string[] = [];
    const record = <T>(fn: (path: string) => T) => (path: string): T => {
      asked.push(path);
      return fn(path);
    };
    sim.read = record(sim.read.bind(sim));
    sim.list = record(sim.list.bind(sim));
    sim.readlink = record(sim.readlink.bind(sim));
    sim.readAhead = (trees) => {
      announced = trees;
      asked.push('<read ahead>');
    };
    dumpConfig(lio);
    const storage = ['core/fileio_0/disk1', 'core/rd_mcp_1/rd0'];
    expect([...announced].sort()).toEqual(storage);
    const inside = (path: string): boolean => storage.some((so) => path === so || path.startsWith(`${so}/`));
    const firstInside = asked.findIndex(inside);
    const lastTarget = asked.findLastIndex((p) => p.startsWith('iscsi/') || p.startsWith('loopback/'));
    expect(asked.indexOf('<read ahead>')).toBeLessThan(lastTarget);
    expect(lastTarget).toBeLessThan(firstInside);
  });

  it('reads ahead all a save reads of the storage objects, and leaves out only what it does not read', () => {
    const lio = build();
    lio.storageObjects()[0]?.createAluaGroup('ao', 17);
    // The simulator's tree as files, links and directories, which the kernel port reads as it reads configfs.
    const root = mkdtempSync(join(tmpdir(), 'lioctl-dump-tree-'));
    const sim = lio.fs as SimConfigFs;
    const entries = sim.toSnapshot().entries;
    for (const e of entries) {
      if (e.target !== undefined) continue;
      // What a read answers: the simulator makes some files' text (info, for one) when read.
      if (e.content === undefined) mkdirSync(join(root, e.path), { recursive: true });
      else writeFileSync(join(root, e.path), readable(sim, e.path));
    }
    for (const e of entries) if (e.target !== undefined) symlinkSync(join(root, e.target), join(root, e.path));
    const oneThread = serializeConfig(dumpConfig(new LioRoot(new KernelConfigFs(root))));

    /** Once the worker has read the trees, every file in them changes: a save that read one itself would notice. */
    class ChangedAfterReadAhead extends KernelConfigFs {
      override readAhead(trees: readonly string[], leaveOut?: readonly string[]): void {
        this.expectLanes();
        super.readAhead(trees, leaveOut);
        const first = trees[0] ?? '';
        const listed = this.list(first); // waits for the worker's read, and takes it
        const change = (dir: string): void => {
          for (const e of readdirSync(dir, { withFileTypes: true })) {
            if (e.isDirectory()) change(join(dir, e.name));
            else if (e.isFile()) writeFileSync(join(dir, e.name), 'changed behind the read\n');
          }
        };
        for (const tree of trees) change(join(root, tree));
        // The listing taken above is given once; the save asks for it again.
        expect(this.list(first)).toEqual(listed);
      }
    }
    const readAhead = serializeConfig(dumpConfig(new LioRoot(new ChangedAfterReadAhead(root))));
    expect(readAhead).toBe(oneThread);
    expect(oneThread).toContain('"name": "ao"');
  });
});
