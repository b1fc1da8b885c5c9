import { describe, expect, it } from 'vitest';
import { lioctl, sandbox } from './run-lioctl.js';

/** `lioctl --complete LINE` as the bash and zsh scripts call it: the word, then the candidates. */
function complete(line: string, box = sandbox()): string[] {
  const r = lioctl(['--complete', line], box);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return r.stdout.split('\n').slice(0, -1);
}

describe('lioctl --complete (shell completion)', () => {
  it('completes paths of the live tree on the simulator', () => {
    const box = sandbox();
    expect(lioctl(['--sim-state', box.state, '/iscsi', 'create', 'iqn.2003-01.org.example:t1'], box).status).toBe(0);
    expect(complete(`lioctl --sim-state ${box.state} /iscsi/`, box)).toEqual(['/iscsi/', '/iscsi/iqn.2003-01.org.example:t1/']);
    expect(complete(`lioctl --sim-state ${box.state} /iscsi/iqn.2003-01.org.example:t1/tpg1/l`, box)).toEqual([
      '/iscsi/iqn.2003-01.org.example:t1/tpg1/l',
      '/iscsi/iqn.2003-01.org.example:t1/tpg1/luns/',
    ]);
  });

  // Without --sim: on a host without LIO completion opens the simulator; these words do not
  // depend on the live tree anyway.
  it('ends a finished word with a space, and leaves key= and paths open', () => {
    expect(complete('lioctl set global auto_cd_after_create=t')).toEqual(['auto_cd_after_create=t', 'auto_cd_after_create=true ']);
    expect(complete('lioctl /backstores/fileio create ')).toEqual(['', 'aio=', 'file_or_dev=', 'name=', 'resize=', 'size=', 'sparse=', 'write_back=', 'wwn=']);
    expect(complete('lioctl /backstores/fileio cr')).toEqual(['cr', 'create ']);
  });

  it('completes the global options', () => {
    expect(complete('lioctl --j')).toEqual(['--j', '--json ']);
  });

  it('prints nothing but the word for a path that does not exist, and never an error', () => {
    expect(complete("lioctl --sim /no/such/path 'unterminated")).toEqual(["'unterminated"]);
    expect(complete('lioctl --sim /no/such/')).toEqual(['/no/such/']);
  });
});
