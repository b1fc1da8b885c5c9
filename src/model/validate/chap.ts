import { invalid, ValidationCode } from './invalid.js';
import { describeChar, firstCharNotMatching, shown, utf8Length } from './text.js';

export type ChapField = 'userid' | 'password' | 'mutual_userid' | 'mutual_password';

/** The kernel's CHAP buffers are 256 bytes including the terminator. */
export const MAX_CHAP_LENGTH = 255;
/** RFC 3720 §8.2.1 asks for 96-bit secrets; the Microsoft initiator insists on 12-16 characters. */
export const MIN_RECOMMENDED_SECRET_LENGTH = 12;

/** Text the kernel stores and initiators send as typed: printable ASCII, spaces included. */
const isPrintable = (ch: string): boolean => ch >= ' ' && ch <= '~';
/** What passes every check below: up to MAX_CHAP_LENGTH printable ASCII characters ('' unsets). */
const ACCEPTED = new RegExp(`^[ -~]{0,${MAX_CHAP_LENGTH}}$`);
/** No credential can hold these: the kernel's string ends at NUL; open-iscsi's node records are lines. */
const IMPOSSIBLE = /[\0\n\r]/;

function isSecret(field: ChapField): boolean {
  return field === 'password' || field === 'mutual_password';
}

function label(field: ChapField, text: string): string {
  return isSecret(field) ? `CHAP ${field}` : `CHAP ${field} ${shown(text)}`;
}

/**
 * Checks a CHAP userid or secret and returns it trimmed (as rtslib stores it); '' means
 * "unset". Refuses only what the kernel refuses or cannot hold: more than 255 bytes, NUL,
 * a line break, a value starting with the kernel's `NULL` sentinel. Spaces and any other
 * character are kept (see chapCharacterWarning). Secrets are never echoed in messages.
 * Write the value without a trailing newline: the kernel counts it against the 255.
 */
export function normalizeChapValue(field: ChapField, value: string): string {
  const text = value.trim();
  // A restore checks thousands of credentials: the usual one passes one expression, and
  // the message's words are made only for a value that is refused.
  if (ACCEPTED.test(text) && !text.startsWith('NULL')) return text;
  const named = label(field, text);
  // The kernel clears the credential for any value that merely starts with NULL.
  if (text.startsWith('NULL')) {
    throw invalid(ValidationCode.chap, `${named} starts with 'NULL', which the kernel reads as unset; leave it empty to unset`);
  }
  const impossible = IMPOSSIBLE.exec(text)?.[0];
  if (impossible !== undefined) {
    throw invalid(ValidationCode.chap, `${named} contains ${describeChar(impossible)}; the kernel and initiators cannot hold it in a credential`);
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_CHAP_LENGTH) {
    throw invalid(ValidationCode.chap, `${named} is ${bytes} bytes; the kernel holds at most ${MAX_CHAP_LENGTH}`);
  }
  return text;
}

/** A warning for a character outside printable ASCII (a tab, 'é'): the kernel keeps it, but an initiator may send other bytes. */
export function chapCharacterWarning(field: ChapField, value: string): string | undefined {
  const text = value.trim();
  const bad = firstCharNotMatching(text, isPrintable);
  if (bad === undefined) return undefined;
  return `${label(field, text)} contains ${describeChar(bad)}; initiators may not send it as the kernel stores it (printable ASCII is safe)`;
}

/** The one-line warning for a value that is accepted: an unusual character, or a short secret. */
export function chapWarning(field: ChapField, value: string): string | undefined {
  return chapCharacterWarning(field, value) ?? (isSecret(field) ? weakSecretWarning(value, field) : undefined);
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
