import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { Preferences } from '../../../../src/shell/prefs/preferences.js';
import { ShellSession } from '../../../../src/shell/session/index.js';
import { rootNode } from '../../../../src/shell/nodes/root-node.js';

function shell() {
  const lines: string[] = [];
  const session = new ShellSession({
    fs: new SimConfigFs(),
    prefs: Preferences.inMemory(),
    root: rootNode,
    output: { info: (m) => lines.push(m), warn: (m) => lines.push(`Warning: ${m}`), result: (r) => lines.push(r.human(r.data, { color: false, width: 80 })) },
    json: false,
    interactive: false,
  });
  return { session, lines };
}

describe('CHAP secrets in the shell', () => {
  it('warns about a short secret without showing it, and accepts the kernel spelling with a note', () => {
    const { session, lines } = shell();
    session.execute('/iscsi create iqn.2003-01.org.example:t1');
    lines.length = 0;
    session.execute('/iscsi/iqn.2003-01.org.example:t1/tpg1 set auth userid=u1 password=short9 password_mutual=mutualsecret123');
    expect(lines).toEqual([
      "Warning: 'password_mutual' is the old spelling of 'mutual_password' in group 'auth'; accepted.",
      "Parameter userid is now 'u1'.",
      'Parameter password is now set.',
      'Warning: CHAP password is only 6 characters; use at least 12 (RFC 3720 recommends 96-bit secrets, Microsoft initiators require 12-16)',
      'Parameter mutual_password is now set.',
    ]);
    expect(lines.join('\n')).not.toContain('short9');
  });

  it('never shows a secret in ls or info, only in get auth', () => {
    const { session, lines } = shell();
    session.execute('/iscsi create iqn.2003-01.org.example:t1');
    session.execute("/iscsi/iqn.2003-01.org.example:t1/tpg1 set auth userid=u1 password='s3cr3t|p@ss^w0rd'");
    lines.length = 0;
    session.execute('ls /');
    session.execute('/iscsi/iqn.2003-01.org.example:t1/tpg1 info');
    expect(lines.join('\n')).not.toContain('s3cr3t');
    session.execute('/iscsi/iqn.2003-01.org.example:t1/tpg1 get auth password');
    expect(lines.at(-1)).toBe('password=s3cr3t|p@ss^w0rd');
  });
});
