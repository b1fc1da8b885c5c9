import { describe, expect, it } from 'vitest';
import { isWwnType, normalizeWwn, WWN_TYPES, type WwnType } from '../../../../src/model/validate/wwn.js';
import { expectInvalid } from './expect-invalid.js';

const ISCSI: readonly WwnType[] = ['iqn', 'naa', 'eui'];
const bad = (input: string, types: readonly WwnType[], message: string): void => {
  expectInvalid(() => normalizeWwn(input, types), 'bad-wwn', message);
};

describe('normalizeWwn: iqn', () => {
  it('accepts a generated-style IQN unchanged', () => {
    const wwn = 'iqn.2003-01.org.linux-iscsi.host.x8664:sn.abcdef012345';
    expect(normalizeWwn(wwn, ISCSI)).toEqual({ type: 'iqn', wwn });
  });

  it('trims and lowercases', () => {
    expect(normalizeWwn('  IQN.1994-05.Com.RedHat:Client1 ', ISCSI)).toEqual({
      type: 'iqn',
      wwn: 'iqn.1994-05.com.redhat:client1',
    });
  });

  it('accepts an IQN without a unique part and with ":" and "." inside the unique part', () => {
    expect(normalizeWwn('iqn.2001-04.com.example', ISCSI).wwn).toBe('iqn.2001-04.com.example');
    expect(normalizeWwn('iqn.1986-03.com.sun:02:a1b2.c3', ISCSI).wwn).toBe('iqn.1986-03.com.sun:02:a1b2.c3');
  });

  it('accepts letters of other scripts and folds compatibility forms (RFC 3722)', () => {
    expect(normalizeWwn('iqn.2003-01.org.example:ディスク', ISCSI).wwn).toBe('iqn.2003-01.org.example:ディスク');
    expect(normalizeWwn('iqn.2003-01.org.example:ＤＩＳＫ１', ISCSI).wwn).toBe('iqn.2003-01.org.example:disk1');
  });

  it('accepts what rtslib and the kernel accept, with a warning naming the RFC 3720 rule', () => {
    const warned = (input: string, warning: string): void => {
      expect(normalizeWwn(input, ISCSI)).toEqual({ type: 'iqn', wwn: input, warning });
    };
    warned('iqn.2022-00.example.target', "'iqn.2022-00.example.target' has month 00; RFC 3720 dates are yyyy-mm with month 01-12");
    warned('iqn.2016-17.chelsio.org7', "'iqn.2016-17.chelsio.org7' has month 17; RFC 3720 dates are yyyy-mm with month 01-12");
    warned(
      'iqn.2003-01.zettor:127.0.0.1',
      "'iqn.2003-01.zettor:127.0.0.1' has naming authority 'zettor'; RFC 3720 asks for a reversed domain name such as com.example",
    );
    warned('iqn.2003-01.org..example', "'iqn.2003-01.org..example' has naming authority 'org..example'; RFC 3720 asks for a reversed domain name such as com.example");
    warned('iqn.2003-01.org.example:', "'iqn.2003-01.org.example:' ends with ':'; RFC 3720 puts a unique name after the ':'");
    warned('iqn.2003-01.org.example:a@b+c', "'iqn.2003-01.org.example:a@b+c' contains '@'; RFC 3722 allows only letters, digits, '-', '.' and ':'");
  });

  it('refuses what rtslib refuses: no yyyy-mm date, no second dot, month 20 and above', () => {
    const rule = 'is not iqn.yyyy-mm.naming.authority[:unique] (targetcli refuses it too)';
    bad('iqn.2003-1.org.example', ISCSI, `WWN not valid as: iqn, naa, eui: 'iqn.2003-1.org.example' ${rule}`);
    bad('iqn.org.example', ISCSI, `WWN not valid as: iqn, naa, eui: 'iqn.org.example' ${rule}`);
    bad('iqn.2003-20.org.example', ['iqn'], `WWN not valid as: iqn: 'iqn.2003-20.org.example' ${rule}`);
    bad('iqn.2003-01.example', ['iqn'], `WWN not valid as: iqn: 'iqn.2003-01.example' ${rule}`);
  });

  it('refuses underscore and space like rtslib, and what no name can hold', () => {
    const rule = "iSCSI names cannot contain spaces, '_', '/' or control characters";
    bad('iqn.1991-05.com.microsoft:my_host', ISCSI, `WWN not valid as: iqn, naa, eui: 'iqn.1991-05.com.microsoft:my_host' contains '_'; ${rule}`);
    bad('iqn.2003-01.org.example:a b', ISCSI, `WWN not valid as: iqn, naa, eui: 'iqn.2003-01.org.example:a b' contains a space; ${rule}`);
    bad('iqn.2003-01.org.example:a/b', ['iqn'], `WWN not valid as: iqn: 'iqn.2003-01.org.example:a/b' contains '/'; ${rule}`);
    bad('iqn.2003-01.org.example:a\u0000b', ['iqn'], `WWN not valid as: iqn: 'iqn.2003-01.org.example:a\\u{0}b' contains a NUL byte; ${rule}`);
  });

  it('allows exactly 223 bytes, as the kernel does', () => {
    const head = 'iqn.2003-01.org.example:';
    const longest = head + 'a'.repeat(223 - head.length);
    expect(normalizeWwn(longest, ['iqn']).wwn).toBe(longest);
    expectInvalid(
      () => normalizeWwn(`${longest}a`, ['iqn']),
      'bad-wwn',
      /^WWN not valid as: iqn: 'iqn\.2003-01\.org\.example:a+\.\.\.' is 224 bytes; the kernel takes iSCSI names of at most 223 bytes$/,
    );
  });

  it('counts bytes, not characters', () => {
    const head = 'iqn.2003-01.org.example:';
    // 'é' is 2 bytes in UTF-8
    expectInvalid(() => normalizeWwn(head + 'é'.repeat(100), ['iqn']), 'bad-wwn', /is 224 bytes/);
  });
});

describe('normalizeWwn: naa', () => {
  it('converts the Fibre Channel colon form (reference example)', () => {
    expect(normalizeWwn('21:00:00:24:ff:67:44:0c', ['naa'])).toEqual({ type: 'naa', wwn: 'naa.21000024ff67440c' });
  });

  it('strips 0x, dashes and colons and lowercases', () => {
    expect(normalizeWwn('0x5001405ABCDEF012', ['naa']).wwn).toBe('naa.5001405abcdef012');
    expect(normalizeWwn('naa.50-01-40-5a-bc-de-f0-12', ['naa']).wwn).toBe('naa.5001405abcdef012');
    expect(normalizeWwn('NAA.5001405ABCDEF012', ['naa']).wwn).toBe('naa.5001405abcdef012');
  });

  it('accepts NAA types 1, 2, 5 and c-f for 16 digits', () => {
    for (const first of ['1', '2', '5', 'c', 'd', 'e', 'f']) {
      expect(normalizeWwn(`naa.${first}001405abcdef012`, ['naa']).wwn).toBe(`naa.${first}001405abcdef012`);
    }
  });

  it('rewrites legacy 16-digit naa.6 to naa.5 and says so', () => {
    expect(normalizeWwn('naa.6001405abcdef012', ['naa'])).toEqual({
      type: 'naa',
      wwn: 'naa.5001405abcdef012',
      rewrittenFrom: 'naa.6001405abcdef012',
    });
  });

  it('refuses the legacy form when the identity must not change', () => {
    expectInvalid(
      () => normalizeWwn('naa.6001405abcdef012', ['naa'], { rewriteLegacyNaa: false }),
      'bad-wwn',
      "WWN not valid as: naa: 'naa.6001405abcdef012' is the legacy 16-digit NAA type 6 form; use naa.5001405abcdef012",
    );
  });

  it('accepts 32-digit NAA type 6 (RFC 3980) unchanged', () => {
    const wwn = 'naa.6001405abcdef0123456789abcdef012';
    expect(normalizeWwn(wwn.toUpperCase().replace('NAA.', 'naa.'), ['naa'])).toEqual({ type: 'naa', wwn });
  });

  it('explains wrong types and lengths', () => {
    bad(
      'naa.3001405abcdef012',
      ['naa'],
      "WWN not valid as: naa: 'naa.3001405abcdef012' has NAA type 3; 16-digit NAA names start with 1, 2, 5 or c-f",
    );
    bad(
      'naa.5001405abcdef0123456789abcdef012',
      ['naa'],
      "WWN not valid as: naa: 'naa.5001405abcdef0123456789abcdef012' has NAA type 5; 32-digit NAA names start with 6",
    );
    bad('naa.5001405abcdef01', ['naa'], "WWN not valid as: naa: 'naa.5001405abcdef01' has 15 hex digits; NAA names have 16 or 32");
    bad(
      'naa.5001405abcdef01g',
      ['naa'],
      "WWN not valid as: naa: 'naa.5001405abcdef01g' contains 'g'; NAA names are hex digits",
    );
  });
});

describe('normalizeWwn: eui, ib, unit_serial, free', () => {
  it('normalises EUI-64', () => {
    expect(normalizeWwn('eui.0123456789ABCDEF', ['eui'])).toEqual({ type: 'eui', wwn: 'eui.0123456789abcdef' });
    expect(normalizeWwn('01:23:45:67:89:ab:cd:ef', ['eui']).wwn).toBe('eui.0123456789abcdef');
    bad('eui.0123', ['eui'], "WWN not valid as: eui: 'eui.0123' has 4 hex digits; EUI names have 16");
  });

  it('normalises InfiniBand GIDs from srpt spellings', () => {
    const wwn = 'ib.fe800000000000000002c90300f1a5e1';
    expect(normalizeWwn('fe80:0000:0000:0000:0002:c903:00f1:a5e1', ['ib'])).toEqual({ type: 'ib', wwn });
    expect(normalizeWwn('0xFE800000000000000002C90300F1A5E1', ['ib']).wwn).toBe(wwn);
    bad('ib.fe80', ['ib'], "WWN not valid as: ib: 'ib.fe80' has 4 hex digits; InfiniBand (ib.) names have 32");
  });

  it('accepts a UUID as unit serial, lowercased', () => {
    expect(normalizeWwn('ABCDEF01-2345-4678-9ABC-DEF012345678', ['unit_serial'])).toEqual({
      type: 'unit_serial',
      wwn: 'abcdef01-2345-4678-9abc-def012345678',
    });
    bad(
      'not-a-uuid',
      ['unit_serial'],
      "WWN not valid as: unit_serial: 'not-a-uuid' is not a UUID such as 6ba7b810-9dad-41d1-80b4-00c04fd430c8",
    );
  });

  it('accepts free-form names but not path breakers', () => {
    expect(normalizeWwn(' Vio@30000002 ', ['free'])).toEqual({ type: 'free', wwn: 'vio@30000002' });
    bad('a/b', ['free'], "WWN not valid as: free: 'a/b' contains '/'; names cannot contain '/', spaces or control characters");
    bad('a\tb', ['free'], "WWN not valid as: free: 'a\\tb' contains a tab; names cannot contain '/', spaces or control characters");
    bad('..', ['free'], "WWN not valid as: free: '..' is not a usable directory name");
  });
});

describe('normalizeWwn: type order and explanations', () => {
  it('tries the types in the given order, as rtslib does', () => {
    expect(normalizeWwn('5001405abcdef012', ISCSI)).toEqual({ type: 'naa', wwn: 'naa.5001405abcdef012' });
    // not a valid NAA type, so the next type (eui) takes it
    expect(normalizeWwn('3001405abcdef012', ISCSI)).toEqual({ type: 'eui', wwn: 'eui.3001405abcdef012' });
    expect(normalizeWwn('5001405abcdef012', ['eui', 'naa'])).toEqual({ type: 'eui', wwn: 'eui.5001405abcdef012' });
  });

  it('reports an empty WWN', () => {
    bad('   ', ISCSI, 'WWN not valid as: iqn, naa, eui: the WWN is empty');
  });

  it('says when the name is of a type the caller does not accept', () => {
    bad(
      'iqn.2003-01.org.example:x',
      ['naa'],
      "WWN not valid as: naa: 'iqn.2003-01.org.example:x' is an IQN name, which is not accepted here; expected naa.<16 or 32 hex digits>",
    );
    bad(
      'eui.0123456789abcdef',
      ['iqn', 'naa'],
      "WWN not valid as: iqn, naa: 'eui.0123456789abcdef' is an EUI name, which is not accepted here; expected iqn.yyyy-mm.reversed.domain[:unique] or naa.<16 or 32 hex digits>",
    );
  });

  it('explains bare hex by the first hex type allowed', () => {
    bad('0123', ISCSI, "WWN not valid as: iqn, naa, eui: '0123' has 4 hex digits; NAA names have 16 or 32");
  });

  it('lists the accepted forms when nothing fits', () => {
    bad(
      'hello',
      ISCSI,
      "WWN not valid as: iqn, naa, eui: 'hello' matches none of: iqn.yyyy-mm.reversed.domain[:unique] or naa.<16 or 32 hex digits> or eui.<16 hex digits>",
    );
  });

  it('keeps messages on one line even for hostile input', () => {
    bad('bad\nname', ['naa'], "WWN not valid as: naa: 'bad\\nname' contains a newline; NAA names are hex digits");
  });
});

describe('WWN_TYPES / isWwnType', () => {
  it('lists the six types', () => {
    expect(WWN_TYPES).toEqual(['iqn', 'naa', 'eui', 'ib', 'unit_serial', 'free']);
    expect(isWwnType('naa')).toBe(true);
    expect(isWwnType('wwpn')).toBe(false);
  });
});
