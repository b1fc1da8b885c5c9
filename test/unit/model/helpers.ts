import { expect } from 'vitest';
import { atFinish, runLanesInTurn, type ConfigFs, type ConfigFsChange, type ConfigFsOp, type EntryStat, type StartedLanes } from '../../../src/configfs/index.js';
import { SimConfigFs } from '../../../src/configfs/sim/index.js';
import { LioctlError } from '../../../src/errors/index.js';
import { LioRoot, MemoryHost } from '../../../src/model/index.js';

/** Deterministic "randomness": a counter, so generated names differ but repeat run to run. */
export function counterRandom(): (n: number) => Uint8Array {
  let next = 1;
  return (n) => Uint8Array.from({ length: n }, () => next++ & 0xff);
}

export const LOOP = '/dev/loop7';
export const SDB = '/dev/sdb';

/** A machine with one loop device, one SCSI disk, one tape and an existing image file. */
export function testHost(): MemoryHost {
  return new MemoryHost()
    .addBlockDevice(LOOP, { size: 16 << 20 })
    .addBlockDevice(SDB, { size: 32 << 20, scsiType: 0, hctl: '2:0:0:0' })
    .addBlockDevice('/dev/st0', { size: 0, scsiType: 1, hctl: '3:0:0:0' })
    .addBlockDevice('/dev/sr0', { size: 1 << 20, readOnly: true, scsiType: 5, hctl: '4:0:0:0' })
    .addBlockDevice('/dev/ro0', { size: 1 << 20, readOnly: true })
    .addFile('/srv/existing.img', 8 << 20);
}

/** Counts and records every port call, delegating to another ConfigFs. */
export class RecordingFs implements ConfigFs {
  readonly calls: Array<{ op: ConfigFsOp | 'exists'; path: string }> = [];
  /** Called before each call is delegated. */
  before: ((op: ConfigFsOp | 'exists', path: string) => void) | undefined;

  constructor(readonly inner: ConfigFs) {}

  get root(): string {
    return this.inner.root;
  }

  get backend() {
    return this.inner.backend;
  }

  private note(op: ConfigFsOp | 'exists', path: string): void {
    this.calls.push({ op, path });
    this.before?.(op, path);
  }

  list(path: string): string[] {
    this.note('list', path);
    return this.inner.list(path);
  }
  read(path: string): string {
    this.note('read', path);
    return this.inner.read(path);
  }
  write(path: string, value: string): void {
    this.note('write', path);
    this.inner.write(path, value);
  }
  mkdir(path: string): void {
    this.note('mkdir', path);
    this.inner.mkdir(path);
  }
  rmdir(path: string): void {
    this.note('rmdir', path);
    this.inner.rmdir(path);
  }
  symlink(target: string, path: string): void {
    this.note('symlink', path);
    this.inner.symlink(target, path);
  }
  readlink(path: string): string {
    this.note('readlink', path);
    return this.inner.readlink(path);
  }
  unlink(path: string): void {
    this.note('unlink', path);
    this.inner.unlink(path);
  }
  exists(path: string): boolean {
    this.note('exists', path);
    return this.inner.exists(path);
  }
  stat(path: string): EntryStat {
    this.note('stat', path);
    return this.inner.stat(path);
  }

  /** Through this port's own calls, so each change is recorded; made at finish(), as the simulator does. */
  startLanes(lanes: readonly (readonly ConfigFsChange[])[]): StartedLanes {
    return atFinish(() => runLanesInTurn(this, lanes));
  }

  expectLanes(): void {}

  readAhead(_trees: readonly string[]): void {}

  /** Mutating calls only. */
  changes(): Array<{ op: string; path: string }> {
    return this.calls.filter((c) => ['mkdir', 'rmdir', 'write', 'symlink', 'unlink'].includes(c.op));
  }

  reset(): void {
    this.calls.length = 0;
  }
}

export interface TestLio {
  readonly sim: SimConfigFs;
  readonly fs: RecordingFs;
  readonly host: MemoryHost;
  readonly lio: LioRoot;
}

export function newLio(sim: SimConfigFs = new SimConfigFs(), host: MemoryHost = testHost()): TestLio {
  const fs = new RecordingFs(sim);
  return { sim, fs, host, lio: new LioRoot(fs, { host, random: counterRandom() }) };
}

/** Everything the simulated kernel holds, minus the counter it never gives back. */
export function kernelState(sim: SimConfigFs): unknown {
  const { hbaCounter: _ignored, ...rest } = sim.toSnapshot();
  return rest;
}

/** Runs `fn`, expects a LioctlError, checks its class/code and that it is one readable line. */
export function expectError<E extends LioctlError>(fn: () => unknown, type: new (...args: never[]) => E, code?: string | RegExp): E {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected an error').toBeInstanceOf(type);
  const error = caught as E;
  if (typeof code === 'string') expect(error.code).toBe(code);
  else if (code instanceof RegExp) expect(error.code).toMatch(code);
  expect(error.message).not.toContain('\n');
  return error;
}
