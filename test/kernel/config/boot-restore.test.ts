// What the systemd unit runs at boot, on the default file, as an admin leaves it (run in
// the VM, whose /etc is a throw-away overlay).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../../src/config/index.js';
import { clearEverything, lioctl, lioctlOk, standardPart } from './config-tools.js';

const DIR = '/tmp/lioctl-boot-restore';
const IQN = 'iqn.2003-01.org.example.lioctl:boot';
const CLIENT = 'iqn.1994-05.com.example:bootclient';

/** The unit's ExecStart, run from the repository's build instead of /usr/bin. */
function unitExecStart(): string[] {
  const unit = readFileSync('systemd/lioctl.service', 'utf8');
  const line = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
  const [bin, ...args] = line.split(/\s+/);
  expect(bin).toBe('/usr/bin/lioctl');
  return args;
}

/** The live configuration as lioctl saves it, through a scratch file. */
function live(): unknown {
  lioctlOk('saveconfig', `${DIR}/live.json`);
  return standardPart(readFileSync(`${DIR}/live.json`, 'utf8'));
}

let savefile = '';

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const candidate of ['/etc/target/saveconfig.json', '/etc/rtslib-fb-target/saveconfig.json']) rmSync(candidate, { force: true });
  savefile = defaultConfigPath().path;
  clearEverything();
  lioctlOk('/backstores/fileio', 'create', 'f1', `${DIR}/f1.img`, '8M');
  lioctlOk('/backstores/ramdisk', 'create', 'r1', '4M');
  lioctlOk('/iscsi', 'create', IQN);
  lioctlOk(`/iscsi/${IQN}/tpg1/luns`, 'create', '/backstores/fileio/f1');
  lioctlOk(`/iscsi/${IQN}/tpg1/luns`, 'create', '/backstores/ramdisk/r1');
  lioctlOk(`/iscsi/${IQN}/tpg1/acls`, 'create', CLIENT);
  expect(lioctlOk('saveconfig')).toContain(`Configuration saved to ${savefile}`);
}, 900_000);

afterAll(() => clearEverything(), 600_000);

describe('boot-time restore (systemd/lioctl.service)', () => {
  it('delete save=true updates the default file, and the unit restores it after a clear', { timeout: 1_200_000 }, () => {
    lioctlOk('/backstores/ramdisk', 'delete', 'r1', 'save=true');
    const expected = live();
    expect(standardPart(readFileSync(savefile, 'utf8'))).toEqual(expected);
    lioctlOk('clear');
    const r = lioctl(...unitExecStart());
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(live()).toEqual(expected);
  });

  it('restores all it can when a backing file is missing, creates no file, and exits 9', { timeout: 1_200_000 }, () => {
    renameSync(`${DIR}/f1.img`, `${DIR}/f1.away`);
    try {
      const r = lioctl(...unitExecStart());
      expect(r.status).toBe(9);
      expect(r.stderr).toContain(`backing file ${DIR}/f1.img does not exist`);
      expect(existsSync(`${DIR}/f1.img`)).toBe(false);
      const ls = lioctlOk('ls', `/iscsi/${IQN}/tpg1`);
      expect(ls).toContain(CLIENT);
      expect(ls).not.toContain('f1');
    } finally {
      renameSync(`${DIR}/f1.away`, `${DIR}/f1.img`);
    }
  });

  it('is content when nothing was ever saved', { timeout: 600_000 }, () => {
    rmSync(savefile, { force: true });
    const r = lioctl(...unitExecStart());
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: `No saved config file at ${defaultConfigPath().path}, ok, exiting\n` });
  });
});
