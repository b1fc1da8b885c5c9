/*
 * IP address syntax, as node:net's isIPv4/isIPv6 accept it (without IPv6 scopes, which
 * portals refuse before asking). Here rather than node:net because loading that module
 * costs a restore or a one-TPG `ls` about 30 ms under emulation, for two checks.
 */

/** A decimal octet as node:net writes its pattern: 0-255, no leading zero. */
function isOctet(part: string): boolean {
  if (part.length === 0 || part.length > 3 || (part.length > 1 && part.startsWith('0'))) return false;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(part) <= 255;
}

/** Dotted quad: four decimal octets. */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every(isOctet);
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** How many 16-bit groups a run of colon-separated groups spells, or -1; `last` allows a dotted quad at its end. */
function groupCount(run: string, last: boolean): number {
  if (run === '') return 0;
  const groups = run.split(':');
  let count = 0;
  for (const [i, group] of groups.entries()) {
    if (HEX_GROUP.test(group)) count += 1;
    else if (last && i === groups.length - 1 && isIPv4(group)) count += 2;
    else return -1;
  }
  return count;
}

/** Eight groups of up to four hex digits, or fewer around one `::` (which stands for at least one). */
export function isIPv6(text: string): boolean {
  const gap = text.indexOf('::');
  if (gap === -1) return groupCount(text, true) === 8;
  const head = text.slice(0, gap);
  const tail = text.slice(gap + 2);
  if (tail.includes('::')) return false;
  const before = groupCount(head, false);
  const after = groupCount(tail, true);
  return before >= 0 && after >= 0 && before + after <= 7;
}
