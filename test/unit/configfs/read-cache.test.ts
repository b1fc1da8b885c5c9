import { describe, expect, it } from 'vitest';
import { ReadCachingConfigFs, type ConfigFs } from '../../../src/configfs/index.js';
import { SimConfigFs } from '../../../src/configfs/sim/index.js';
import { rootNode } from '../../../src/shell/nodes/root-node.js';
import { RecordingFs } from '../model/helpers.js';
import { recordingSession } from '../shell/recording-session.js';

function cached() {
  const sim = new SimConfigFs();
  const inner = new RecordingFs(sim);
  const fs = new ReadCachingConfigFs(inner);
  const asked = (op: string, path: string) => inner.calls.filter((c) => c.op === op && c.path === path).length;
  return { sim, inner, fs, asked };
}

const SO = 'core/rd_mcp_0/r1';

describe('ReadCachingConfigFs', () => {
  it('asks configfs once for what is read again', () => {
    const { fs, asked } = cached();
    fs.mkdir('core/rd_mcp_0');
    fs.mkdir(SO);
    for (let i = 0; i < 3; i++) {
      fs.read(`${SO}/attrib/block_size`);
      fs.list(SO);
      fs.exists(`${SO}/attrib`);
    }
    expect([asked('read', `${SO}/attrib/block_size`), asked('list', SO), asked('exists', `${SO}/attrib`)]).toEqual([1, 1, 1]);
  });

  it('reads a file again after any write, since a store may change other files', () => {
    const { fs } = cached();
    fs.mkdir('core/rd_mcp_0');
    fs.mkdir(SO);
    expect(fs.read(`${SO}/attrib/emulate_3pc`).trim()).toBe('1');
    fs.write(`${SO}/attrib/emulate_3pc`, '0');
    expect(fs.read(`${SO}/attrib/emulate_3pc`).trim()).toBe('0');
  });

  it('finds what mkdir made, and loses what rmdir removed', () => {
    const { fs } = cached();
    expect(fs.exists('core/rd_mcp_0')).toBe(false);
    fs.mkdir('core/rd_mcp_0');
    expect(fs.exists('core/rd_mcp_0')).toBe(true);
    expect(fs.list('core')).toContain('rd_mcp_0');
    fs.rmdir('core/rd_mcp_0');
    expect(fs.exists('core/rd_mcp_0')).toBe(false);
    expect(fs.list('core')).not.toContain('rd_mcp_0');
  });

  it('keeps paths found across writes: a restore looks its objects up once', () => {
    const { sim, fs, asked } = cached();
    sim.mkdir('core/rd_mcp_0');
    sim.mkdir(SO);
    fs.exists(SO);
    fs.write(`${SO}/control`, 'rd_pages=64');
    fs.exists(SO);
    expect(asked('exists', SO)).toBe(1);
  });

  it('counts what mkdir and symlink made as found without asking', () => {
    const { fs, asked } = cached();
    fs.mkdir('core/rd_mcp_0');
    fs.mkdir(SO);
    fs.write(`${SO}/control`, 'rd_pages=64');
    fs.write(`${SO}/enable`, '1');
    fs.mkdir('iscsi');
    fs.mkdir('iscsi/iqn.2003-01.org.example:t1');
    fs.mkdir('iscsi/iqn.2003-01.org.example:t1/tpgt_1');
    fs.mkdir('iscsi/iqn.2003-01.org.example:t1/tpgt_1/lun/lun_0');
    const link = 'iscsi/iqn.2003-01.org.example:t1/tpgt_1/lun/lun_0/r1';
    fs.symlink(SO, link);
    expect([fs.exists(SO), fs.exists(link)]).toEqual([true, true]);
    expect(asked('exists', SO) + asked('exists', link)).toBe(0);
    expect(fs.readlink(link)).toBe(SO);
  });

  it('forgets at finish() what it learnt while lanes were being made', () => {
    const { fs } = cached();
    const started = fs.startLanes([[{ op: 'mkdir', path: 'core/rd_mcp_1' }], [{ op: 'mkdir', path: 'core/rd_mcp_2' }]]);
    // The simulator makes them at finish(): this listing and this lookup predate them.
    expect(fs.list('core')).not.toContain('rd_mcp_1');
    expect(fs.exists('core/rd_mcp_2')).toBe(false);
    started.finish();
    expect(fs.list('core')).toEqual(expect.arrayContaining(['rd_mcp_1', 'rd_mcp_2']));
    expect(fs.exists('core/rd_mcp_2')).toBe(true);
  });

  it('keeps paths found across a batch of creations, but not across one that removes', () => {
    const { sim, fs, asked } = cached();
    sim.mkdir('core/rd_mcp_0');
    sim.mkdir(SO);
    fs.exists(SO);
    fs.startLanes([[{ op: 'mkdir', path: 'core/rd_mcp_1' }]]).finish();
    expect(fs.exists(SO)).toBe(true);
    expect(asked('exists', SO)).toBe(1);
    fs.startLanes([[{ op: 'rmdir', path: 'core/rd_mcp_1' }]]).finish();
    expect(fs.exists(SO)).toBe(true);
    expect(asked('exists', SO)).toBe(2);
  });
});

/** A configfs where every path is a file holding its own name, counting reads. */
function filesEverywhere(): { fs: ReadCachingConfigFs; reads: () => number } {
  let reads = 0;
  const refuse = (): never => {
    throw new Error('not used here');
  };
  const inner: ConfigFs = {
    root: '/x',
    backend: 'simulator',
    read: (path) => (reads++, `${path}\n`),
    list: refuse,
    write: refuse,
    mkdir: refuse,
    rmdir: refuse,
    symlink: refuse,
    readlink: refuse,
    unlink: refuse,
    exists: refuse,
    stat: refuse,
    startLanes: refuse,
    expectLanes: refuse,
    readAhead: refuse,
  };
  return { fs: new ReadCachingConfigFs(inner), reads: () => reads };
}

describe('ReadCachingConfigFs over many files', () => {
  it('stops remembering reads when nearly nothing is read twice, as in a save', () => {
    const { fs, reads } = filesEverywhere();
    for (let i = 0; i < 5000; i++) fs.read(`f${i}`);
    fs.read('f1');
    fs.read('f4999');
    expect(reads()).toBe(5002); // once the cache has given up, every read goes to configfs
  });

  it('goes on keeping them when files come back, as in a tree', () => {
    const { fs, reads } = filesEverywhere();
    for (let i = 0; i < 5000; i++) {
      fs.read(`f${i}`);
      if (i % 10 === 0) fs.read('tpg/attrib/authentication');
    }
    fs.read('f4999');
    expect(reads()).toBe(5001);
  });
});

describe('the shell reads through it one line at a time', () => {
  it('sees a change another process made between two lines', () => {
    const sim = new SimConfigFs();
    const shell = recordingSession({ fs: sim, root: rootNode });
    expect(shell.run('ls /backstores/ramdisk').join('\n')).toContain('Storage Objects: 0');
    sim.mkdir('core/rd_mcp_0');
    sim.mkdir(SO);
    expect(shell.run('ls /backstores/ramdisk').join('\n')).toContain('Storage Objects: 1');
  });
});
