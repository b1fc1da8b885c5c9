import { describeChar, firstCharNotMatching, shown, utf8Length } from './text.js';

/** The kernel refuses longer target names ("Target IQN exceeds 223 bytes"); RFC 3720 agrees. */
export const MAX_ISCSI_NAME_BYTES = 223;

const IQN_DATE = /^iqn\.(\d{4})-(\d{2})\./;
const ASCII_ALLOWED = /^[a-z0-9.:-]$/;
/** Nearly every name: one test instead of one per character. */
const ALL_ASCII_ALLOWED = /^[a-z0-9.:-]*$/;
const NON_ASCII_ALLOWED = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * RFC 3722 stringprep leaves only letters, digits, '-', '.' and ':' of ASCII (so no '_',
 * space or '/', which would also break the configfs directory name); other scripts'
 * letters and digits stay allowed.
 */
function isIqnChar(ch: string): boolean {
  return ch < '\u0080' ? ASCII_ALLOWED.test(ch) : NON_ASCII_ALLOWED.test(ch);
}

/**
 * Checks an already lowercased `iqn.` name against RFC 3720 §3.2.6.3.1
 * (`iqn.yyyy-mm.reversed.domain[:unique]`). Returns why it is invalid, or undefined.
 */
export function iqnProblem(iqn: string): string | undefined {
  const plain = ALL_ASCII_ALLOWED.test(iqn);
  const bad = plain ? undefined : firstCharNotMatching(iqn, isIqnChar);
  if (bad !== undefined) {
    return `${shown(iqn)} contains ${describeChar(bad)}; iSCSI names allow only letters, digits, '-', '.' and ':'`;
  }
  const date = IQN_DATE.exec(iqn);
  if (date === null) {
    return `${shown(iqn)} lacks the date; an IQN is iqn.yyyy-mm.reversed.domain[:unique]`;
  }
  const month = Number(date[2]);
  if (month < 1 || month > 12) {
    return `${shown(iqn)} has month ${date[2]}; the date is yyyy-mm with month 01-12`;
  }
  const rest = iqn.slice(date[0].length);
  const colon = rest.indexOf(':');
  const authority = colon < 0 ? rest : rest.slice(0, colon);
  const labels = authority.split('.');
  if (labels.length < 2 || labels.includes('')) {
    return `${shown(iqn)} has naming authority ${shown(authority)}; it must be a reversed domain name such as com.example`;
  }
  if (colon >= 0 && colon === rest.length - 1) {
    return `${shown(iqn)} ends with ':'; put a unique name after the ':' or drop it`;
  }
  const bytes = plain ? iqn.length : utf8Length(iqn);
  if (bytes > MAX_ISCSI_NAME_BYTES) {
    return `${shown(iqn)} is ${bytes} bytes; iSCSI names are at most ${MAX_ISCSI_NAME_BYTES} bytes`;
  }
  return undefined;
}
