import type { BlockDeviceInfo, Host, PathInfo } from './host.js';

/**
 * An imaginary machine for the simulator and for tests: files, block devices and /sys
 * entries exist because someone added them. Nothing touches the real disk.
 */
export class MemoryHost implements Host {
  private readonly files = new Map<string, { size: number; sparse: boolean }>();
  private readonly devices = new Map<string, BlockDeviceInfo>();
  private readonly sys = new Map<string, string>();
  readonly loadedModules: string[] = [];
  /** Modules that `loadModule` pretends to load; everything else fails. */
  readonly loadableModules = new Set<string>();

  addFile(path: string, size: number): this {
    this.files.set(path, { size, sparse: false });
    return this;
  }

  addBlockDevice(path: string, info: Partial<BlockDeviceInfo> & { size: number }): this {
    this.devices.set(path, { readOnly: false, ...info });
    return this;
  }

  /** Sets a /sys file; its parent directories appear in `listSys`. */
  setSys(path: string, text: string): this {
    this.sys.set(path, text);
    return this;
  }

  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  fileInfo(path: string): { size: number; sparse: boolean } | undefined {
    return this.files.get(path);
  }

  stat(path: string): PathInfo | undefined {
    const file = this.files.get(path);
    if (file) return { kind: 'file', size: file.size };
    const dev = this.devices.get(path);
    if (dev) return { kind: 'block', size: dev.size };
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const isDir = [...this.files.keys(), ...this.devices.keys()].some((p) => p.startsWith(prefix));
    return isDir ? { kind: 'dir', size: 0 } : undefined;
  }

  blockDevice(path: string): BlockDeviceInfo | undefined {
    return this.devices.get(path);
  }

  createFile(path: string, size: number, sparse: boolean): void {
    if (this.stat(path)) throw Object.assign(new Error(`EEXIST: file already exists, open '${path}'`), { code: 'EEXIST' });
    this.files.set(path, { size, sparse });
  }

  removeFile(path: string): void {
    this.files.delete(path);
  }

  readSys(path: string): string | undefined {
    return this.sys.get(path);
  }

  listSys(path: string): string[] {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const names = new Set<string>();
    for (const key of this.sys.keys()) {
      if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0] ?? '');
    }
    names.delete('');
    return [...names].sort();
  }

  loadModule(name: string): boolean {
    if (!this.loadableModules.has(name)) return false;
    this.loadedModules.push(name);
    return true;
  }
}
