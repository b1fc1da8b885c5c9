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

  it('reads a first word holding spaces as a whole command line, as targetcli does (Ansible modules call it so)', () => {
    expect(argvToLine(['/iscsi/iqn.1994-05.com.redhat:data/tpg1/acls create add_mapped_luns=true iqn.1994-05.com.redhat:client1'])).toBe(
      '/iscsi/iqn.1994-05.com.redhat:data/tpg1/acls create add_mapped_luns=true iqn.1994-05.com.redhat:client1',
    );
    expect(argvToLine(['  /backstores/block/test1 status\n'])).toBe('/backstores/block/test1 status');
    // The words after it are still kept whole.
    expect(argvToLine(['/iscsi/iqn.2003-01.org.example:t1/tpg1 set auth', 'password=a b'])).toBe("/iscsi/iqn.2003-01.org.example:t1/tpg1 set auth password='a b'");
  });
});
