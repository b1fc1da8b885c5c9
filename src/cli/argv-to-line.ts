/**
 * The OS shell has already split the words; keep each one whole when handing them to the
 * lioctl grammar (targetcli joined them with spaces and lost `password='a b'`).
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./~^*<>-]+$/;

function quote(text: string): string {
  if (text !== '' && PLAIN.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * `--dry-run` and `--abort-on-error=yes` after the command are the shell's `dry_run=true`
 * and `abort_on_error=yes`: the spelling OS-shell users reach for first.
 */
function flagAsKeyword(word: string): string {
  const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(word);
  return m ? `${(m[1] ?? '').replace(/-/g, '_')}=${m[2] ?? 'true'}` : word;
}

/**
 * A first word holding whitespace is a whole command line, read as targetcli reads it (it
 * joins its arguments with spaces): Ansible modules and many scripts run
 * `targetcli '/iscsi create iqn...'`. No path or command name holds whitespace.
 */
export function argvToLine(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first !== undefined && /\s/.test(first)) return [first.trim(), wordsToLine(rest)].filter((part) => part !== '').join(' ');
  return wordsToLine(words);
}

function wordsToLine(words: readonly string[]): string {
  return words
    .map(flagAsKeyword)
    .map((word) => {
      // key=value stays a keyword: quote only the value.
      const m = /^([A-Za-z0-9_-]+)=(.*)$/s.exec(word);
      return m ? `${m[1]}=${quote(m[2] ?? '')}` : quote(word);
    })
    .join(' ');
}
