import { describe, expect, it } from 'vitest';
import { argvToLine } from '../../../src/cli/argv-to-line.js';
import { parseLine } from '../../../src/shell/index.js';

describe('argvToLine', () => {
  it('passes plain targetcli words through unchanged', () => {
    expect(argvToLine(['/backstores/fileio', 'create', 'disk1', '/srv/disk1.img', '1G'])).toBe('/backstores/fileio create disk1 /srv/disk1.img 1G');
  });

  it('keeps a value with spaces or shell characters whole, as a keyword', () => {
    const line = argvToLine(['set', 'auth', "password=p@ss|w0rd 'x'"]);
    const parsed = parseLine(line);
    expect(parsed.keywords.map((k) => [k.key, k.value])).toEqual([['password', "p@ss|w0rd 'x'"]]);
  });

  it('reads --flag after the command as flag=true, and --flag=value as flag=value', () => {
    expect(argvToLine(['apply', '/etc/target/saveconfig.json', '--dry-run'])).toBe('apply /etc/target/saveconfig.json dry_run=true');
    expect(argvToLine(['restoreconfig', '--abort-on-error=yes', '--clear-existing=false'])).toBe('restoreconfig abort_on_error=yes clear_existing=false');
  });
});
