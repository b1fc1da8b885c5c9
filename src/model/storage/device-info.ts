import type { StoragePlugin } from './plugins.js';

/** What a backend's `info` file says, parsed. Fields a backend does not show stay undefined. */
export interface DeviceInfoText {
  readonly activated: boolean;
  readonly blockSize?: number;
  readonly hwMaxSectors?: number;
  /** fileio: the file; block: the device (udev path). */
  readonly device?: string;
  readonly size?: number;
  /** fileio: `Buffered-WCE` mode. */
  readonly bufferedWce?: boolean;
  readonly aio?: boolean;
  readonly readOnly?: boolean;
  readonly nullio?: boolean;
  /** user: `<handler>/<config>`. */
  readonly config?: string;
  /** pscsi: `host:channel:target:lun`. */
  readonly hctl?: string;
}

// Compiled once per label: a save parses the info of every storage object.
const FIELD_PATTERNS = new Map<string, RegExp>();

/** The token after `label:`; the label must start a word (`Size` is not `SectorSize`). */
function field(text: string, label: string): string | undefined {
  let pattern = FIELD_PATTERNS.get(label);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)${label.replace(/[/*]/g, '\\$&')}:[ \t]*(\\S*)`);
    FIELD_PATTERNS.set(label, pattern);
  }
  return pattern.exec(text)?.[1];
}

function num(text: string, label: string): number | undefined {
  const v = field(text, label);
  return v === undefined || !/^\d+$/.test(v) ? undefined : Number(v);
}

/**
 * Parses the kernel's `info` text, e.g. `Status: ACTIVATED ... File: /x  Size: 16777216
 * Mode: O_DSYNC Async: 0` (fileio) or `PAGES/PAGE_SIZE: 4096*4096 ... nullio: 0` (rd_mcp).
 */
export function parseDeviceInfo(plugin: StoragePlugin, text: string): DeviceInfoText {
  const out: { -readonly [K in keyof DeviceInfoText]: DeviceInfoText[K] } = {
    activated: field(text, 'Status') === 'ACTIVATED',
  };
  const blockSize = num(text, 'SectorSize');
  if (blockSize !== undefined) out.blockSize = blockSize;
  const hwMax = num(text, 'HwMaxSectors');
  if (hwMax !== undefined) out.hwMaxSectors = hwMax;
  switch (plugin) {
    case 'fileio': {
      const file = field(text, 'File');
      if (file !== undefined && file !== '' && file !== 'Size:') out.device = file;
      const size = num(text, 'Size');
      if (size !== undefined) out.size = size;
      out.bufferedWce = field(text, 'Mode') === 'Buffered-WCE';
      out.aio = field(text, 'Async') === '1';
      break;
    }
    case 'block': {
      const udev = field(text, 'UDEV PATH');
      if (udev !== undefined && udev !== '') out.device = udev;
      out.readOnly = field(text, 'readonly') === '1';
      break;
    }
    case 'ramdisk': {
      const m = /PAGES\/PAGE_SIZE: (\d+)\*(\d+)/.exec(text);
      if (m) out.size = Number(m[1]) * Number(m[2]);
      out.nullio = field(text, 'nullio') === '1';
      break;
    }
    case 'user': {
      const config = field(text, 'Config');
      if (config !== undefined && config !== 'NULL') out.config = config;
      const size = num(text, 'Size');
      if (size !== undefined) out.size = size;
      break;
    }
    case 'pscsi': {
      const h = num(text, 'Host ID');
      const c = num(text, 'Channel ID');
      const t = num(text, 'Target ID');
      const l = num(text, 'LUN');
      if (h !== undefined && c !== undefined && t !== undefined && l !== undefined) out.hctl = `${h}:${c}:${t}:${l}`;
      break;
    }
  }
  return out;
}
