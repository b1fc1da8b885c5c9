import { ValidationError } from '../../errors/index.js';
import type { Host } from '../host/host.js';
import { parseSize } from '../validate/index.js';
import type { BlockSpec, FileioSpec, PscsiSpec, RamdiskSpec, StorageObjectSpec, UserSpec } from './storage-spec.js';

export interface BackendStep {
  /** Relative to the storage object directory: `control`, `udev_path`, `attrib/...`. */
  readonly file: string;
  readonly value: string;
}

/** The backend-specific writes that precede `enable=1`, and a file to create first. */
export interface BackendPlan {
  readonly steps: readonly BackendStep[];
  readonly createFile?: { readonly path: string; readonly size: number; readonly sparse: boolean };
}

const PAGE = 4096;

function bad(message: string, code = 'bad-value'): ValidationError {
  return new ValidationError(message, { code });
}

/** Paths go into comma-separated control strings: a comma would split them. */
function checkPath(what: string, path: string): string {
  if (!path.startsWith('/')) throw bad(`${what} '${path}' is not an absolute path`, 'bad-path');
  if (/[,\n\0]/.test(path)) throw bad(`${what} '${path}' contains a comma, newline or NUL, which the kernel cannot take`, 'bad-path');
  return path;
}

function planFileio(host: Host, spec: FileioSpec): BackendPlan {
  const path = checkPath('File', spec.file);
  const found = host.stat(path);
  const steps: BackendStep[] = [];
  let createFile: BackendPlan['createFile'];
  if (found?.kind === 'block') {
    // The kernel sizes block devices itself, as rtslib relies on.
    steps.push({ file: 'control', value: `fd_dev_name=${path}` });
  } else if (found?.kind === 'file') {
    const size = spec.size === undefined ? found.size : parseSize(spec.size);
    if (size === 0) throw bad(`File ${path} is empty; give a size`, 'bad-size');
    // An existing file is exported as it is unless a new size is asked for explicitly.
    if (spec.size !== undefined && size !== found.size && found.size > 0 && spec.resize !== true) {
      throw bad(`File ${path} already exists with ${found.size} bytes, not ${size}; leave the size out to use it as it is, or add resize=true`, 'size-mismatch');
    }
    steps.push({ file: 'control', value: `fd_dev_name=${path},fd_dev_size=${size}` });
  } else if (found === undefined) {
    if (spec.size === undefined) throw bad(`File ${path} does not exist; give a size to create it`, 'bad-size');
    const size = parseSize(spec.size);
    createFile = { path, size, sparse: spec.sparse !== false };
    steps.push({ file: 'control', value: `fd_dev_name=${path},fd_dev_size=${size}` });
  } else {
    throw bad(`Path ${path} exists but is not a file or a block device`, 'bad-path');
  }
  if (spec.writeBack === true) {
    steps.push({ file: 'attrib/emulate_write_cache', value: '1' }, { file: 'control', value: 'fd_buffered_io=1' });
  }
  if (spec.aio === true) steps.push({ file: 'control', value: 'fd_async_io=1' });
  steps.push({ file: 'udev_path', value: path });
  return createFile === undefined ? { steps } : { steps, createFile };
}

function planBlock(host: Host, spec: BlockSpec, kernelRelease: string | undefined): BackendPlan {
  const path = checkPath('Device', spec.device);
  const dev = host.blockDevice(path);
  if (!dev) throw bad(`${path} is not a block device`, 'bad-path');
  if (dev.scsiType !== undefined && dev.scsiType !== 0) throw bad(`Device ${path} is not a TYPE_DISK block device`, 'bad-path');
  const readOnly = spec.readOnly ?? dev.readOnly;
  const steps: BackendStep[] = [
    { file: 'udev_path', value: path },
    { file: 'control', value: `udev_path=${path}` },
    { file: 'control', value: `readonly=${readOnly ? 1 : 0}` },
  ];
  if (spec.exclusive === false) {
    // Older kernels ignore the key and open the device exclusively anyway: refuse, not pretend.
    if (kernelRelease !== undefined && !atLeast(kernelRelease, 6, 17)) {
      throw bad(`exclusive=false needs Linux 6.17 or later; this kernel is ${kernelRelease}`, 'unsupported');
    }
    steps.push({ file: 'control', value: 'exclusive=0' });
  }
  return { steps };
}

/** Whether a release string such as `6.1.0-56-amd64` is at least major.minor. */
function atLeast(release: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release);
  if (!m) return true;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj > major || (maj === major && min >= minor);
}

function planPscsi(host: Host, spec: PscsiSpec): BackendPlan {
  const address = /^(\d+):(\d+):(\d+):(\d+)$/.exec(spec.device.trim());
  let hctl = address ? address.slice(1) : undefined;
  const steps: BackendStep[] = [];
  if (!hctl) {
    const path = checkPath('Device', spec.device);
    const dev = host.blockDevice(path);
    const parts = dev?.hctl?.split(':');
    if (!parts || parts.length !== 4) throw bad(`${path} is not a SCSI device; give a SCSI device path or host:channel:target:lun`, 'bad-path');
    hctl = parts;
  }
  const [h, c, t, l] = hctl;
  steps.push({ file: 'control', value: `scsi_host_id=${h},scsi_channel_id=${c},scsi_target_id=${t},scsi_lun_id=${l}` });
  if (!address) steps.push({ file: 'udev_path', value: spec.device });
  return { steps };
}

function planRamdisk(spec: RamdiskSpec): BackendPlan {
  const pages = Math.max(1, Math.ceil(parseSize(spec.size) / PAGE));
  const steps: BackendStep[] = [{ file: 'control', value: `rd_pages=${pages}` }];
  if (spec.nullio === true) steps.push({ file: 'control', value: 'rd_nullio=1' });
  return { steps };
}

function controlTuples(control: UserSpec['control']): string | undefined {
  if (control === undefined) return undefined;
  const text = typeof control === 'string' ? control.trim() : Object.entries(control).map(([k, v]) => `${k}=${v}`).join(',');
  if (text === '') return undefined;
  if (!/^[a-z_]+=[^,\s=]+(,[a-z_]+=[^,\s=]+)*$/.test(text)) {
    throw bad(`Control string '${text}' is not valid; use key=value pairs separated by commas`);
  }
  return text;
}

function planUser(spec: UserSpec): BackendPlan {
  if (!/^[A-Za-z0-9_-]+$/.test(spec.handler)) throw bad(`Handler name '${spec.handler}' is not valid`, 'bad-name');
  if (spec.config.trim() === '' || /[,\n\0]/.test(spec.config)) {
    throw bad(`Configuration string for user:${spec.handler} is empty or contains a comma, newline or NUL`);
  }
  const size = parseSize(spec.size);
  const steps: BackendStep[] = [
    { file: 'control', value: `dev_config=${spec.handler}/${spec.config.trim()}` },
    { file: 'control', value: `dev_size=${size}` },
  ];
  if (spec.hwMaxSectors !== undefined) {
    if (!Number.isSafeInteger(spec.hwMaxSectors) || spec.hwMaxSectors < 1) throw bad(`hw_max_sectors ${spec.hwMaxSectors} is not a whole number >= 1`);
    steps.push({ file: 'control', value: `hw_max_sectors=${spec.hwMaxSectors}` });
  }
  const extra = controlTuples(spec.control);
  if (extra !== undefined) steps.push({ file: 'control', value: extra });
  return { steps };
}

/** Checks the plugin-specific part of a spec against the machine; no configfs access. */
export function planBackend(host: Host, spec: StorageObjectSpec, kernelRelease?: string): BackendPlan {
  switch (spec.plugin) {
    case 'fileio':
      return planFileio(host, spec);
    case 'block':
      return planBlock(host, spec, kernelRelease);
    case 'pscsi':
      return planPscsi(host, spec);
    case 'ramdisk':
      return planRamdisk(spec);
    case 'user':
      return planUser(spec);
  }
}
