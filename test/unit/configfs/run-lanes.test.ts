import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigFsError, KernelConfigFs, runLanes, runLanesInTurn, ValidationError, type ConfigFsChange } from '../../../src/index.js';
import { SimConfigFs } from '../../../src/configfs/sim/index.js';
import { RecordingFs } from '../model/helpers.js';

/** Lane `i`: makes dir d<i>, writes its file, links it, then takes the link away again. */
function lane(i: number, files: number): ConfigFsChange[] {
  const out: ConfigFsChange[] = [{ op: 'mkdir', path: `t/d${i}` }];
  for (let f = 0; f < files; f++) out.push({ op: 'mkdir', path: `t/d${i}/f${f}` });
  out.push({ op: 'write', path: `t/v${i}`, value: `lane ${i}\n` });
  out.push({ op: 'symlink', path: `t/d${i}/link`, target: 'core' });
  out.push({ op: 'symlink', path: `t/d${i}/gone`, target: 'core' });
  out.push({ op: 'unlink', path: `t/d${i}/gone` });
  out.push({ op: 'rmdir', path: `t/d${i}/f0` });
  return out;
}

/** Four lanes of `each` new directories `t/<prefix><lane>-<n>`: 280 changes at 70, enough for a worker. */
function mkdirLanes(prefix: string, each = 70): ConfigFsChange[][] {
  return Array.from({ length: 4 }, (_, i) => Array.from({ length: each }, (_, f) => ({ op: 'mkdir', path: `t/${prefix}${i}-${f}` })));
}

describe('runLanes', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lioctl-lanes-'));
    mkdirSync(join(root, 'core'));
    mkdirSync(join(root, 't'));
    for (let i = 0; i < 8; i++) writeFileSync(join(root, 't', `v${i}`), '');
  });

  function expectLanesMade(lanes: number, files: number): void {
    for (let i = 0; i < lanes; i++) {
      expect(readFileSync(join(root, 't', `v${i}`), 'utf8')).toBe(`lane ${i}\n`);
      expect(readlinkSync(join(root, 't', `d${i}`, 'link'))).toBe(join(root, 'core'));
      expect(readdirSync(join(root, 't', `d${i}`)).length).toBe(files); // f1..f(n-1) and the link
    }
  }

  // 8 lanes of 80 changes: past the size at which the kernel's port hands them to a worker thread.
  it('makes every change of every lane, in a worker thread for a large batch', () => {
    const lanes = Array.from({ length: 8 }, (_, i) => lane(i, 75));
    const outcome = runLanes(new KernelConfigFs(root), lanes);
    expect(outcome).toEqual({ done: lanes.map((l) => l.length), failures: [] });
    expectLanesMade(8, 75);
  });

  it('lets the caller go on while the worker makes the lanes, and answers each finish() alike', () => {
    const fs = new KernelConfigFs(root);
    const lanes = Array.from({ length: 8 }, (_, i) => lane(i, 75));
    const started = fs.startLanes(lanes);
    // A change of something else, made by the caller while the lanes are being made.
    fs.mkdir('t/beside');
    fs.symlink('core', 't/beside/link');
    const outcome = started.finish();
    expect(outcome).toEqual({ done: lanes.map((l) => l.length), failures: [] });
    expect(started.finish()).toBe(outcome);
    expectLanesMade(8, 75);
    expect(fs.readlink('t/beside/link')).toBe('core');
  });

  it('makes a small batch itself, with the same outcome', () => {
    const lanes = [lane(0, 2), lane(1, 2)];
    expect(runLanes(new KernelConfigFs(root), lanes)).toEqual({ done: [lanes[0]?.length, lanes[1]?.length], failures: [] });
    expectLanesMade(2, 2);
  });

  it('makes a small batch in the worker once the caller said lanes were coming, refusals included', () => {
    const fs = new KernelConfigFs(root);
    fs.expectLanes();
    const lanes = [lane(0, 2), lane(1, 2), [{ op: 'rmdir', path: 't/nosuch' } as const]];
    const outcome = runLanes(fs, lanes);
    expect(outcome.done).toEqual([lanes[0]?.length, lanes[1]?.length, 0]);
    expect(outcome.failures.map((f) => [f.lane, f.index, f.error.errno])).toEqual([[2, 0, 'ENOENT']]);
    expectLanesMade(2, 2);
  });

  it('answers a batch that finished while one started before it still waits', () => {
    const fs = new KernelConfigFs(root);
    fs.expectLanes();
    // A write to a FIFO waits in open() until a reader comes: the first batch cannot finish.
    execFileSync('mkfifo', [join(root, 't', 'fifo')]);
    const waiting = fs.startLanes([[{ op: 'write', path: 't/fifo', value: 'x' }], [{ op: 'mkdir', path: 't/first' }]]);
    const second = fs.startLanes([[{ op: 'mkdir', path: 't/second' }], [{ op: 'rmdir', path: 't/nosuch' }]]);
    let reader: number | undefined;
    try {
      const outcome = second.finish();
      expect(outcome.done).toEqual([1, 0]);
      expect(outcome.failures.map((f) => [f.lane, f.index, f.error.errno])).toEqual([[1, 0, 'ENOENT']]);
      expect(existsSync(join(root, 't', 'second'))).toBe(true);
    } finally {
      // The reader lets the first batch's write through, whatever happened above.
      reader = openSync(join(root, 't', 'fifo'), constants.O_RDONLY | constants.O_NONBLOCK);
    }
    try {
      expect(waiting.finish()).toEqual({ done: [1, 1], failures: [] });
    } finally {
      closeSync(reader);
    }
  });

  // A restore's mapped LUNs: thousands of lanes that each write a file. Started all at once,
  // their open files would pass the process's limit (EMFILE); 25,000 passes the usual ones.
  it('makes thousands of lanes that write, without running out of file descriptors', () => {
    const count = 25_000;
    const lanes = Array.from({ length: count }, (_, i): ConfigFsChange[] => [
      { op: 'mkdir', path: `t/m${i}` },
      { op: 'write', path: `t/v${i % 8}`, value: `${i}` },
    ]);
    const outcome = runLanes(new KernelConfigFs(root), lanes);
    expect(outcome.failures.map((f) => f.error.errno)).toEqual([]);
    expect(readdirSync(join(root, 't')).filter((n) => n.startsWith('m'))).toHaveLength(count);
  });

  it('stops a lane at its refusal, named with its absolute path, and makes the other lanes whole', () => {
    for (const files of [2, 75]) {
      const fresh = mkdtempSync(join(tmpdir(), 'lioctl-lanes-'));
      mkdirSync(join(fresh, 't', 'full', 'inside'), { recursive: true });
      const lanes = mkdirLanes('l', files);
      lanes[2]?.splice(1, 0, { op: 'rmdir', path: 't/full' });
      const outcome = runLanes(new KernelConfigFs(fresh), lanes);
      expect(outcome.failures).toHaveLength(1);
      const failure = outcome.failures[0];
      expect(failure?.lane).toBe(2);
      expect(failure?.index).toBe(1);
      expect(failure?.error).toBeInstanceOf(ConfigFsError);
      expect(failure?.error.message).toBe(`cannot remove ${fresh}/t/full: it still has children [ENOTEMPTY]`);
      expect(outcome.done).toEqual([files, files, 1, files]);
      expect(existsSync(join(fresh, 't', 'l2-0'))).toBe(true);
      expect(existsSync(join(fresh, 't', 'l2-1'))).toBe(false);
      for (const i of [0, 1, 3]) expect(existsSync(join(fresh, 't', `l${i}-${files - 1}`))).toBe(true);
    }
  });

  it('never creates a file on write, in a worker too', () => {
    const lanes = mkdirLanes('w');
    lanes[3]?.push({ op: 'write', path: 't/nosuch', value: '1' });
    const outcome = runLanes(new KernelConfigFs(root), lanes);
    expect(outcome.failures.map((f) => [f.lane, f.index, f.error.errno])).toEqual([[3, 70, 'ENOENT']]);
    expect(existsSync(join(root, 't', 'nosuch'))).toBe(false);
  });

  it('refuses a path that could leave the root before making any change', () => {
    const lanes = mkdirLanes('x');
    lanes[1]?.push({ op: 'mkdir', path: '../escape' });
    expect(() => runLanes(new KernelConfigFs(root), lanes)).toThrow(ValidationError);
    expect(readdirSync(join(root, 't')).filter((n) => n.startsWith('x'))).toEqual([]);
  });

  it('links absolutely from a worker, as configfs needs', () => {
    const lanes = Array.from({ length: 4 }, (_, i) => Array.from({ length: 70 }, (_, f) => ({ op: 'symlink' as const, path: `t/s${i}-${f}`, target: 'core' })));
    expect(runLanes(new KernelConfigFs(root), lanes).failures).toEqual([]);
    expect(lstatSync(join(root, 't', 's3-69')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 't', 's3-69'))).toBe(join(root, 'core'));
  });
});

describe('runLanesInTurn (the simulator, one call at a time)', () => {
  it('makes started lanes only at finish(), the latest the kernel may', () => {
    const sim = new SimConfigFs();
    const started = sim.startLanes([[{ op: 'mkdir', path: 'core/rd_mcp_1' }], [{ op: 'mkdir', path: 'core/rd_mcp_2' }]]);
    expect(sim.exists('core/rd_mcp_1')).toBe(false);
    expect(started.finish()).toEqual({ done: [1, 1], failures: [] });
    expect(sim.list('core')).toEqual(expect.arrayContaining(['rd_mcp_1', 'rd_mcp_2']));
    started.finish();
    expect(sim.list('core').filter((n) => n.startsWith('rd_mcp'))).toHaveLength(2);
  });

  it('takes one change of each lane in turn, so no lane may count on another being done first', () => {
    const fs = new RecordingFs(new SimConfigFs());
    const outcome = runLanesInTurn(fs, [
      [
        { op: 'mkdir', path: 'core/rd_mcp_1' },
        { op: 'mkdir', path: 'core/rd_mcp_1/a' },
        { op: 'rmdir', path: 'core/rd_mcp_1/a' },
      ],
      [{ op: 'mkdir', path: 'core/rd_mcp_2' }],
    ]);
    expect(outcome).toEqual({ done: [3, 1], failures: [] });
    expect(fs.changes().map((c) => `${c.op} ${c.path}`)).toEqual(['mkdir core/rd_mcp_1', 'mkdir core/rd_mcp_2', 'mkdir core/rd_mcp_1/a', 'rmdir core/rd_mcp_1/a']);
  });

  it('stops a lane at its refusal and goes on with the others', () => {
    const fs = new RecordingFs(new SimConfigFs());
    const outcome = runLanesInTurn(fs, [
      [
        { op: 'mkdir', path: 'core/rd_mcp_1' },
        { op: 'rmdir', path: 'core/rd_mcp_9' },
        { op: 'mkdir', path: 'core/rd_mcp_3' },
      ],
      [
        { op: 'mkdir', path: 'core/rd_mcp_2' },
        { op: 'mkdir', path: 'core/rd_mcp_4' },
        { op: 'mkdir', path: 'core/rd_mcp_5' },
      ],
    ]);
    expect(outcome.done).toEqual([1, 3]);
    expect(outcome.failures.map((f) => [f.lane, f.index, f.error.errno])).toEqual([[0, 1, 'ENOENT']]);
    expect(fs.changes().map((c) => c.path)).toEqual(['core/rd_mcp_1', 'core/rd_mcp_2', 'core/rd_mcp_9', 'core/rd_mcp_4', 'core/rd_mcp_5']);
  });
});
