// A storage object's saveconfig merges into the file as targetcli's does, and the merged
// file restores in both tools (run in the VM).
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEverything, lioctl, lioctlOk, standardPart, targetcli, targetcliOk } from './config-tools.js';

const DIR = '/tmp/lioctl-partial-save';
const IQN = 'iqn.2003-01.org.example.lioctl:partial';
const NAA = 'naa.5001405c0ffee123';

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  clearEverything();
  lioctlOk('/backstores/ramdisk', 'create', 'r1', '4M');
  lioctlOk('/backstores/ramdisk', 'create', 'r2', '4M');
  lioctlOk('/iscsi', 'create', IQN);
  lioctlOk(`/iscsi/${IQN}/tpg1/luns`, 'create', '/backstores/ramdisk/r1');
  lioctlOk(`/iscsi/${IQN}/tpg1/acls`, 'create', 'iqn.1994-05.com.example:c1');
  lioctlOk('/loopback', 'create', NAA);
  lioctlOk(`/loopback/${NAA}/luns`, 'create', '/backstores/ramdisk/r2');
  lioctlOk('saveconfig', `${DIR}/base.json`);
}, 600_000);

afterAll(() => clearEverything(), 600_000);

describe('saveconfig on a storage object', () => {
  it('writes what targetcli-fb writes, and both tools restore the result', { timeout: 1_200_000 }, () => {
    // Changed live after the save: only r1's change is to reach the files.
    lioctlOk('/backstores/ramdisk/r1', 'set', 'attribute', 'emulate_3pc=0');
    lioctlOk('/backstores/ramdisk/r2', 'set', 'attribute', 'emulate_3pc=0');
    copyFileSync(`${DIR}/base.json`, `${DIR}/targetcli.json`);
    copyFileSync(`${DIR}/base.json`, `${DIR}/lioctl.json`);
    targetcliOk(`/backstores/ramdisk/r1 saveconfig ${DIR}/targetcli.json`);
    expect(lioctlOk('/backstores/ramdisk/r1', 'saveconfig', `${DIR}/lioctl.json`)).toContain(`Storage Object 'ramdisk:r1' config saved to ${DIR}/lioctl.json.`);
    const merged = readFileSync(`${DIR}/lioctl.json`, 'utf8');
    expect(standardPart(merged)).toEqual(standardPart(readFileSync(`${DIR}/targetcli.json`, 'utf8')));
    const doc = JSON.parse(merged) as { storage_objects: Array<{ name: string; attributes: Record<string, number> }> };
    expect(doc.storage_objects.map((o) => [o.name, o.attributes['emulate_3pc']])).toEqual([
      ['r1', 0],
      ['r2', 1],
    ]);

    clearEverything();
    const restored = targetcli(`restoreconfig ${DIR}/lioctl.json`);
    expect({ status: restored.status, stderr: restored.stderr }).toEqual({ status: 0, stderr: '' });
    lioctlOk('saveconfig', `${DIR}/by-targetcli.json`);
    clearEverything();
    expect(lioctl('restoreconfig', `${DIR}/lioctl.json`).status).toBe(0);
    lioctlOk('saveconfig', `${DIR}/by-lioctl.json`);
    expect(standardPart(readFileSync(`${DIR}/by-lioctl.json`, 'utf8'))).toEqual(standardPart(merged));
    expect(standardPart(readFileSync(`${DIR}/by-targetcli.json`, 'utf8'))).toEqual(standardPart(merged));
  });
});
