import { describe, expect, it } from 'vitest';
import { ConflictError, EnvironmentError, NotFoundError, ValidationError } from '../../../src/errors/index.js';
import { KernelRefusedError } from '../../../src/model/index.js';
import { SIM_KERNELS, SimConfigFs, findSimKernel } from '../../../src/configfs/sim/index.js';
import { expectError, kernelState, LOOP, newLio, SDB } from './helpers.js';

describe('creating storage objects', () => {
  it('creates a fileio object on a new file, sparse by default, and reads it back', () => {
    const { lio, host } = newLio();
    const so = lio.createFileio({ name: 'disk1', file: '/srv/disk1.img', size: '16M', writeBack: true, wwn: 'abc-serial' });
    expect(host.fileInfo('/srv/disk1.img')).toEqual({ size: 16 << 20, sparse: true });
    expect(so.describe()).toMatchObject({
      plugin: 'fileio',
      name: 'disk1',
      enabled: true,
      status: 'deactivated',
      udevPath: '/srv/disk1.img',
      size: 16 << 20,
      wwn: 'abc-serial',
      writeBack: true,
      aio: false,
    });
    expect(so.attributes.get('emulate_write_cache')).toBe('1');
  });

  it('allocates every block of a new file when asked (sparse=false)', () => {
    const { lio, host } = newLio();
    lio.createFileio({ name: 'full', file: '/srv/full.img', size: 4096, sparse: false });
    expect(host.fileInfo('/srv/full.img')).toEqual({ size: 4096, sparse: false });
  });

  it('uses the length of an existing file and refuses a missing file without a size', () => {
    const { lio } = newLio();
    expect(lio.createFileio({ name: 'e', file: '/srv/existing.img' }).describe().size).toBe(8 << 20);
    const err = expectError(() => lio.createFileio({ name: 'm', file: '/srv/missing.img' }), ValidationError, 'bad-size');
    expect(err.message).toBe('File /srv/missing.img does not exist; give a size to create it');
  });

  it('creates fileio on a block device without a size, and reads back the device size', () => {
    const { lio, fs } = newLio();
    const so = lio.createFileio({ name: 'dev', file: LOOP, size: '1G' });
    expect(fs.changes().find((c) => c.path.endsWith('/control'))).toBeDefined();
    expect(lio.fs.read(`${so.path}/info`)).toContain('Size: 0');
    expect(so.describe()).toMatchObject({ udevPath: LOOP, size: 16 << 20 });
  });

  it('refuses relative paths, directories and commas before touching configfs', () => {
    const { lio, fs } = newLio();
    expectError(() => lio.createFileio({ name: 'a', file: 'rel.img', size: 1024 }), ValidationError, 'bad-path');
    expectError(() => lio.createFileio({ name: 'a', file: '/srv', size: 1024 }), ValidationError, 'bad-path');
    expectError(() => lio.createFileio({ name: 'a', file: '/srv/a,b.img', size: 1024 }), ValidationError, 'bad-path');
    expect(fs.changes()).toEqual([]);
  });

  it('creates a block object with read-only taken from the device unless given', () => {
    const { lio } = newLio();
    expect(lio.createBlock({ name: 'b1', device: LOOP }).describe()).toMatchObject({ plugin: 'block', udevPath: LOOP, size: 16 << 20, readOnly: false });
    expect(lio.createBlock({ name: 'b2', device: '/dev/ro0' }).describe().readOnly).toBe(true);
    expect(lio.createBlock({ name: 'b3', device: SDB, readOnly: true }).describe().readOnly).toBe(true);
  });

  it('refuses non-exclusive block objects on kernels before 6.17, which would open them exclusively anyway', () => {
    for (const series of SIM_KERNELS) {
      const kernel = findSimKernel(series);
      const { lio, fs } = newLio(new SimConfigFs(kernel));
      expect(lio.kernelRelease()).toBe(kernel?.release);
      const err = expectError(() => lio.createBlock({ name: 'b', device: LOOP, exclusive: false }), ValidationError, 'unsupported');
      expect(err.message).toBe(`exclusive=false needs Linux 6.17 or later; this kernel is ${kernel?.release}`);
      expect(fs.changes()).toEqual([]);
    }
  });

  it('refuses a block object on something that is not a disk', () => {
    const { lio } = newLio();
    expect(expectError(() => lio.createBlock({ name: 'x', device: '/srv/existing.img' }), ValidationError).message).toBe(
      '/srv/existing.img is not a block device',
    );
    expect(expectError(() => lio.createBlock({ name: 'x', device: '/dev/st0' }), ValidationError).message).toBe(
      'Device /dev/st0 is not a TYPE_DISK block device',
    );
  });

  it('creates pscsi objects from a device path or a SCSI address', () => {
    const { lio, sim } = newLio();
    const byPath = lio.createPscsi({ name: 'p1', device: SDB });
    expect(byPath.describe()).toMatchObject({ plugin: 'pscsi', udevPath: SDB, hctl: '2:0:0:0' });
    expect(byPath.wwn()).toBeUndefined(); // the device's own serial: never written by us
    const byAddress = lio.createPscsi({ name: 'p2', device: '4:0:1:2' });
    expect(byAddress.describe().hctl).toBe('4:0:1:2');
    expect(sim.read(`${byAddress.path}/udev_path`)).toBe('');
  });

  it('creates ramdisks rounded up to whole pages, nullio on request', () => {
    const { lio } = newLio();
    expect(lio.createRamdisk({ name: 'r1', size: 5000 }).describe()).toMatchObject({ size: 8192, nullio: false });
    expect(lio.createRamdisk({ name: 'r2', size: '1M', nullio: true }).describe()).toMatchObject({ size: 1 << 20, nullio: true });
  });

  it('creates user-backed objects with their handler, size and control tuples', () => {
    const { lio } = newLio();
    const so = lio.createUser({ name: 'u1', handler: 'file', config: '/srv/u1.img', size: '1G', hwMaxSectors: 256, control: 'max_data_area_mb=64' });
    expect(so.uiPath).toBe('/backstores/user/u1');
    expect(so.describe()).toMatchObject({ plugin: 'user', config: 'file//srv/u1.img', size: 1 << 30, control: expect.stringContaining('max_data_area_mb=64') });
    expectError(() => lio.createUser({ name: 'u2', handler: 'file', config: 'a,b', size: 1024 }), ValidationError);
    expectError(() => lio.createUser({ name: 'u2', handler: 'fi le', config: 'a', size: 1024 }), ValidationError, 'bad-name');
    expectError(() => lio.createUser({ name: 'u2', handler: 'file', config: 'a', size: 1024, control: 'bad tuple' }), ValidationError);
  });

  it('writes identity and attributes before the object can be exported, block_size first', () => {
    const { lio, fs } = newLio();
    const so = lio.createFileio({
      name: 'id',
      file: '/srv/existing.img',
      identity: { vendorId: 'ACME', productId: 'Widget', revision: '2' },
      attributes: { optimal_sectors: 128, block_size: 4096 },
    });
    expect(so.identity()).toEqual({ vendorId: 'ACME', productId: 'Widget', revision: '2' });
    const order = fs.changes().map((c) => c.path.slice(so.path.length + 1));
    expect(order.slice(order.indexOf('enable'))).toEqual([
      'enable',
      'wwn/vpd_unit_serial',
      'wwn/vendor_id',
      'wwn/product_id',
      'wwn/revision',
      'attrib/block_size',
      'attrib/optimal_sectors',
    ]);
  });

  it('refuses bad names, identities, serials and attribute values before any configfs write', () => {
    const { lio, fs } = newLio();
    expectError(() => lio.createRamdisk({ name: 'a/b', size: 1024 }), ValidationError, 'bad-name');
    expectError(() => lio.createRamdisk({ name: 'has space', size: 1024 }), ValidationError, 'bad-name');
    expectError(() => lio.createRamdisk({ name: '..', size: 1024 }), ValidationError, 'bad-name');
    expectError(() => lio.createRamdisk({ name: 'r', size: '1.5G' }), ValidationError, 'bad-size');
    expectError(() => lio.createRamdisk({ name: 'r', size: 1024, identity: { vendorId: 'TOOLONGVENDOR' } }), ValidationError, 'bad-inquiry');
    expectError(() => lio.createRamdisk({ name: 'r', size: 1024, wwn: 'has space' }), ValidationError, 'bad-wwn');
    expectError(() => lio.createRamdisk({ name: 'r', size: 1024, attributes: { block_size: '' } }), ValidationError, 'bad-value');
    expectError(() => lio.createRamdisk({ name: 'r', size: 1024, aluaGroups: [{ name: 'g', id: 0 }] }), ValidationError, 'bad-tag');
    expect(fs.changes()).toEqual([]);
  });

  it('names a kernel refusal in the user terms and removes what was made', () => {
    const { lio, sim } = newLio();
    const before = kernelState(sim);
    const err = expectError(() => lio.createRamdisk({ name: 'r', size: 1024, attributes: { block_size: 1000 } }), KernelRefusedError, 'kernel-einval');
    expect(err.message).toMatch(/^Cannot set attribute block_size to '1000' of storage object ramdisk\/r: cannot write '1000' to .*\/attrib\/block_size: .* \[EINVAL\]$/);
    expect(kernelState(sim)).toEqual(before);
  });

  it('refuses a second object of the same name in one plugin, allows it in another', () => {
    const { lio } = newLio();
    lio.createRamdisk({ name: 'same', size: 1024 });
    const err = expectError(() => lio.createRamdisk({ name: 'same', size: 1024 }), ConflictError);
    expect(err.message).toBe('Storage object ramdisk/same already exists');
    expect(lio.createFileio({ name: 'same', file: '/srv/existing.img' }).label).toBe('fileio/same');
  });

  it('reports a backing file that cannot be created as an environment problem', () => {
    const { lio, host } = newLio();
    host.createFile = () => {
      throw new Error('EACCES: permission denied');
    };
    const err = expectError(() => lio.createFileio({ name: 'f', file: '/srv/f.img', size: 1024 }), EnvironmentError, 'backing-file');
    expect(err.message).toBe('Cannot create backing file /srv/f.img: EACCES: permission denied');
  });
});

describe('HBA directories', () => {
  it('takes the lowest free index across plugins, as rtslib', () => {
    const { lio, sim } = newLio();
    sim.mkdir('core/iblock_0');
    sim.mkdir('core/rd_mcp_2');
    expect(lio.createRamdisk({ name: 'a', size: 1024 }).hba).toBe('rd_mcp_1');
    expect(lio.createFileio({ name: 'b', file: '/srv/existing.img' }).hba).toBe('fileio_3');
  });

  it('moves on when another process takes the same index first', () => {
    const { lio, sim, fs } = newLio();
    lio.storageObjects(); // the scan happens now: the other process comes after
    let raced = false;
    fs.before = (op, path) => {
      if (op === 'mkdir' && path === 'core/rd_mcp_0' && !raced) {
        raced = true;
        sim.mkdir('core/rd_mcp_0'); // the other process wins the race
      }
    };
    const so = lio.createRamdisk({ name: 'mine', size: 1024 });
    expect(so.hba).toBe('rd_mcp_1');
    expect(sim.list('core/rd_mcp_0')).toEqual(['hba_info', 'hba_mode']);
  });
});

describe('finding storage objects', () => {
  it('lists objects sorted by plugin then natural name, and finds them by name', () => {
    const { lio } = newLio();
    lio.createRamdisk({ name: 'r10', size: 1024 });
    lio.createRamdisk({ name: 'r2', size: 1024 });
    lio.createFileio({ name: 'f', file: '/srv/existing.img' });
    expect(lio.storageObjects().map((s) => s.label)).toEqual(['fileio/f', 'ramdisk/r2', 'ramdisk/r10']);
    expect(lio.storageObjects('ramdisk').map((s) => s.name)).toEqual(['r2', 'r10']);
    expect(lio.storageObject('ramdisk', 'r2').hba).toBe('rd_mcp_1');
    expect(expectError(() => lio.storageObject('ramdisk', 'nope'), NotFoundError).message).toBe('No storage object ramdisk/nope');
    expectError(() => lio.storageObject('iblock', 'x'), NotFoundError);
  });

  it('sees objects another process created and forgets ones it deleted', () => {
    const { lio, sim } = newLio();
    expect(lio.findStorageObject('ramdisk', 'other')).toBeUndefined();
    sim.mkdir('core/rd_mcp_5');
    sim.mkdir('core/rd_mcp_5/other');
    expect(lio.findStorageObject('ramdisk', 'other')?.hba).toBe('rd_mcp_5');
    sim.rmdir('core/rd_mcp_5/other');
    expect(lio.findStorageObject('ramdisk', 'other')).toBeUndefined();
  });

  it('changes identity only while the object is not exported', () => {
    const { lio } = newLio();
    const so = lio.createRamdisk({ name: 'r', size: 1024 });
    so.setIdentity({ productId: 'NEWNAME' });
    expect(so.identity().productId).toBe('NEWNAME');
    lio.fabric('loopback').createTarget().tpg(1).createLun(so);
    const err = expectError(() => so.setIdentity({ vendorId: 'X', productId: 'Y' }), KernelRefusedError, 'kernel-einval');
    expect(err.hint).toMatch(/only change while the object is not exported/);
    expect(so.identity()).toMatchObject({ productId: 'NEWNAME' });
  });
});
