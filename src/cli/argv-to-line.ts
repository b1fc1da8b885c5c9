/**
 * The OS shell has already split the words; keep each one whole when handing them to the
 * lioctl grammar (targetcli joined them with spaces and lost `password='a b'`).
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./~^*<>-]+$/;

function quote(text: string): string {
  if (text !== '' && PLAIN.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function argvToLine(words: readonly string[]): string {
  return words
    .map((word) => {
      // key=value stays a keyword: quote only the value.
      const m = /^([A-Za-z0-9_-]+)=(.*)$/s.exec(word);
      return m ? `${m[1]}=${quote(m[2] ?? '')}` : quote(word);
    })
    .join(' ');
}
