import { describe, expect, it } from 'vitest';
import { generateSerial, generateWwn, normalizeWwn, type RandomBytes } from '../../../../src/model/validate/wwn.js';
import { expectInvalid } from './expect-invalid.js';

// Bytes 10 21 32 43 54 65 76 87 98 a9 ba cb dc ed fe 0f ...
const fixed: RandomBytes = (count) => Uint8Array.from({ length: count }, (_, i) => (0x10 + i * 0x11) & 0xff);
const host = { hostname: 'Storage_01.example.com', arch: 'x86_64', random: fixed };

describe('generateWwn', () => {
  it('makes targetcli-style IQNs from the short hostname and arch without "_"', () => {
    expect(generateWwn('iqn', host)).toBe('iqn.2003-01.org.linux-iscsi.storage01.x8664:sn.102132435465');
  });

  it('makes NAA and EUI names with the OpenIB OUI', () => {
    expect(generateWwn('naa', { random: fixed })).toBe('naa.5001405102132435');
    expect(generateWwn('eui', { random: fixed })).toBe('eui.0014051021324354');
  });

  it('makes UUIDs for unit_serial and free', () => {
    expect(generateWwn('unit_serial', { random: fixed })).toBe('10213243-5465-4687-98a9-bacbdcedfe0f');
    expect(generateWwn('free', { random: fixed })).toBe('10213243-5465-4687-98a9-bacbdcedfe0f');
  });

  it('generates names that pass its own validation', () => {
    for (const type of ['iqn', 'naa', 'eui', 'unit_serial', 'free'] as const) {
      const wwn = generateWwn(type, host);
      expect(normalizeWwn(wwn, [type])).toEqual({ type, wwn });
    }
  });

  it('falls back when the hostname has nothing usable', () => {
    expect(generateWwn('iqn', { hostname: '___', arch: 'x86_64', random: fixed })).toBe(
      'iqn.2003-01.org.linux-iscsi.localhost.x8664:sn.102132435465',
    );
    expect(generateWwn('iqn', { hostname: '', arch: '', random: fixed })).toBe(
      'iqn.2003-01.org.linux-iscsi.localhost.unknown:sn.102132435465',
    );
  });

  it('uses this machine and real randomness by default', () => {
    const a = generateWwn('iqn');
    const b = generateWwn('iqn');
    expect(a).toMatch(/^iqn\.2003-01\.org\.linux-iscsi\.[a-z0-9-]+\.[a-z0-9-]+:sn\.[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(generateWwn('naa')).toMatch(/^naa\.5001405[0-9a-f]{9}$/);
    expect(generateWwn('eui')).toMatch(/^eui\.001405[0-9a-f]{10}$/);
  });

  it('refuses to invent InfiniBand names', () => {
    expectInvalid(
      () => generateWwn('ib'),
      'bad-wwn',
      'Cannot generate an ib WWN: InfiniBand names come from the port hardware, give one',
    );
  });
});

describe('generateSerial', () => {
  it('sets the UUID version 4 and variant bits', () => {
    expect(generateSerial(() => new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(generateSerial(() => new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('is random by default', () => {
    const serial = generateSerial();
    expect(serial).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateSerial()).not.toBe(serial);
  });
});
