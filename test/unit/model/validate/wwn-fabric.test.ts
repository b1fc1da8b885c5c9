import { describe, expect, it } from 'vitest';
import { fromFabricWwn, normalizeWwn, toFabricWwn } from '../../../../src/model/validate/wwn.js';
import { expectInvalid } from './expect-invalid.js';

describe('toFabricWwn / fromFabricWwn', () => {
  it.each(['qla2xxx', 'efct', 'tcm_fc'])('%s uses colon pairs without naa.', (fabric) => {
    expect(toFabricWwn(fabric, 'naa.21000024ff67440c')).toBe('21:00:00:24:ff:67:44:0c');
    expect(fromFabricWwn(fabric, '21:00:00:24:ff:67:44:0c')).toBe('naa.21000024ff67440c');
    expect(fromFabricWwn(fabric, '21:00:00:24:FF:67:44:0C')).toBe('naa.21000024ff67440c');
  });

  it('srpt uses 0x and 32 hex digits', () => {
    const wwn = 'ib.fe800000000000000002c90300f1a5e1';
    expect(toFabricWwn('srpt', wwn)).toBe('0xfe800000000000000002c90300f1a5e1');
    expect(fromFabricWwn('srpt', '0xfe800000000000000002c90300f1a5e1')).toBe(wwn);
    expect(fromFabricWwn('srpt', 'fe80:0000:0000:0000:0002:c903:00f1:a5e1')).toBe(wwn);
  });

  it('sbp drops eui.', () => {
    expect(toFabricWwn('sbp', 'eui.0123456789abcdef')).toBe('0123456789abcdef');
    expect(fromFabricWwn('sbp', '0123456789abcdef')).toBe('eui.0123456789abcdef');
  });

  it.each(['iscsi', 'loopback', 'vhost', 'xen-pvscsi', 'usb_gadget', 'ibmvscsis'])('%s keeps the WWN as it is', (fabric) => {
    for (const wwn of ['iqn.2003-01.org.example:t1', 'naa.5001405abcdef012', 'eui.0123456789abcdef', '30000002']) {
      expect(toFabricWwn(fabric, wwn)).toBe(wwn);
      expect(fromFabricWwn(fabric, wwn)).toBe(wwn);
    }
  });

  it('round-trips every normalised WWN the fabric accepts', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['qla2xxx', '21:00:00:24:ff:67:44:0c'],
      ['tcm_fc', '0x2000001b21a7c0e4'],
      ['srpt', '0xfe800000000000000002c90300f1a5e1'],
      ['sbp', '0x0123456789abcdef'],
    ];
    for (const [fabric, input] of cases) {
      const type = fabric === 'srpt' ? 'ib' : fabric === 'sbp' ? 'eui' : 'naa';
      const { wwn } = normalizeWwn(input, [type]);
      expect(fromFabricWwn(fabric, toFabricWwn(fabric, wwn))).toBe(wwn);
    }
  });

  it('refuses WWNs the fabric cannot spell', () => {
    expectInvalid(
      () => toFabricWwn('qla2xxx', 'naa.6001405abcdef0123456789abcdef012'),
      'bad-wwn',
      "qla2xxx needs an naa WWN of 16 hex digits, got 'naa.6001405abcdef0123456789abcdef012'",
    );
    expectInvalid(
      () => toFabricWwn('srpt', 'naa.5001405abcdef012'),
      'bad-wwn',
      "srpt needs an ib WWN of 32 hex digits, got 'naa.5001405abcdef012'",
    );
    expectInvalid(() => toFabricWwn('sbp', 'eui.0123'), 'bad-wwn', "sbp needs an eui WWN of 16 hex digits, got 'eui.0123'");
  });
});
