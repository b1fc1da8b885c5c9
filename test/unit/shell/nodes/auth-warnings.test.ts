import { describe, expect, it } from 'vitest';
import { SimConfigFs } from '../../../../src/configfs/sim/index.js';
import { recordingSession } from '../recording-session.js';
import { rootNode } from '../../../../src/shell/nodes/root-node.js';

function shell() {
  const { session, out } = recordingSession({ fs: new SimConfigFs(), root: rootNode });
  return { session, lines: out };
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
