/**
 * Everything the model needs from the machine outside configfs: backing files and block
 * devices, hardware port names under /sys, and kernel modules. Injectable, so the model
 * runs against the simulator with a fake machine and against the kernel with the real one.
 */
export type PathKind = 'file' | 'block' | 'dir' | 'other';

export interface PathInfo {
  readonly kind: PathKind;
  /** Bytes: the file's length, or the block device's capacity. */
  readonly size: number;
}

export interface BlockDeviceInfo {
  readonly size: number;
  readonly readOnly: boolean;
  /** SCSI peripheral type (0 = disk) when the device is a SCSI device. */
  readonly scsiType?: number;
  /** `host:channel:target:lun` when the device is a SCSI device. */
  readonly hctl?: string;
}

export interface Host {
  /** What is at `path` (symlinks followed), or undefined if nothing is. */
  stat(path: string): PathInfo | undefined;
  /** Details of a block device, or undefined if `path` is not one. */
  blockDevice(path: string): BlockDeviceInfo | undefined;
  /** Creates a new file of `size` bytes: sparse, or with every block allocated. Fails if it exists. */
  createFile(path: string, size: number, sparse: boolean): void;
  removeFile(path: string): void;
  /** Text of a file under /sys (without the trailing newline), or undefined. */
  readSys(path: string): string | undefined;
  /** Entries of a directory under /sys, or [] if it does not exist. */
  listSys(path: string): string[];
  /** Loads a kernel module; false if that failed. */
  loadModule(name: string): boolean;
}
