/** Text as roff shows it literally: backslashes and dashes escaped, no line read as a request. */
export function roffText(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

export const bold = (text: string): string => `\\fB${roffText(text)}\\fR`;
export const italic = (text: string): string => `\\fI${roffText(text)}\\fR`;

/** A tagged paragraph: the tag on its own line, the body indented below it. */
export function tagged(tag: string, body: string): string[] {
  return ['.TP', tag, roffText(body)];
}

/** Lines kept as typed (a synopsis, an example). */
export function verbatim(lines: readonly string[]): string[] {
  return ['.PP', '.nf', '.RS 4', ...lines.map(roffText), '.RE', '.fi'];
}
