import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTcmuService, startPrivateBus, type FakeHandler, type PrivateBus } from './fake-tcmu-service.js';
import { BIN, sandbox, type Run } from './run-lioctl.js';

/*
 * user:<handler> backstores against a D-Bus service: a private dbus-daemon, a fake
 * tcmu-runner in this process (dbus-next, as lioctl uses), and bin/lioctl on the
 * simulator pointed at that bus with LIOCTL_TCMU_BUS, asking through busctl and through
 * its own dbus-next program (busctl taken off its PATH). lioctl runs asynchronously here:
 * a blocking run would stop this process from answering it.
 */

const HANDLERS: readonly FakeHandler[] = [
  {
    name: 'qcow',
    description: 'QEMU Copy-On-Write image file',
    configDesc: 'The path to the QEMU QCOW image file.',
    check: (config) => (config.startsWith('qcow//') ? [true, 'success'] : [false, `${config} is not an absolute path`]),
  },
  { name: 'fbo', description: 'File-backed optical Handler', configDesc: 'The path to the file.', check: () => [true, 'success'] },
];

let bus: PrivateBus;
let service: FakeTcmuService | undefined;
let box: { home: string; state: string };
/** The PATH lioctl runs with: without busctl on it, lioctl asks through its dbus-next program. */
let clientPath: string | undefined;

function run(args: readonly string[], busAddress: string = bus.address, input = ''): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [BIN, '--sim-state', box.state, ...args],
      { encoding: 'utf8', env: { ...process.env, ...(clientPath === undefined ? {} : { PATH: clientPath }), LIOCTL_HOME: box.home, HOME: box.home, NO_COLOR: '1', LIOCTL_TCMU_BUS: busAddress } },
      (err, stdout, stderr) => done({ status: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

const line = (out: string, node: string): string => out.split('\n').find((l) => l.includes(`o- ${node} `)) ?? '';

beforeAll(async () => {
  bus = await startPrivateBus();
});
afterAll(() => {
  service?.stop();
  bus.stop();
});
beforeEach(async () => {
  service?.stop();
  service = await FakeTcmuService.start(bus.address, HANDLERS);
  box = sandbox();
});

const busctlInstalled = process.env.PATH?.split(':').some((dir) => existsSync(`${dir}/busctl`)) === true;

describe.each([
  { client: 'busctl', path: undefined, skip: !busctlInstalled },
  { client: 'the dbus-next program', path: '/nonexistent', skip: false },
])('user:<handler> backstores from tcmu-runner on D-Bus, asked through $client', ({ path, skip }) => {
  beforeAll(() => {
    clientPath = path;
  });
  if (skip) it.skip('busctl is not installed here');
  else defineCases();
});

function defineCases(): void {
  it('ls /backstores shows one user:<handler> per handler the service announces', async () => {
    const r = await run(['ls', '/backstores']);
    expect(r.stderr).toBe('');
    const names = r.stdout.split('\n').map((l) => /o- (\S+)/.exec(l)?.[1]).filter((n) => n !== undefined);
    expect(names).toEqual(['backstores', 'block', 'fileio', 'pscsi', 'ramdisk', 'user:fbo', 'user:qcow']);
    expect(line(r.stdout, 'user:qcow')).toMatch(/\[Storage Objects: 0\]$/);
  });

  it("help create appends the handler's ConfigDesc", async () => {
    const r = await run(['/backstores/user:qcow', 'help', 'create']);
    expect(r.stdout).toContain('create name size cfgstring [wwn] [hw_max_sectors] [control]');
    expect(r.stdout).toContain('qcow cfgstring: The path to the QEMU QCOW image file.');
  });

  it('create asks CheckConfig with <handler>/<cfgstring> and makes the object', async () => {
    const r = await run(['/backstores/user:qcow', 'create', 'q1', '64M', '/var/tmp/q1.qcow2']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Created user-backed storage object q1 size 67108864.\n');
    expect(service?.checked).toEqual(['qcow//var/tmp/q1.qcow2']);
    const info = await run(['--json', '/backstores/user:qcow/q1', 'info']);
    expect(JSON.parse(info.stdout).data).toMatchObject({ plugin: 'user', config: 'qcow//var/tmp/q1.qcow2', size: 67108864 });
  });

  it('a config the handler refuses: "cfgstring invalid: <reason>", exit 3, nothing written', async () => {
    const r = await run(['/backstores/user:qcow', 'create', 'q1', '64M', 'relative.qcow2']);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('lioctl: cfgstring invalid: qcow/relative.qcow2 is not an absolute path\n');
    const state = readFileSync(box.state, 'utf8');
    expect(state).not.toContain('user_');
    expect(line((await run(['ls', '/backstores'])).stdout, 'user:qcow')).toMatch(/\[Storage Objects: 0\]$/);
  });

  it('tcmu-runner gone: create fails with what to do (exit 7), objects stay listed and marked, delete still works', async () => {
    expect((await run(['/backstores/user:qcow', 'create', 'q1', '64M', '/var/tmp/q1.qcow2'])).status).toBe(0);
    service?.stop();
    service = undefined;
    const create = await run(['/backstores/user:qcow', 'create', 'q2', '64M', '/var/tmp/q2.qcow2']);
    expect(create.status).toBe(7);
    expect(create.stderr).toMatch(/^lioctl: tcmu-runner is not answering on D-Bus \(org\.kernel\.TCMUService1 is not on the bus\); .*systemctl start tcmu-runner\n$/);
    expect(create.stderr).toContain('modprobe target_core_user');
    const json = await run(['--json', '/backstores/user:fbo', 'create', 'f1', '1M', '/f']);
    expect(JSON.parse(json.stderr).error.code).toBe('tcmu-unavailable');
    const ls = await run(['ls', '/backstores']);
    expect(ls.status).toBe(0);
    expect(line(ls.stdout, 'user:qcow')).toMatch(/\[Storage Objects: 1 \(tcmu-runner not answering\)\]$/);
    expect(line(ls.stdout, 'user:fbo')).toBe('');
    const del = await run(['/backstores/user:qcow', 'delete', 'q1']);
    expect(del.stderr).toBe('');
    expect(del.status).toBe(0);
    expect(readFileSync(box.state, 'utf8')).not.toContain('q1');
  }, 30_000);

  it('no bus at the address: the same error, naming it', async () => {
    const r = await run(['/backstores/user:qcow', 'create', 'q1', '64M', '/q'], 'unix:path=/nonexistent/bus');
    expect(r.status).toBe(7);
    expect(r.stderr).toContain('tcmu-runner is not answering on D-Bus (no D-Bus at /nonexistent/bus (ENOENT))');
  });

  it('restore without tcmu-runner restores everything else and exits 9', async () => {
    const file = `${box.home}/saved.json`;
    const script = [
      '/backstores/user:qcow create q1 64M /var/tmp/q1.qcow2',
      '/backstores/ramdisk create rd1 1M',
      '/loopback create naa.5001405000000001',
      '/loopback/naa.5001405000000001/luns create /backstores/user:qcow/q1',
      `saveconfig ${file}`,
      '',
    ].join('\n');
    expect((await run([], bus.address, script)).status).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.storage_objects.find((so: { name: string }) => so.name === 'q1')).toMatchObject({ plugin: 'user', config: 'qcow//var/tmp/q1.qcow2', size: 67108864 });
    expect(saved.targets[0].tpgs[0].luns[0].storage_object).toBe('/backstores/user/q1');
    service?.stop();
    service = undefined;
    const r = await run(['restoreconfig', file, 'clear_existing=true']);
    expect(r.status).toBe(9);
    expect(r.stderr).toContain('create user storage object q1');
    expect(r.stderr).toContain('tcmu-runner is not answering');
    const ls = await run(['ls', '/']);
    expect(ls.stdout).toContain('o- rd1 ');
    expect(line(ls.stdout, 'loopback')).toMatch(/\[Targets: 1\]$/);
    expect(ls.stdout).not.toContain('q1');
  }, 30_000);
}
