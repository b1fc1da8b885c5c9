import { describe, expect, it } from 'vitest';
import { ExitCode, NotFoundError, PartialFailureError, ValidationError } from '../../../../src/errors/index.js';
import { simTcmuHandlers, TcmuUnavailableError, type TcmuHandlerSource } from '../../../../src/tcmu/index.js';
import { configShell, useFiles } from './config-shell.js';

const file = useFiles();

/** The simulator's four handlers, or tcmu-runner gone (with target_core_user still loaded unless said). */
function tcmuRunner(): TcmuHandlerSource & { stop(moduleLoaded?: boolean): void } {
  let down: TcmuUnavailableError | undefined;
  const answer = <T>(fn: () => T): T => {
    if (down !== undefined) throw down;
    return fn();
  };
  return {
    handlers: () => answer(() => simTcmuHandlers.handlers()),
    checkConfig: (handler, config) => answer(() => simTcmuHandlers.checkConfig(handler, config)),
    stop: (moduleLoaded = true) => {
      down = new TcmuUnavailableError(`${moduleLoaded ? 'org.kernel.TCMUService1 is not on the bus' : 'the target_core_user module is not loaded'}`, moduleLoaded);
    },
  };
}

const names = (lines: readonly string[]): string[] => lines.join('\n').split('\n').map((l) => /o- (\S+)/.exec(l)?.[1] ?? '').filter((n) => n !== '');
const lineOf = (lines: readonly string[], node: string): string => lines.join('\n').split('\n').find((l) => l.includes(`o- ${node} `)) ?? '';

describe('/backstores/user:<handler>', () => {
  it("lists one node per handler tcmu-runner announces, after the kernel's plugins", () => {
    const s = configShell({ tcmu: tcmuRunner() });
    expect(names(s.run('ls /backstores 1'))).toEqual(['backstores', 'block', 'fileio', 'pscsi', 'ramdisk', 'user:fbo', 'user:qcow', 'user:rbd', 'user:zbc']);
  });

  it('shows no user node when tcmu-runner is not running and no user object exists', () => {
    const s = configShell();
    expect(names(s.run('ls /backstores 1'))).toEqual(['backstores', 'block', 'fileio', 'pscsi', 'ramdisk']);
  });

  it('create writes dev_config <handler>/<cfgstring>, dev_size, hw_max_sectors, control and the serial, in that object', () => {
    const s = configShell({ tcmu: tcmuRunner() });
    expect(s.run('/backstores/user:qcow create q1 64M /var/tmp/q1.qcow2 wwn=serial-q1 hw_max_sectors=256 control=max_data_area_mb=32')).toEqual([
      'Created user-backed storage object q1 size 67108864.',
    ]);
    const so = s.lio.storageObject('user', 'q1').describe();
    expect(so).toMatchObject({ config: 'qcow//var/tmp/q1.qcow2', size: 67108864, hwMaxSectors: 256, wwn: 'serial-q1' });
    expect(so.control).toContain('max_data_area_mb=32');
    expect(s.prefs.bookmarks()['last']).toBe('/backstores/user:qcow/q1');
    expect(lineOf(s.run('ls /backstores/user:qcow'), 'q1')).toMatch(/\[\/var\/tmp\/q1\.qcow2 \(64\.0MiB\) deactivated\]$/);
  });

  it('a cfgstring the handler refuses changes nothing', () => {
    const s = configShell({ tcmu: tcmuRunner() });
    const before = s.state();
    const err = s.fail('/backstores/user:qcow create q1 64M relative.qcow2');
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe("cfgstring invalid: 'relative.qcow2' is not an absolute file path");
    expect(err.exitCode).toBe(ExitCode.invalid);
    expect(s.state()).toEqual(before);
  });

  it('a handler tcmu-runner does not have is no path', () => {
    const s = configShell({ tcmu: tcmuRunner() });
    expect(s.fail('/backstores/user:glfs create g1 1M vol@host/file')).toBeInstanceOf(NotFoundError);
  });

  it('exports a user object through a LUN by its user:<handler> path; saveconfig writes targetcli keys', () => {
    const s = configShell({ tcmu: tcmuRunner() });
    s.run('/backstores/user:rbd create r1 1G pool/image1 hw_max_sectors=1024', '/loopback create naa.5001405000000001', '/loopback/naa.5001405000000001/luns create /backstores/user:rbd/r1');
    expect(lineOf(s.run('ls /loopback'), 'lun0')).toContain('[user/r1 (default_tg_pt_gp)]');
    const saved = JSON.parse(s.saved()) as { storage_objects: Array<Record<string, unknown>>; targets: Array<{ tpgs: Array<{ luns: Array<Record<string, unknown>> }> }> };
    const so = saved.storage_objects[0] ?? {};
    expect(so).toMatchObject({ plugin: 'user', name: 'r1', config: 'rbd/pool/image1', size: 1073741824, hw_max_sectors: 1024 });
    expect(Object.keys(so).sort()).toEqual(['alua_tpgs', 'attributes', 'config', 'control', 'hw_max_sectors', 'name', 'plugin', 'size', 'wwn']);
    expect(saved.targets[0]?.tpgs[0]?.luns[0]?.['storage_object']).toBe('/backstores/user/r1');
    // And back: the same file from an empty configuration.
    const path = file('user.json', s.saved());
    const t = configShell({ tcmu: tcmuRunner() });
    t.run(`restoreconfig ${path}`);
    expect(t.saved()).toBe(s.saved());
  });

  it('while tcmu-runner is down: create says what to do, objects stay listed and marked, delete and clearconfig work', () => {
    const tcmu = tcmuRunner();
    const s = configShell({ tcmu });
    s.run('/backstores/user:qcow create q1 64M /var/tmp/q1.qcow2', '/backstores/user:qcow create q2 64M /var/tmp/q2.qcow2');
    tcmu.stop();
    const before = s.state();
    const err = s.fail('/backstores/user:qcow create q3 64M /var/tmp/q3.qcow2');
    expect(err).toBeInstanceOf(TcmuUnavailableError);
    expect(err.exitCode).toBe(ExitCode.environment);
    expect(err.message).toBe(
      'tcmu-runner is not answering on D-Bus (org.kernel.TCMUService1 is not on the bus); load the module and start tcmu-runner: modprobe target_core_user && systemctl start tcmu-runner',
    );
    expect(s.state()).toEqual(before);
    const ls = s.run('ls /backstores 1');
    expect(names(ls)).toEqual(['backstores', 'block', 'fileio', 'pscsi', 'ramdisk', 'user:qcow']);
    expect(lineOf(ls, 'user:qcow')).toMatch(/\[Storage Objects: 2 \(tcmu-runner not answering\)\]$/);
    expect(s.fail('/backstores/user:fbo create f1 1M /f')).toBeInstanceOf(TcmuUnavailableError);
    s.run('/backstores/user:qcow delete q1');
    expect(s.lio.storageObjects('user').map((so) => so.name)).toEqual(['q2']);
    s.run('clearconfig confirm=true');
    expect(s.lio.storageObjects('user')).toEqual([]);
  });

  it('restore while tcmu-runner is down makes everything but the user objects and what uses them (exit 9)', () => {
    const source = configShell({ tcmu: tcmuRunner() });
    source.run(
      '/backstores/user:qcow create q1 64M /var/tmp/q1.qcow2',
      '/backstores/ramdisk create rd1 1M',
      '/loopback create naa.5001405000000001',
      '/loopback/naa.5001405000000001/luns create /backstores/user:qcow/q1',
      '/loopback/naa.5001405000000001/luns create /backstores/ramdisk/rd1',
    );
    const path = file('saved.json', source.saved());
    const tcmu = tcmuRunner();
    tcmu.stop();
    const s = configShell({ tcmu });
    const err = s.fail(`restoreconfig ${path}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.exitCode).toBe(ExitCode.partial);
    expect(err.message).toContain('create user storage object q1');
    expect(err.message).toContain('tcmu-runner is not answering');
    expect(err.message).toContain('skipped: create LUN 0 in loopback/naa.5001405000000001');
    expect(s.lio.storageObjects('user')).toEqual([]);
    expect(s.lio.storageObjects('ramdisk').map((so) => so.name)).toEqual(['rd1']);
    expect(lineOf(s.run('ls /loopback'), 'lun1')).toContain('ramdisk/rd1');
  });

  it('restore before tcmu-runner ever ran (target_core_user not loaded) makes the user objects, with a warning', () => {
    const source = configShell({ tcmu: tcmuRunner() });
    source.run('/backstores/user:qcow create q1 64M /var/tmp/q1.qcow2');
    const path = file('saved.json', source.saved());
    const tcmu = tcmuRunner();
    tcmu.stop(false);
    const s = configShell({ tcmu });
    expect(s.run(`restoreconfig ${path}`)).toEqual([
      'Warning: user:qcow objects are made, but serve no I/O until tcmu-runner runs (the target_core_user module is not loaded): systemctl start tcmu-runner',
      `Configuration restored from ${path}`,
    ]);
    expect(s.saved()).toBe(source.saved());
  });
});
