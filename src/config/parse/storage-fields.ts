import type { JsonPath } from '../json-path.js';
import type { ParseContext } from './context.js';
import { CONTROL_CHAR, readRequired, readText } from './values.js';

/**
 * Kernel buffers for the backing path: fileio keeps `fd_dev_name[256]`, iblock and pscsi
 * `udev_path[512]`; longer paths would be cut silently, so they are refused.
 */
const MAX_PATH_BYTES = { fileio: 255, block: 511, pscsi: 511 } as const;

const HCTL = /^\d+:\d+:\d+:\d+$/;

/**
 * `dev`: an absolute path. It travels inside a comma-separated `control` string
 * (`fd_dev_name=<path>,fd_dev_size=...`), so a comma would split it into another option.
 * pscsi also takes the SCSI address `host:channel:target:lun`.
 */
export function readDevicePath(ctx: ParseContext, path: JsonPath, value: unknown, plugin: keyof typeof MAX_PATH_BYTES): string | undefined {
  const text = readText(ctx, path, readRequired(ctx, path, value));
  if (text === undefined) return undefined;
  const dev = text.trim();
  if (plugin === 'pscsi' && HCTL.test(dev)) return dev;
  if (!dev.startsWith('/')) {
    const form = plugin === 'pscsi' ? 'an absolute device path or host:channel:target:lun' : 'an absolute path';
    return ctx.error(path, `expected ${form}`);
  }
  if (dev.includes(',')) return ctx.error(path, "contains ',', which the kernel's option parser would split on");
  if (CONTROL_CHAR.test(dev)) return ctx.error(path, 'contains a control character');
  const bytes = Buffer.byteLength(dev, 'utf8');
  const max = MAX_PATH_BYTES[plugin];
  if (bytes > max) return ctx.error(path, `is ${bytes} bytes long; the kernel keeps at most ${max}`);
  return dev;
}

const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
/** `wwn/vpd_unit_serial` refuses 254 bytes or more. */
const MAX_SERIAL = 253;

/**
 * The unit serial. rtslib generates UUIDs, but tools built on it set their own, and the
 * kernel takes any printable text: UUIDs are lowercased, other serials kept as they are.
 */
export function readSerial(ctx: ParseContext, path: JsonPath, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = readText(ctx, path, value);
  if (text === undefined) return undefined;
  const serial = text.trim();
  if (UUID.test(serial)) return serial.toLowerCase();
  if (!/^[\x20-\x7e]+$/.test(serial)) return ctx.error(path, 'a unit serial holds printable ASCII only');
  if (serial.length > MAX_SERIAL) return ctx.error(path, `is ${serial.length} characters; the kernel keeps at most ${MAX_SERIAL}`);
  return serial;
}

/** user: `<handler>/<handler config>`, as the kernel stores `dev_config`. */
export function readUserConfig(ctx: ParseContext, path: JsonPath, value: unknown): string | undefined {
  const text = readText(ctx, path, readRequired(ctx, path, value));
  if (text === undefined) return undefined;
  const slash = text.indexOf('/');
  if (slash <= 0) return ctx.error(path, 'expected "<handler>/<config>", e.g. "rbd/pool/image"');
  if (text.includes(',')) return ctx.error(path, "contains ',', which the kernel's option parser would split on");
  return text;
}
