// Helpers that keep every validation message on one readable line.

const LONGEST_SHOWN = 80;

const NAMED_CHARS: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a newline',
  '\r': 'a carriage return',
  '\0': 'a NUL byte',
};

function isControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Quotes user input for a message; control characters are escaped so the message stays one line. */
export function shown(input: string): string {
  const chars = [...input];
  let out = '';
  for (const ch of chars.slice(0, LONGEST_SHOWN)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (isControl(cp)) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `'${out}${chars.length > LONGEST_SHOWN ? '...' : ''}'`;
}

/** Names one character the way an admin would say it: "a space", "'/'", "control character U+0007". */
export function describeChar(ch: string): string {
  const named = NAMED_CHARS[ch];
  if (named !== undefined) return named;
  const cp = ch.codePointAt(0) ?? 0;
  if (isControl(cp)) return `control character ${codePointLabel(cp)}`;
  return `'${ch}'`;
}

/** The first character (whole code point) that `allowed` rejects, if any. */
export function firstCharNotMatching(input: string, allowed: (ch: string) => boolean): string | undefined {
  for (const ch of input) {
    if (!allowed(ch)) return ch;
  }
  return undefined;
}

const encoder = new TextEncoder();

/** Kernel limits count bytes, not characters. */
export function utf8Length(input: string): number {
  return encoder.encode(input).length;
}
