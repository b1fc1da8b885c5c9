import { describe, expect, it } from 'vitest';
import { INQUIRY_LIMITS, validateInquiryField } from '../../../../src/model/validate/inquiry.js';
import { expectInvalid } from './expect-invalid.js';

describe('validateInquiryField', () => {
  it('has the SCSI field widths', () => {
    expect(INQUIRY_LIMITS).toEqual({ vendor_id: 8, product_id: 16, revision: 4 });
  });

  it('accepts printable ASCII up to the width, trimmed like the kernel does', () => {
    expect(validateInquiryField('vendor_id', 'LIO-ORG')).toBe('LIO-ORG');
    expect(validateInquiryField('vendor_id', 'ABCDEFGH')).toBe('ABCDEFGH');
    expect(validateInquiryField('product_id', 'My Disk  ~ 1.0 !')).toBe('My Disk  ~ 1.0 !');
    expect(validateInquiryField('revision', ' 4.0 ')).toBe('4.0');
  });

  it('rejects values that are too long', () => {
    expectInvalid(
      () => validateInquiryField('vendor_id', 'ABCDEFGHI'),
      'bad-inquiry',
      "vendor_id 'ABCDEFGHI' is 9 characters; the maximum is 8",
    );
    expectInvalid(
      () => validateInquiryField('product_id', 'P'.repeat(17)),
      'bad-inquiry',
      `product_id '${'P'.repeat(17)}' is 17 characters; the maximum is 16`,
    );
    expectInvalid(() => validateInquiryField('revision', '1.0.0'), 'bad-inquiry', "revision '1.0.0' is 5 characters; the maximum is 4");
  });

  it('rejects non-printable and non-ASCII characters', () => {
    expectInvalid(
      () => validateInquiryField('vendor_id', 'A\tB'),
      'bad-inquiry',
      "vendor_id 'A\\tB' contains a tab; use printable ASCII only",
    );
    expectInvalid(() => validateInquiryField('product_id', 'Disqué'), 'bad-inquiry', "product_id 'Disqué' contains 'é'; use printable ASCII only");
  });

  it('rejects empty values', () => {
    expectInvalid(() => validateInquiryField('revision', '  '), 'bad-inquiry', 'revision is empty; give 1 to 4 printable ASCII characters');
  });
});
