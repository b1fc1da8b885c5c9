import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../../src/config/config-error.js';
import { planConfig } from '../../../src/config/plan/plan-config.js';
import { restoredConfig } from '../../../src/config/plan/restore-selection.js';
import { ConflictError, NotFoundError } from '../../../src/errors/index.js';
import { at, sample, smallDoc } from './config-samples.js';
import { EMPTY, doc, lines } from './plan-helpers.js';

const FILE = doc(sample());
const ISCSI = 'iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa';

function live(change: (d: Record<string, unknown>) => void = () => undefined): ReturnType<typeof doc> {
  const d = smallDoc();
  change(d);
  return doc(d);
}

describe('restoredConfig', () => {
  it('restores the whole file into an empty system', () => {
    expect(restoredConfig(EMPTY, FILE, { clearExisting: false })).toEqual(FILE);
  });

  it('adds the file to what is live, refusing objects that exist already', () => {
    const merged = restoredConfig(live(), FILE, { clearExisting: false });
    expect(merged.storage_objects.map((s) => s.name)).toEqual(['disk1', 'disk1', 'scratch', 'rd0', 'tcmu1']);
    expect(merged.targets).toHaveLength(3);
    // rtslib compares plugin and name: a fileio object called rd0 is no conflict.
    const samenameOtherPlugin = live((d) => {
      d['storage_objects'] = [{ name: 'rd0', plugin: 'fileio', dev: '/srv/rd0.img', size: 4096 }];
      d['targets'] = [];
    });
    const clashing = live((d) => {
      d['storage_objects'] = [{ name: 'rd0', plugin: 'ramdisk', size: 4096 }];
      d['targets'] = [];
    });
    expect(() => restoredConfig(clashing, FILE, { clearExisting: false })).toThrow(ConflictError);
    expect(() => restoredConfig(clashing, FILE, { clearExisting: false })).toThrow('storage object ramdisk/rd0 exists; not restoring');
    expect(() => restoredConfig(samenameOtherPlugin, FILE, { clearExisting: false })).not.toThrow();
  });

  it('with clear_existing, leaves exactly the file, so the planner keeps what already matches', () => {
    expect(restoredConfig(live(), FILE, { clearExisting: true })).toEqual(FILE);
    expect(planConfig(FILE, restoredConfig(FILE, FILE, { clearExisting: true })).operations).toEqual([]);
  });

  it('restores one target against the live storage objects', () => {
    const withDisks = doc({ ...sample(), targets: [] });
    const result = restoredConfig(withDisks, FILE, { clearExisting: false, target: ISCSI.toUpperCase() });
    expect(result.targets.map((t) => t.wwn)).toEqual([ISCSI]);
    expect(lines(planConfig(withDisks, result))[0]).toBe(`create iscsi target ${ISCSI}`);
  });

  it('refuses a partial restore whose LUNs would point at nothing', () => {
    expect(() => restoredConfig(EMPTY, FILE, { clearExisting: false, target: ISCSI })).toThrow(ConfigValidationError);
    expect(() => restoredConfig(EMPTY, FILE, { clearExisting: false, target: ISCSI })).toThrow(
      `iscsi/${ISCSI}/tpg1/lun0: /backstores/block/disk1 is neither in the file's selection nor live`,
    );
  });

  it('restores one storage object, replacing the live one only with clear_existing', () => {
    const current = doc({ storage_objects: [{ name: 'rd0', plugin: 'ramdisk', size: 4096 }] });
    expect(() => restoredConfig(current, FILE, { clearExisting: false, storageObject: 'rd0' })).toThrow(ConflictError);
    const result = restoredConfig(current, FILE, { clearExisting: true, storageObject: 'rd0' });
    expect(result.storage_objects).toEqual(FILE.storage_objects.filter((s) => s.name === 'rd0'));
    expect(result.targets).toEqual([]);
    expect(() => restoredConfig(current, FILE, { clearExisting: true, storageObject: 'nope' })).toThrow(NotFoundError);
  });

  it("takes the file's discovery settings for the fabrics it mentions and keeps lioctl's entries of restored objects", () => {
    const current = live((d) => {
      d['lioctl'] = { version: 1, fabric_modules: { iscsi: { discovery_userid: 'old', discovery_password: 'oldsecret12345' } } };
    });
    const file = doc({ ...sample(), lioctl: { version: 1, storage_objects: { '/backstores/block/disk1': { vendor_id: 'ACME' } } } });
    const merged = restoredConfig(current, file, { clearExisting: false });
    expect(merged.fabric_modules).toEqual(file.fabric_modules);
    expect(merged.lioctl).toEqual({ version: 1, storage_objects: { '/backstores/block/disk1': { vendor_id: 'ACME' } } });
    const partial = restoredConfig(current, file, { clearExisting: true, storageObject: 'disk1' });
    expect(partial.fabric_modules).toEqual([]);
    expect(partial.lioctl?.fabric_modules).toEqual({ iscsi: { discovery_userid: 'old', discovery_password: 'oldsecret12345' } });
  });
});
