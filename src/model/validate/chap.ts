import { invalid, ValidationCode } from './invalid.js';
import { describeChar, firstCharNotMatching, shown } from './text.js';

export type ChapField = 'userid' | 'password' | 'mutual_userid' | 'mutual_password';

/** The kernel's CHAP buffers are 256 bytes including the terminator. */
export const MAX_CHAP_LENGTH = 255;
/** RFC 3720 §8.2.1 asks for 96-bit secrets; the Microsoft initiator insists on 12-16 characters. */
export const MIN_RECOMMENDED_SECRET_LENGTH = 12;

const isPrintableNonSpace = (ch: string): boolean => ch >= '!' && ch <= '~';
/** What passes every check below: up to MAX_CHAP_LENGTH printable ASCII characters without spaces ('' unsets). */
const ACCEPTED = new RegExp(`^[!-~]{0,${MAX_CHAP_LENGTH}}$`);

function isSecret(field: ChapField): boolean {
  return field === 'password' || field === 'mutual_password';
}

/**
 * Checks a CHAP userid or secret and returns it trimmed (as rtslib stores it); '' means
 * "unset". Allowed: printable ASCII without spaces, at most 255 characters, not starting
 * with the kernel's `NULL` sentinel. Secrets are never echoed in messages. Write the value
 * without a trailing newline: the kernel counts it against the 255.
 */
export function normalizeChapValue(field: ChapField, value: string): string {
  const text = value.trim();
  // A restore checks thousands of credentials: the usual one passes one expression, and
  // the message's words are made only for a value that is refused.
  if (ACCEPTED.test(text) && !text.startsWith('NULL')) return text;
  const label = `CHAP ${field}`;
  const named = isSecret(field) ? label : `${label} ${shown(text)}`;
  // The kernel clears the credential for any value that merely starts with NULL.
  if (text.startsWith('NULL')) {
    throw invalid(ValidationCode.chap, `${named} starts with 'NULL', which the kernel reads as unset; leave it empty to unset`);
  }
  if (text.length > MAX_CHAP_LENGTH) {
    throw invalid(ValidationCode.chap, `${named} is ${text.length} characters; the maximum is ${MAX_CHAP_LENGTH}`);
  }
  const bad = firstCharNotMatching(text, isPrintableNonSpace);
  if (bad !== undefined) {
    throw invalid(ValidationCode.chap, `${named} contains ${describeChar(bad)}; use printable ASCII characters without spaces`);
  }
  return text;
}

/** A warning for a secret shorter than 12 characters, or undefined (also for an unset one). */
export function weakSecretWarning(secret: string, field: ChapField = 'password'): string | undefined {
  const length = secret.trim().length;
  if (length === 0 || length >= MIN_RECOMMENDED_SECRET_LENGTH) return undefined;
  return (
    `CHAP ${field} is only ${length} characters; use at least ${MIN_RECOMMENDED_SECRET_LENGTH} ` +
    '(RFC 3720 recommends 96-bit secrets, Microsoft initiators require 12-16)'
  );
}
