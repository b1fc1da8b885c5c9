import { invalid, ValidationCode } from './invalid.js';
import { describeChar, firstCharNotMatching, shown } from './text.js';

/** Field widths of the SCSI standard INQUIRY data. */
export const INQUIRY_LIMITS = { vendor_id: 8, product_id: 16, revision: 4 } as const;
export type InquiryField = keyof typeof INQUIRY_LIMITS;

// SPC-4 4.3.1: ASCII data fields hold only 0x20-0x7e; the kernel refuses anything else.
const isPrintableAscii = (ch: string): boolean => ch >= ' ' && ch <= '~';

/**
 * Checks an INQUIRY identity field and returns it trimmed, as the kernel strips surrounding
 * whitespace before storing it.
 */
export function validateInquiryField(field: InquiryField, value: string): string {
  const max = INQUIRY_LIMITS[field];
  const text = value.trim();
  if (text === '') throw invalid(ValidationCode.inquiry, `${field} is empty; give 1 to ${max} printable ASCII characters`);
  const bad = firstCharNotMatching(text, isPrintableAscii);
  if (bad !== undefined) {
    throw invalid(ValidationCode.inquiry, `${field} ${shown(text)} contains ${describeChar(bad)}; use printable ASCII only`);
  }
  if (text.length > max) {
    throw invalid(ValidationCode.inquiry, `${field} ${shown(text)} is ${text.length} characters; the maximum is ${max}`);
  }
  return text;
}
