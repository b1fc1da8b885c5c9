// What others wrote for targetcli works in lioctl, proved on the kernel with the built
// bin/lioctl: a CHAP secret with a space, '|', quotes and '#' logs open-iscsi in whether it
// was typed in the shell, given one-shot or restored from a file; the default-portal idiom
// of targetcli 2.1 scripts (`portals delete 0.0.0.0 3260`) and its reverse; and a portal
// saved with iSER on a host whose kernel refuses iSER stays, as plain TCP.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import type { LioRoot } from '../../../src/model/index.js';
import { configfsLeftovers, kernelLio, run, sh, sleep, unregisterFabrics } from './kernel-helpers.js';

const INITIATOR = readFileSync('/etc/iscsi/initiatorname.iscsi', 'utf8').match(/^InitiatorName=(\S+)/m)?.[1] ?? '';
const PORTAL = '127.0.0.1:3260';
/** Month 00: refused by lioctl before, accepted by rtslib and the kernel. */
const TARGET = 'iqn.2022-00.example.target';
const USERID = 'init user|1';
const SECRET = `S3cure|P@ss 2026 'q' "d" #h`;
const HOME = '/tmp/lioctl-accept-home';
const FILE = '/tmp/lioctl-accept.json';

let lio: LioRoot;

interface Ran {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function lioctl(args: readonly string[], input?: string): Ran {
  const r = spawnSync(process.execPath, ['bin/lioctl', ...args], { encoding: 'utf8', input: input ?? '', env: { ...process.env, LIOCTL_HOME: HOME } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function lioctlOk(args: readonly string[], input?: string): Ran {
  const r = lioctl(args, input);
  if (r.status !== 0) throw new Error(`lioctl ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r;
}

function iscsiadm(...args: string[]): { status: number; out: string } {
  return run('iscsiadm', args);
}

/** Discovers 127.0.0.1:3260 and logs in to TARGET with CHAP; returns iscsiadm's status. */
function login(userid: string, password: string): { status: number; out: string } {
  const disc = ['-m', 'discoverydb', '-t', 'st', '-p', PORTAL];
  iscsiadm(...disc, '-o', 'new');
  const found = iscsiadm(...disc, '--discover');
  if (found.status !== 0) return found;
  const node = ['-m', 'node', '-T', TARGET, '-p', PORTAL];
  const set = (name: string, value: string) => iscsiadm(...node, '-o', 'update', '-n', name, '-v', value);
  set('node.session.auth.authmethod', 'CHAP');
  set('node.session.auth.username', userid);
  set('node.session.auth.password', password);
  return iscsiadm(...node, '--login');
}

function forget(): void {
  iscsiadm('-m', 'node', '-T', TARGET, '-p', PORTAL, '--logout');
  iscsiadm('-m', 'node', '-T', TARGET, '-o', 'delete');
  iscsiadm('-m', 'discoverydb', '-t', 'st', '-p', PORTAL, '-o', 'delete');
}

const ACL = `/iscsi/${TARGET}/tpg1/acls/${INITIATOR}`;
const AUTH_DIR = `iscsi/${TARGET}/tpgt_1/acls/${INITIATOR}/auth`;

/** A target with one fileio LUN and an ACL for this VM's initiator, made one-shot by lioctl; CHAP is not set yet. */
function buildTarget(): void {
  lioctlOk(['/backstores/fileio', 'create', 'acc', '/tmp/lioctl-accept.img', '8M']);
  const made = lioctlOk(['/iscsi', 'create', TARGET]);
  expect(made.stderr).toContain('has month 00');
  lioctlOk([`/iscsi/${TARGET}/tpg1/luns`, 'create', '/backstores/fileio/acc']);
  lioctlOk([`/iscsi/${TARGET}/tpg1/acls`, 'create', INITIATOR]);
  lioctlOk([`/iscsi/${TARGET}/tpg1`, 'set', 'attribute', 'authentication=1']);
}

/** The kernel holds the credentials byte for byte; the initiator logs in with them and not with a wrong secret. */
function expectLogin(): void {
  const fs = new KernelConfigFs();
  expect(fs.read(`${AUTH_DIR}/userid`)).toBe(`${USERID}\n`);
  expect(fs.read(`${AUTH_DIR}/password`)).toBe(`${SECRET}\n`);
  expect(login(USERID, `${SECRET}x`).status).not.toBe(0);
  forget();
  const ok = login(USERID, SECRET);
  expect(ok.out).toMatch(/successful/);
  expect(ok.status).toBe(0);
  forget();
}

/** The secret stays out of ls and info, and get auth shows it. */
function expectMasked(): void {
  const shown = lioctlOk(['ls', '/']).stdout + lioctlOk([ACL, 'info']).stdout;
  expect(shown).not.toContain('P@ss');
  expect(lioctlOk([ACL, 'get', 'auth', 'password']).stdout).toContain(SECRET);
}

function clear(): void {
  forget();
  lio.clear();
}

beforeAll(() => {
  expect(INITIATOR).toMatch(/^iqn\./);
  lio = kernelLio();
  unregisterFabrics();
  expect(configfsLeftovers()).toEqual([]);
  if (run('pgrep', ['-x', 'iscsid']).status !== 0) sh('iscsid', []);
  sleep(500);
});

afterEach(() => {
  run('iscsiadm', ['-m', 'node', '--logoutall=all']);
});

afterAll(() => {
  clear();
  unregisterFabrics();
  rmSync(FILE, { force: true });
  expect(configfsLeftovers()).toEqual([]);
});

describe('a CHAP secret with a space, a pipe, quotes and #', () => {
  it('typed in the shell (lines on stdin): the initiator logs in, and the secret is masked', () => {
    buildTarget();
    const quoted = SECRET.replace(/["\\$`]/g, (c) => `\\${c}`);
    lioctlOk([], `${ACL} set auth userid='${USERID}' password="${quoted}"\n`);
    expectLogin();
    expectMasked();
    clear();
  }, 300_000);

  it('given one-shot, then saved and restored from the file: the initiator logs in both times', () => {
    buildTarget();
    lioctlOk([ACL, 'set', 'auth', `userid=${USERID}`, `password=${SECRET}`]);
    expectLogin();
    lioctlOk(['saveconfig', FILE]);
    expect(readFileSync(FILE, 'utf8')).toContain(JSON.stringify(SECRET));
    clear();
    lioctlOk(['restoreconfig', FILE]);
    expectLogin();
    expectMasked();
    clear();
  }, 300_000);
});

describe('the default-portal idiom of targetcli 2.1 scripts', () => {
  const idiom = (deleted: string): Ran => {
    const portals = `/iscsi/${TARGET}/tpg1/portals`;
    const r = spawnSync('bash', ['-c', `set -e; bin/lioctl ${portals} delete ${deleted} 3260; bin/lioctl ${portals} create 127.0.0.3`], {
      encoding: 'utf8',
      env: { ...process.env, LIOCTL_HOME: HOME },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const portals = (): string[] => new KernelConfigFs().list(`iscsi/${TARGET}/tpgt_1/np`);

  it("delete 0.0.0.0 3260 removes lioctl's default [::0]:3260, and create 127.0.0.3 then succeeds", () => {
    lioctlOk(['/iscsi', 'create', TARGET]);
    expect(portals()).toEqual(['[::0]:3260']);
    const r = idiom('0.0.0.0');
    expect(r.stderr).toContain('0.0.0.0:3260 is the wildcard portal, which listens here as [::0]:3260; deleting that.');
    expect(r.status).toBe(0);
    expect(portals()).toEqual(['127.0.0.3:3260']);
    clear();
  }, 300_000);

  it("delete ::0 3260 removes targetcli 2.1's default 0.0.0.0:3260, and create 127.0.0.3 then succeeds", () => {
    const made = spawnSync('targetcli', ['/iscsi', 'create', TARGET], { encoding: 'utf8' });
    expect(made.status).toBe(0);
    expect(portals()).toEqual(['0.0.0.0:3260']);
    const r = idiom('::0');
    expect(r.stderr).toContain('::0:3260 is the wildcard portal, which listens here as 0.0.0.0:3260; deleting that.');
    expect(r.status).toBe(0);
    expect(portals()).toEqual(['127.0.0.3:3260']);
    clear();
  }, 300_000);
});

describe('a portal saved with iSER on a host whose kernel cannot serve iSER', () => {
  const BLOCK = '/etc/modprobe.d/lioctl-no-isert.conf';

  it('the kernel refuses iser=1 (EINVAL); restoreconfig keeps the portal as plain TCP, reports it and exits 9', () => {
    // As on a host without ib_isert: the kernel's request_module fails, so no iSER transport.
    if (run('grep', ['-q', '^ib_isert ', '/proc/modules']).status === 0) sh('modprobe', ['-r', 'ib_isert']);
    writeFileSync(BLOCK, 'install ib_isert /bin/false\n');
    try {
      lioctlOk(['/iscsi', 'create', TARGET]);
      const fs = new KernelConfigFs();
      const np = `iscsi/${TARGET}/tpgt_1/np/[::0]:3260`;
      expect(() => fs.write(`${np}/iser`, '1')).toThrow(/EINVAL/);
      expect(fs.read(`${np}/iser`)).toBe('0\n');
      lioctlOk(['saveconfig', FILE]);
      const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { targets: Array<{ tpgs: Array<{ portals: Array<{ iser: boolean }> }> }> };
      const portal = doc.targets[0]?.tpgs[0]?.portals[0];
      if (portal === undefined) throw new Error('no portal saved');
      portal.iser = true;
      writeFileSync(FILE, JSON.stringify(doc, null, 2));
      clear();

      const r = lioctl(['restoreconfig', FILE]);
      expect(r.status).toBe(9);
      expect(r.stderr + r.stdout).toMatch(/Cannot enable iSER on portal .*\[::0\]:3260/);
      expect(fs.list(`iscsi/${TARGET}/tpgt_1/np`)).toEqual(['[::0]:3260']);
      expect(fs.read(`${np}/iser`)).toBe('0\n');
      expect(readFileSync('/proc/net/tcp6', 'utf8')).toMatch(/:0CBC 0+:0000 0A/);
    } finally {
      rmSync(BLOCK, { force: true });
      clear();
      expect(existsSync(BLOCK)).toBe(false);
    }
  }, 300_000);
});
