import { describe, expect, it } from 'vitest';
import { scopeFromPath } from '../../../src/cli/top/scope-from-path.js';
import { topJson } from '../../../src/cli/top/top-json.js';
import { NotFoundError, UsageError } from '../../../src/errors/index.js';
import { newLio } from '../model/helpers.js';
import { initiatorRate, lunRate, someRates, TARGET, warning } from './rates-fixture.js';

function setup() {
  const { lio } = newLio();
  const tpg = lio.fabric('iscsi').createTarget({ wwn: TARGET, tpg: {} }).tpg(1);
  tpg.createLun(lio.createRamdisk({ name: 'r0', size: 4096 }), { lun: 0 });
  const loop = lio.fabric('loopback').createTarget();
  loop.tpg(1).createLun(lio.createRamdisk({ name: 'r1', size: 4096 }), { lun: 3 });
  return { lio, loop };
}

describe('top paths', () => {
  it('narrow the view to a fabric, target, TPG, LUN or storage object, as the shell names them', () => {
    const { lio, loop } = setup();
    expect(scopeFromPath(lio, '/')).toEqual({});
    expect(scopeFromPath(lio, '/iscsi')).toEqual({ fabric: 'iscsi' });
    expect(scopeFromPath(lio, `/iscsi/${TARGET}`)).toEqual({ fabric: 'iscsi', target: TARGET });
    expect(scopeFromPath(lio, `/iscsi/${TARGET}/tpg1/`)).toEqual({ fabric: 'iscsi', target: TARGET, tpg: 1 });
    expect(scopeFromPath(lio, `/iscsi/${TARGET}/tpg1/luns`)).toEqual({ fabric: 'iscsi', target: TARGET, tpg: 1 });
    expect(scopeFromPath(lio, `/iscsi/${TARGET}/tpg1/luns/lun0`)).toEqual({ fabric: 'iscsi', target: TARGET, tpg: 1, lun: 0 });
    // Single-TPG fabrics have no tpgN level in the shell.
    expect(scopeFromPath(lio, `/loopback/${loop.wwn}/luns/lun3`)).toEqual({ fabric: 'loopback', target: loop.wwn, tpg: 1, lun: 3 });
    expect(scopeFromPath(lio, '/backstores/ramdisk/r1')).toEqual({ storageObject: 'ramdisk/r1' });
  });

  it('name a user object by its user:<handler> directory', () => {
    const { lio } = setup();
    lio.createUser({ name: 'q1', handler: 'qcow', size: '1M', config: '/var/tmp/q1.qcow2' });
    expect(scopeFromPath(lio, '/backstores/user:qcow/q1')).toEqual({ storageObject: 'user/q1' });
  });

  it('are checked against the configuration, so a typo is an error, not an empty screen', () => {
    const { lio } = setup();
    expect(() => scopeFromPath(lio, '/iscsi/iqn.2003-01.org.example:nope')).toThrow(NotFoundError);
    expect(() => scopeFromPath(lio, `/iscsi/${TARGET}/tpg2`)).toThrow(NotFoundError);
    expect(() => scopeFromPath(lio, `/iscsi/${TARGET}/tpg1/luns/lun9`)).toThrow(NotFoundError);
    expect(() => scopeFromPath(lio, '/backstores/ramdisk/nope')).toThrow(NotFoundError);
    for (const bad of ['/nowhere', '/backstores', '/backstores/ramdisk', `/iscsi/${TARGET}/acls`, `/iscsi/${TARGET}/tpg1/portals`]) {
      expect(() => scopeFromPath(lio, bad), bad).toThrow(UsageError);
    }
  });
});

describe('top --once --json', () => {
  it('prints rates rounded to thousandths, null where nothing could be measured yet', () => {
    const doc = topJson(someRates([lunRate(0, 1234.56789, 1 / 3, 0), lunRate(1, undefined)], [initiatorRate('iqn.1994-05.com.example:h', 2 / 3)], [warning(1)], 2.0004), '/iscsi', Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(doc).toEqual({
      kind: 'top',
      data: {
        path: '/iscsi',
        // takenAtMs 5000 after the origin, 2.0004 s long.
        from: '2025-01-02T03:04:07.999Z',
        to: '2025-01-02T03:04:10.000Z',
        seconds: 2,
        sessions: 1,
        luns: [
          { fabric: 'iscsi', target: TARGET, tpg: 1, lun: 0, storageObject: 'fileio/disk0', iops: 1234.568, readMiBps: 0.333, writeMiBps: 0 },
          { fabric: 'iscsi', target: TARGET, tpg: 1, lun: 1, storageObject: 'fileio/disk1', iops: null, readMiBps: null, writeMiBps: null },
        ],
        initiators: [
          {
            fabric: 'iscsi',
            target: TARGET,
            tpg: 1,
            initiator: 'iqn.1994-05.com.example:h',
            alias: null,
            sid: 1,
            dynamic: false,
            state: 'LOGGED_IN',
            address: '192.0.2.10',
            connections: 1,
            commandsPerSec: 0.667,
            readMiBps: 1.5,
            writeMiBps: 0.25,
            luns: [],
          },
        ],
        warnings: [{ kind: 'backstore-deactivated', object: 'fileio/spare1', message: 'Storage object fileio/spare1 is deactivated: no LUN exports it' }],
      },
    });
  });
});
