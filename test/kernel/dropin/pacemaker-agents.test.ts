// Pacemaker's iSCSITarget and iSCSILogicalUnit agents (resource-agents, implementation=lio-t)
// run start, monitor and stop through a `targetcli` link to lioctl, with an open-iscsi CHAP
// login and a data round trip in between; the same agents run with targetcli-fb first, and
// targetcli's own saveconfig of both states is the judge of what they built (run in the VM).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEverything, standardPart, targetcliOk } from '../config/config-tools.js';
import { diskByModel, head, loopDevice, noDiskWithModel, run, sh, sleep, writeAndReadBack } from '../model/kernel-helpers.js';

const AGENTS = '/usr/lib/ocf/resource.d/heartbeat';
const IQN = 'iqn.2003-01.org.example.lioctl:pacemaker';
const PORTAL = '127.0.0.1:3260';
const USER = 'pcmk-user';
const PASSWORD = 'pcmk-Secret-2026';
const MODEL = 'PCMK-LU1';
const INITIATOR = readFileSync('/etc/iscsi/initiatorname.iscsi', 'utf8').match(/^InitiatorName=(\S+)/m)?.[1] ?? '';
// OCF exit codes the agents return.
const OCF_SUCCESS = 0;
const OCF_NOT_RUNNING = 7;

const scratch = mkdtempSync('/tmp/lioctl-pacemaker-');
const linkDir = join(scratch, 'bin');
let loop: { path: string; release(): void };

interface AgentRun {
  readonly status: number;
  readonly output: string;
}

/** One agent action with the OCF environment Pacemaker gives it; `viaLioctl` puts the link first on PATH. */
function agent(name: 'iSCSITarget' | 'iSCSILogicalUnit', action: string, viaLioctl: boolean): AgentRun {
  const common = {
    OCF_ROOT: '/usr/lib/ocf',
    HA_RSCTMP: join(scratch, 'rsctmp'),
    OCF_RESKEY_implementation: 'lio-t',
    OCF_RESKEY_allowed_initiators: INITIATOR,
  };
  const own =
    name === 'iSCSITarget'
      ? {
          OCF_RESOURCE_INSTANCE: 'pcmk_target',
          OCF_RESKEY_iqn: IQN,
          OCF_RESKEY_portals: PORTAL,
          OCF_RESKEY_incoming_username: USER,
          OCF_RESKEY_incoming_password: PASSWORD,
        }
      : {
          OCF_RESOURCE_INSTANCE: 'pcmk_lu1',
          OCF_RESKEY_target_iqn: IQN,
          OCF_RESKEY_lun: '1',
          OCF_RESKEY_path: loop.path,
          OCF_RESKEY_product_id: MODEL,
        };
  const env = {
    ...process.env,
    ...common,
    ...own,
    PATH: viaLioctl ? `${linkDir}:${process.env.PATH ?? ''}` : (process.env.PATH ?? ''),
    LIOCTL_HOME: join(scratch, 'lioctl-home'),
  };
  const r = spawnSync(join(AGENTS, name), [action], { encoding: 'utf8', env });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

function expectAgent(name: 'iSCSITarget' | 'iSCSILogicalUnit', action: string, viaLioctl: boolean, status: number): void {
  const r = agent(name, action, viaLioctl);
  expect({ action: `${name} ${action}`, status: r.status, output: r.status === status ? '' : r.output }).toEqual({ action: `${name} ${action}`, status, output: '' });
}

/** targetcli's own view of the live state; LUN aliases are random link names, left out. */
function judged(): unknown {
  const file = join(scratch, `judge-${Date.now()}.json`);
  targetcliOk(`saveconfig ${file}`);
  return standardPart(readFileSync(file, 'utf8').replace(/^\s*"alias": "[0-9a-f]{10}",\n/gm, ''));
}

function iscsiadm(...args: string[]): { status: number; out: string } {
  return run('iscsiadm', args);
}

function loginWithChap(): void {
  if (run('pgrep', ['-x', 'iscsid']).status !== 0) sh('iscsid', []);
  sleep(500);
  const found = iscsiadm('-m', 'discovery', '-t', 'st', '-p', PORTAL);
  expect(found.out).toContain(IQN);
  const node = ['-m', 'node', '-T', IQN, '-p', PORTAL];
  iscsiadm(...node, '-o', 'update', '-n', 'node.session.auth.authmethod', '-v', 'CHAP');
  iscsiadm(...node, '-o', 'update', '-n', 'node.session.auth.username', '-v', USER);
  iscsiadm(...node, '-o', 'update', '-n', 'node.session.auth.password', '-v', PASSWORD);
  const login = iscsiadm(...node, '--login');
  expect(login.status, login.out).toBe(0);
}

function logout(): void {
  iscsiadm('-m', 'node', '-T', IQN, '-p', PORTAL, '--logout');
  iscsiadm('-m', 'node', '-T', IQN, '-o', 'delete');
}

beforeAll(() => {
  clearEverything();
  mkdirSync(linkDir);
  mkdirSync(join(scratch, 'rsctmp'));
  symlinkSync(resolve('bin/lioctl'), join(linkDir, 'targetcli'));
  loop = loopDevice(join(scratch, 'lu1.img'), '16M');
});

afterAll(() => {
  logout();
  clearEverything();
  loop.release();
  // The agent turned targetcli's own preference off; later suites expect targetcli's default.
  targetcliOk('/iscsi set global auto_add_default_portal=true');
});

describe('Pacemaker iSCSITarget and iSCSILogicalUnit (lio-t) through a targetcli link to lioctl', () => {
  let byTargetcli: unknown;

  it('the agents start, report running, and stop with targetcli-fb itself (the reference)', { timeout: 600_000 }, () => {
    expect(INITIATOR).not.toBe('');
    expectAgent('iSCSITarget', 'start', false, OCF_SUCCESS);
    expectAgent('iSCSILogicalUnit', 'start', false, OCF_SUCCESS);
    expectAgent('iSCSILogicalUnit', 'monitor', false, OCF_SUCCESS);
    byTargetcli = judged();
    expectAgent('iSCSILogicalUnit', 'stop', false, OCF_SUCCESS);
    expectAgent('iSCSITarget', 'stop', false, OCF_SUCCESS);
    expectAgent('iSCSITarget', 'monitor', false, OCF_NOT_RUNNING);
    clearEverything();
  });

  it('start, monitor, a CHAP login with a data round trip, stop: the same through lioctl', { timeout: 900_000 }, () => {
    const which = spawnSync('sh', ['-c', 'command -v targetcli'], { encoding: 'utf8', env: { ...process.env, PATH: `${linkDir}:${process.env.PATH ?? ''}` } });
    expect(which.stdout.trim()).toBe(join(linkDir, 'targetcli'));

    expectAgent('iSCSITarget', 'monitor', true, OCF_NOT_RUNNING);
    expectAgent('iSCSITarget', 'start', true, OCF_SUCCESS);
    expectAgent('iSCSITarget', 'monitor', true, OCF_SUCCESS);
    expectAgent('iSCSILogicalUnit', 'monitor', true, OCF_NOT_RUNNING);
    expectAgent('iSCSILogicalUnit', 'start', true, OCF_SUCCESS);
    expectAgent('iSCSILogicalUnit', 'monitor', true, OCF_SUCCESS);
    // What the agents built through lioctl is what they built through targetcli.
    expect(judged()).toEqual(byTargetcli);

    loginWithChap();
    const disk = diskByModel(MODEL);
    const pattern = randomBytes(256 * 1024);
    expect(writeAndReadBack(disk, pattern, join(scratch, 'io')).equals(pattern)).toBe(true);
    expect(head(join(scratch, 'lu1.img'), pattern.length).equals(pattern)).toBe(true);
    logout();
    expect(noDiskWithModel(MODEL)).toBe(true);

    expectAgent('iSCSILogicalUnit', 'stop', true, OCF_SUCCESS);
    expectAgent('iSCSILogicalUnit', 'monitor', true, OCF_NOT_RUNNING);
    expectAgent('iSCSITarget', 'stop', true, OCF_SUCCESS);
    expectAgent('iSCSITarget', 'monitor', true, OCF_NOT_RUNNING);
    // A second stop of a stopped resource succeeds, as Pacemaker requires.
    expectAgent('iSCSITarget', 'stop', true, OCF_SUCCESS);
    expect(judged()).toEqual(standardPart('{"fabric_modules": [], "storage_objects": [], "targets": []}'));
  });

  it('a heredoc script through the link goes on after a failed line and saves at its end, as targetcli does', { timeout: 300_000 }, () => {
    const saved = join(scratch, 'heredoc-saved.json');
    const script = ['/iscsi delete iqn.2003-01.org.example:absent', '/backstores/fileio create hd1 /tmp/lioctl-heredoc.img 4M', `/ saveconfig ${saved}`, '/backstores/fileio delete hd1', ''].join('\n');
    const r = spawnSync(join(linkDir, 'targetcli'), [], { input: script, encoding: 'utf8', env: { ...process.env, LIOCTL_HOME: join(scratch, 'heredoc-home') } });
    expect(r.stderr).toContain('line 1: No iscsi target iqn.2003-01.org.example:absent');
    expect(r.status).toBe(0);
    expect(readFileSync(saved, 'utf8')).toContain('"name": "hd1"');
    // auto_save_on_exit is targetcli's default under that name: the default file was written at the end.
    expect(r.stdout).toContain('Global pref auto_save_on_exit=true\n');
    expect(r.stdout).toMatch(/Configuration saved to \/etc\/(target|rtslib-fb-target)\/saveconfig\.json/);
  });
});
