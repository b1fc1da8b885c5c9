import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORTAL_ADDRESS,
  DEFAULT_PORTAL_PORT,
  formatPortalAddress,
  parsePortalAddress,
  parsePortalDirName,
  parsePortalPort,
  portalDirName,
} from '../../../../src/model/validate/portal.js';
import { expectInvalid } from './expect-invalid.js';

const LINK_LOCAL_RULE = 'link-local IPv6 portals are not supported; use a global or unique-local address, or ::0';

describe('parsePortalAddress', () => {
  it('accepts IPv4 dotted quads', () => {
    expect(parsePortalAddress('192.0.2.10')).toEqual({ family: 'ipv4', address: '192.0.2.10' });
    expect(parsePortalAddress(' 0.0.0.0 ')).toEqual({ family: 'ipv4', address: '0.0.0.0' });
  });

  it('accepts IPv6 with or without brackets and keeps its spelling (::0 stays ::0)', () => {
    expect(parsePortalAddress('::0')).toEqual({ family: 'ipv6', address: '::0' });
    expect(parsePortalAddress('[::0]')).toEqual({ family: 'ipv6', address: '::0' });
    expect(parsePortalAddress('2001:DB8::1')).toEqual({ family: 'ipv6', address: '2001:DB8::1' });
    expect(parsePortalAddress('::ffff:192.0.2.1')).toEqual({ family: 'ipv6', address: '::ffff:192.0.2.1' });
    expect(parsePortalAddress('fd00::1')).toEqual({ family: 'ipv6', address: 'fd00::1' });
  });

  it('the default is all addresses', () => {
    expect(parsePortalAddress(DEFAULT_PORTAL_ADDRESS)).toEqual({ family: 'ipv6', address: '::0' });
    expect(DEFAULT_PORTAL_PORT).toBe(3260);
  });

  it('rejects link-local IPv6, with or without a scope', () => {
    expectInvalid(
      () => parsePortalAddress('fe80::1%eth0'),
      'bad-portal',
      `Portal address 'fe80::1%eth0' has a scope (%...); ${LINK_LOCAL_RULE}`,
    );
    expectInvalid(
      () => parsePortalAddress('[fe80::1%25eth0]'),
      'bad-portal',
      `Portal address '[fe80::1%25eth0]' has a scope (%...); ${LINK_LOCAL_RULE}`,
    );
    expectInvalid(() => parsePortalAddress('FE80::1'), 'bad-portal', `Portal address 'FE80::1' is link-local; ${LINK_LOCAL_RULE}`);
    expectInvalid(() => parsePortalAddress('[febf::1]'), 'bad-portal', `Portal address '[febf::1]' is link-local; ${LINK_LOCAL_RULE}`);
  });

  it.each(['localhost', 'target.example.com', '256.1.1.1', '192.168.01.1', '192.0.2', '[192.0.2.1]', '::1]', '[::1', '1.2.3.4:3260', ':::'])(
    'rejects %j',
    (input) => {
      expectInvalid(
        () => parsePortalAddress(input),
        'bad-portal',
        `Portal address '${input}' is not an IPv4 or IPv6 address; use e.g. 192.0.2.10, 2001:db8::1 or ::0`,
      );
    },
  );

  it('rejects an empty address', () => {
    expectInvalid(
      () => parsePortalAddress('  '),
      'bad-portal',
      'Portal address is empty; give an IP address such as 192.0.2.10 or ::0',
    );
  });
});

describe('parsePortalPort', () => {
  it('accepts 1-65535 as text or number', () => {
    expect(parsePortalPort('3260')).toBe(3260);
    expect(parsePortalPort(3261)).toBe(3261);
    expect(parsePortalPort('1')).toBe(1);
    expect(parsePortalPort('65535')).toBe(65535);
  });

  it('rejects out-of-range ports', () => {
    expectInvalid(() => parsePortalPort('0'), 'bad-portal', 'Portal port 0 is out of range; use 1-65535');
    expectInvalid(() => parsePortalPort(65536), 'bad-portal', 'Portal port 65536 is out of range; use 1-65535');
  });

  it.each(['abc', '', '-1', '32.5', '0x10', '3260 x'])('rejects %j', (input) => {
    expectInvalid(() => parsePortalPort(input), 'bad-portal', `Portal port '${input.trim()}' is not a number; use 1-65535`);
  });
});

describe('portal directory names', () => {
  it('brackets IPv6 for display, saving and configfs', () => {
    expect(formatPortalAddress({ family: 'ipv6', address: '::0' })).toBe('[::0]');
    expect(formatPortalAddress({ family: 'ipv4', address: '192.0.2.10' })).toBe('192.0.2.10');
    expect(portalDirName({ family: 'ipv6', address: '::0', port: 3260 })).toBe('[::0]:3260');
    expect(portalDirName({ family: 'ipv4', address: '192.0.2.10', port: 3261 })).toBe('192.0.2.10:3261');
  });

  it('parses directory names back', () => {
    expect(parsePortalDirName('[::0]:3260')).toEqual({ family: 'ipv6', address: '::0', port: 3260 });
    expect(parsePortalDirName('[2001:db8::1]:3261')).toEqual({ family: 'ipv6', address: '2001:db8::1', port: 3261 });
    expect(parsePortalDirName('0.0.0.0:3260')).toEqual({ family: 'ipv4', address: '0.0.0.0', port: 3260 });
  });

  it('round-trips', () => {
    for (const name of ['[::0]:3260', '192.0.2.10:3261', '[fd00::1]:860']) {
      expect(portalDirName(parsePortalDirName(name))).toBe(name);
    }
  });

  it('rejects names that are not ip:port', () => {
    for (const name of ['192.0.2.10', '[::1]', 'foo', '']) {
      expectInvalid(() => parsePortalDirName(name), 'bad-portal', `Portal directory name '${name}' is not ip:port or [ipv6]:port`);
    }
    expectInvalid(
      () => parsePortalDirName('::1:3260'),
      'bad-portal',
      "Portal directory name '::1:3260' needs brackets around the IPv6 address",
    );
    expectInvalid(() => parsePortalDirName('192.0.2.10:0'), 'bad-portal', 'Portal port 0 is out of range; use 1-65535');
  });
});
