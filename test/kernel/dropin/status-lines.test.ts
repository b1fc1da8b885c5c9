// The lines scripts grep: on one live configuration built by targetcli-fb, `status` of every
// node and `ls` print the same through the `targetcli` link to lioctl as through targetcli
// itself; a path without a command prints nothing; a missing path fails `ls` (run in the VM).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEverything, targetcli, targetcliOk, type Ran } from '../config/config-tools.js';
import { loopDevice } from '../model/kernel-helpers.js';

const IQN = 'iqn.2003-01.org.example.lioctl:status';
const INITIATOR = 'iqn.1994-05.com.redhat:client1';
const TPG = `/iscsi/${IQN}/tpg1`;
const scratch = mkdtempSync('/tmp/lioctl-status-');
const link = join(scratch, 'targetcli');
let loop: { path: string; release(): void };

function viaLink(line: string): Ran {
  const r = spawnSync(link, line.split(' '), { encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: join(scratch, 'home') } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  clearEverything();
  symlinkSync(resolve('bin/lioctl'), link);
  loop = loopDevice(join(scratch, 'b1.img'), '16M');
  for (const line of [
    // targetcli's default, which an earlier suite may have turned off
    '/iscsi set global auto_add_default_portal=true',
    `/backstores/block create name=b1 dev=${loop.path}`,
    `/backstores/fileio create f1 ${join(scratch, 'f1.img')} 16M`,
    '/backstores/ramdisk create r1 16M',
    `/iscsi create ${IQN}`,
    `${TPG}/luns create /backstores/block/b1`,
    `${TPG}/luns create /backstores/fileio/f1 5`,
    `${TPG}/acls create ${INITIATOR} add_mapped_luns=False`,
    `${TPG}/acls/${INITIATOR} create 5 5`,
    `${TPG}/acls/${INITIATOR} set auth userid=user1 password=secret-12345`,
    '/loopback create',
  ])
    targetcliOk(line);
}, 600_000);

afterAll(() => {
  clearEverything();
  loop.release();
});

describe('status and ls through the targetcli link', () => {
  const paths = [
    '/',
    '/backstores',
    '/backstores/block',
    '/backstores/block/b1',
    '/backstores/fileio/f1',
    '/backstores/ramdisk/r1',
    '/iscsi',
    `/iscsi/${IQN}`,
    TPG,
    `${TPG}/acls`,
    `${TPG}/acls/${INITIATOR}`,
    `${TPG}/acls/${INITIATOR}/mapped_lun5`,
    `${TPG}/luns`,
    `${TPG}/luns/lun0`,
    `${TPG}/luns/lun5`,
    `${TPG}/portals`,
    `${TPG}/portals/0.0.0.0:3260`,
    '/loopback',
  ];

  it('prints targetcli-fb\'s status line for every node', { timeout: 900_000 }, () => {
    for (const path of paths) {
      const reference = targetcli(`${path} status`);
      const ours = viaLink(`${path} status`);
      // Exit codes differ on purpose (lioctl's are typed, targetcli exits 1); success must not.
      expect({ path, stdout: ours.stdout, ok: ours.status === 0 }).toEqual({ path, stdout: reference.stdout, ok: reference.status === 0 });
    }
  });

  it('prints targetcli-fb\'s ls tree, whole and of a backstore', { timeout: 300_000 }, () => {
    for (const line of ['ls', 'ls /backstores/fileio', `ls ${TPG}/acls`]) expect(viaLink(line).stdout).toBe(targetcli(line).stdout);
  });

  it('a path alone changes directory and prints nothing; ls of a missing path fails', { timeout: 300_000 }, () => {
    expect(viaLink(`${TPG}/portals`)).toMatchObject({ status: 0, stdout: '' });
    expect(targetcli(`${TPG}/portals`)).toMatchObject({ status: 0, stdout: '' });
    expect(viaLink('ls /backstores/block/absent').status).not.toBe(0);
    expect(targetcli('ls /backstores/block/absent').status).not.toBe(0);
  });
});
