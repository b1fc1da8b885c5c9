import { describe, expect, it } from 'vitest';
import * as validate from '../../../../src/model/validate/index.js';

describe('validate index', () => {
  it('re-exports the whole validation layer', () => {
    const expected = [
      'normalizeWwn',
      'toFabricWwn',
      'fromFabricWwn',
      'generateWwn',
      'generateSerial',
      'isWwnType',
      'validateName',
      'validateTagName',
      'parseSize',
      'humanSize',
      'parsePortalAddress',
      'parsePortalPort',
      'portalDirName',
      'parsePortalDirName',
      'formatPortalAddress',
      'parseLun',
      'parseMappedLun',
      'parseTpgTag',
      'parseAluaGroupId',
      'normalizeChapValue',
      'weakSecretWarning',
      'parseBool',
      'validateInquiryField',
    ];
    for (const name of expected) expect(typeof (validate as Record<string, unknown>)[name], name).toBe('function');
  });

  it('exposes the stable error codes', () => {
    expect(Object.values(validate.ValidationCode).sort()).toEqual([
      'bad-bool',
      'bad-chap',
      'bad-inquiry',
      'bad-lun',
      'bad-name',
      'bad-portal',
      'bad-size',
      'bad-tag',
      'bad-wwn',
    ]);
  });
});
