import type { ConfigFs } from '../configfs/index.js';
import { ConfigFsError } from '../configfs/index.js';

/** Kernel text without its trailing newline (and the NUL some show functions append). */
export function chomp(text: string): string {
  // Called for every file read: a scan from the end instead of a regular expression.
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 10 || c === 0; c = text.charCodeAt(end - 1)) end--;
  return end === text.length ? text : text.slice(0, end);
}

export function readText(fs: ConfigFs, path: string): string {
  return chomp(fs.read(path));
}

/** The file's text, or undefined when the kernel has no such file (older or other kernel). */
export function readIfExists(fs: ConfigFs, path: string): string | undefined {
  try {
    return chomp(fs.read(path));
  } catch (err) {
    if (err instanceof ConfigFsError && (err.errno === 'ENOENT' || err.errno === 'ENODEV')) return undefined;
    throw err;
  }
}

export function readInt(fs: ConfigFs, path: string): number {
  return Number.parseInt(readText(fs, path), 10);
}

/** Lists a directory, or [] when it does not exist. */
export function listIfExists(fs: ConfigFs, path: string): string[] {
  try {
    return fs.list(path);
  } catch (err) {
    if (err instanceof ConfigFsError && (err.errno === 'ENOENT' || err.errno === 'ENOTDIR')) return [];
    throw err;
  }
}

/** Values written to kernel flag files. */
export function flag(value: boolean): string {
  return value ? '1' : '0';
}

/** The index in a `<prefix><N>` directory name, or undefined for other names. */
export function indexAfter(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const digits = name.slice(prefix.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Natural order for `lun2` before `lun10`. */
export function byNumber<T>(key: (item: T) => number): (a: T, b: T) => number {
  return (a, b) => key(a) - key(b);
}
