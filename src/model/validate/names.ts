import { invalid, ValidationCode } from './invalid.js';
import { describeChar, firstCharNotMatching, shown, utf8Length } from './text.js';

/**
 * configfs NAME_MAX, and the kernel's 256-byte buffer for ALUA group names. targetcli sets
 * no lower limit, so saved configurations with long names must still restore.
 */
export const MAX_NAME_BYTES = 255;
/** The kernel's ACL tag buffer is 64 bytes including the terminator. */
export const MAX_TAG_BYTES = 63;

export type NameKind = 'Storage object' | 'ALUA group';

// What targetcli's grammar takes in a name (configshell's value characters but '*', a path
// wildcard, and '/'), so every configuration targetcli made restores; spaces, control and
// non-ASCII characters it cannot type are refused.
const NAME_CHARS = 'A-Za-z0-9:_.[\\]?;&$!#,=+<>()~@%-';
const NAME_CHAR = new RegExp(`^[${NAME_CHARS}]$`);
/** A name of those characters alone, each one byte: within maxBytes it passes every check. */
const PLAIN_NAME = new RegExp(`^[${NAME_CHARS}]+$`);
const isNameChar = (ch: string): boolean => NAME_CHAR.test(ch);
const NAME_RULE = 'use letters, digits and punctuation other than / * \\ \' " ` ^ { } |';
const TAG_RULE = 'use letters, digits and punctuation other than . / * \\ \' " ` ^ { } |';

function checkCommon(what: string, name: string, rule: string, maxBytes: number): void {
  // A restore checks thousands of names: the usual one passes one expression, and the
  // character-by-character search below only runs to say what is wrong.
  if (name.length <= maxBytes && name !== '.' && name !== '..' && PLAIN_NAME.test(name)) return;
  if (name === '') throw invalid(ValidationCode.name, `${what} is empty; ${rule}`);
  if (name === '.' || name === '..') {
    throw invalid(ValidationCode.name, `${what} ${shown(name)} is reserved for path navigation; choose another name`);
  }
  const bad = firstCharNotMatching(name, isNameChar);
  if (bad !== undefined) throw invalid(ValidationCode.name, `${what} ${shown(name)} contains ${describeChar(bad)}; ${rule}`);
  const bytes = utf8Length(name);
  if (bytes > maxBytes) {
    throw invalid(ValidationCode.name, `${what} ${shown(name)} is ${bytes} bytes long; the maximum is ${maxBytes}`);
  }
}

/** Checks a storage object or ALUA group name; returns it unchanged (never trimmed). */
export function validateName(name: string, kind: NameKind = 'Storage object'): string {
  checkCommon(`${kind} name`, name, NAME_RULE, MAX_NAME_BYTES);
  return name;
}

/** Checks an ACL tag; tags become UI node names, and rtslib forbids '.' in them. */
export function validateTagName(tag: string): string {
  if (tag.includes('.')) {
    throw invalid(ValidationCode.name, `Tag name ${shown(tag)} is not valid: '.' not permitted in tag names.`);
  }
  checkCommon('Tag name', tag, TAG_RULE, MAX_TAG_BYTES);
  // The kernel clears the tag for any value that merely starts with NULL.
  if (tag.startsWith('NULL')) {
    throw invalid(ValidationCode.name, `Tag name ${shown(tag)} starts with 'NULL', which the kernel reads as no tag; choose another name`);
  }
  return tag;
}
