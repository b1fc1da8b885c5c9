import { nodeChildProcess } from '../../runtime/lazy-modules.js';
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import type { BlockDeviceInfo, Host, PathInfo } from './host.js';

const CHUNK = 1 << 20;

/** The real machine: node:fs on backing files, /sys for devices and hardware, modprobe. */
export class NodeHost implements Host {
  constructor(private readonly sysRoot = '/sys') {}

  stat(path: string): PathInfo | undefined {
    let st: Stats;
    try {
      st = statSync(path);
    } catch {
      return undefined;
    }
    if (st.isFile()) return { kind: 'file', size: st.size };
    if (st.isDirectory()) return { kind: 'dir', size: 0 };
    if (st.isBlockDevice()) return { kind: 'block', size: this.blockDevice(path)?.size ?? 0 };
    return { kind: 'other', size: 0 };
  }

  blockDevice(path: string): BlockDeviceInfo | undefined {
    let real: string;
    try {
      real = realpathSync(path);
      if (!statSync(real).isBlockDevice()) return undefined;
    } catch {
      return undefined;
    }
    const sys = `${this.sysRoot}/class/block/${basename(real)}`;
    const sectors = Number(this.readSys(`${sys}/size`) ?? '0');
    const info: { size: number; readOnly: boolean; scsiType?: number; hctl?: string } = {
      size: sectors * 512,
      readOnly: this.readSys(`${sys}/ro`) === '1',
    };
    const type = this.readSys(`${sys}/device/type`);
    if (type !== undefined && /^\d+$/.test(type)) info.scsiType = Number(type);
    try {
      const dev = basename(realpathSync(`${sys}/device`));
      if (/^\d+:\d+:\d+:\d+$/.test(dev)) info.hctl = dev;
    } catch {
      // not a SCSI device (loop, nvme, virtio)
    }
    return info;
  }

  createFile(path: string, size: number, sparse: boolean): void {
    const fd = openSync(path, 'wx', 0o600);
    let done = false;
    try {
      if (sparse) ftruncateSync(fd, size);
      else if (!this.fallocate(path, size)) writeZeros(fd, size);
      done = true;
    } finally {
      closeSync(fd);
      if (!done) rmSync(path, { force: true });
    }
  }

  /** posix_fallocate through util-linux: node has no binding, and writing zeros is slow. */
  private fallocate(path: string, size: number): boolean {
    try {
      nodeChildProcess().execFileSync('fallocate', ['-l', String(size), path], { stdio: 'ignore' });
      return statSync(path).size === size;
    } catch {
      return false;
    }
  }

  removeFile(path: string): void {
    rmSync(path, { force: true });
  }

  readSys(path: string): string | undefined {
    try {
      return readFileSync(this.sysPath(path), 'utf8').replace(/\n+$/, '');
    } catch {
      return undefined;
    }
  }

  listSys(path: string): string[] {
    try {
      return readdirSync(this.sysPath(path)).sort();
    } catch {
      return [];
    }
  }

  loadModule(name: string): boolean {
    try {
      nodeChildProcess().execFileSync('modprobe', [name], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** Paths given as /sys/... are re-rooted when the host was built with another sysRoot (tests). */
  private sysPath(path: string): string {
    return path.startsWith('/sys/') && this.sysRoot !== '/sys' ? `${this.sysRoot}${path.slice(4)}` : path;
  }
}

/** Allocates every block the slow way, when fallocate(1) is not there. */
function writeZeros(fd: number, size: number): void {
  const zeros = Buffer.alloc(Math.min(CHUNK, size));
  for (let done = 0; done < size; done += zeros.length) {
    writeSync(fd, zeros, 0, Math.min(zeros.length, size - done), done);
  }
  fsyncSync(fd);
}
