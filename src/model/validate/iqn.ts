import { describeChar, firstCharNotMatching, shown, utf8Length } from './text.js';

/** The kernel refuses longer target names ("Target IQN exceeds 223 bytes"); RFC 3720 agrees. */
export const MAX_ISCSI_NAME_BYTES = 223;

/** What rtslib's normalize_wwn accepts (besides no space and no '_'): a date and a second dot. */
const RTSLIB_SHAPE = /^iqn\.\d{4}-[0-1]\d\..*\./;
const IQN_DATE = /^iqn\.(\d{4})-(\d{2})\./;
const ASCII_ALLOWED = /^[a-z0-9.:-]$/;
/** Nearly every name: one test instead of one per character. */
const ALL_ASCII_ALLOWED = /^[a-z0-9.:-]*$/;
const NON_ASCII_ALLOWED = /^[\p{L}\p{M}\p{N}]$/u;
// Made once: the bundle builds a pattern with \p{...} anew each time its expression is evaluated.
const IMPOSSIBLE = /^[\s\p{Cc}/_]$/u;

/**
 * RFC 3722 stringprep leaves only letters, digits, '-', '.' and ':' of ASCII; other
 * scripts' letters and digits stay allowed.
 */
function isIqnChar(ch: string): boolean {
  return ch < '\u0080' ? ASCII_ALLOWED.test(ch) : NON_ASCII_ALLOWED.test(ch);
}

/** The verdict on an IQN: refused (`refusal`), or accepted with at most one `warning`. */
export interface IqnVerdict {
  readonly refusal?: string;
  readonly warning?: string;
}

/**
 * Checks an already lowercased `iqn.` name. Refuses only what rtslib (targetcli) or the
 * kernel refuses, or what cannot be a name: no date and second dot, a space, '_', '/', a
 * control character, more than 223 bytes. What RFC 3720 §3.2.6.3.1 asks for beyond that
 * (month 01-12, a reversed domain name, RFC 3722 characters) is a warning: rtslib and the
 * kernel accept such names and initiators log in with them.
 */
export function checkIqn(iqn: string): IqnVerdict {
  const plain = ALL_ASCII_ALLOWED.test(iqn);
  const impossible = plain ? undefined : [...iqn].find((ch) => IMPOSSIBLE.test(ch));
  if (impossible !== undefined) {
    return { refusal: `${shown(iqn)} contains ${describeChar(impossible)}; iSCSI names cannot contain spaces, '_', '/' or control characters` };
  }
  const bytes = plain ? iqn.length : utf8Length(iqn);
  if (bytes > MAX_ISCSI_NAME_BYTES) {
    return { refusal: `${shown(iqn)} is ${bytes} bytes; the kernel takes iSCSI names of at most ${MAX_ISCSI_NAME_BYTES} bytes` };
  }
  if (!RTSLIB_SHAPE.test(iqn)) {
    return { refusal: `${shown(iqn)} is not iqn.yyyy-mm.naming.authority[:unique] (targetcli refuses it too)` };
  }
  const warning = rfcWarning(iqn, plain);
  return warning === undefined ? {} : { warning };
}

/** The first RFC 3720/3722 rule a name breaks that rtslib and the kernel do not enforce. */
function rfcWarning(iqn: string, plain: boolean): string | undefined {
  const bad = plain ? undefined : firstCharNotMatching(iqn, isIqnChar);
  if (bad !== undefined) return `${shown(iqn)} contains ${describeChar(bad)}; RFC 3722 allows only letters, digits, '-', '.' and ':'`;
  const date = IQN_DATE.exec(iqn);
  const month = Number(date?.[2]);
  if (month < 1 || month > 12) return `${shown(iqn)} has month ${date?.[2] ?? '?'}; RFC 3720 dates are yyyy-mm with month 01-12`;
  const rest = iqn.slice(date?.[0].length ?? 0);
  const colon = rest.indexOf(':');
  const authority = colon < 0 ? rest : rest.slice(0, colon);
  const labels = authority.split('.');
  if (labels.length < 2 || labels.includes('')) {
    return `${shown(iqn)} has naming authority ${shown(authority)}; RFC 3720 asks for a reversed domain name such as com.example`;
  }
  if (colon >= 0 && colon === rest.length - 1) return `${shown(iqn)} ends with ':'; RFC 3720 puts a unique name after the ':'`;
  return undefined;
}
