import { randomBytes } from '../../runtime/lazy-modules.js';
import { hostname as osHostname, machine } from 'node:os';
import { invalid, ValidationCode } from './invalid.js';
import type { WwnType } from './wwn.js';

/** Source of randomness, injectable so tests get fixed output. */
export type RandomBytes = (count: number) => Uint8Array;

export interface GenerateWwnOptions {
  /** Defaults to this machine's hostname; only the first label is used. */
  readonly hostname?: string;
  /** Defaults to `uname -m` (e.g. x86_64, written x8664 as rtslib does). */
  readonly arch?: string;
  readonly random?: RandomBytes;
}

function randomHex(random: RandomBytes, digits: number): string {
  const bytes = random(Math.ceil(digits / 2));
  let hex = '';
  for (let i = 0; i < Math.ceil(digits / 2); i++) hex += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return hex.slice(0, digits);
}

// Whatever the host is called, the generated IQN must pass our own RFC 3720 check.
function iqnLabel(raw: string, fallback: string): string {
  const label = raw.toLowerCase().replace(/[^a-z0-9-]/g, '');
  return label === '' ? fallback : label;
}

/** A random version-4 UUID, used as a storage object's unit serial. */
export function generateSerial(random: RandomBytes = randomBytes): string {
  const bytes = random(16);
  const b = Array.from({ length: 16 }, (_, i) => bytes[i] ?? 0);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Generates a WWN the way targetcli does: iqn.2003-01.org.linux-iscsi.<host>.<arch>:sn.<12 hex>,
 * naa.5001405<9 hex>, eui.001405<10 hex>; serials are UUIDs. InfiniBand names come from
 * hardware and cannot be made up.
 */
export function generateWwn(type: WwnType, options: GenerateWwnOptions = {}): string {
  const random = options.random ?? randomBytes;
  switch (type) {
    case 'iqn': {
      const host = iqnLabel((options.hostname ?? osHostname()).split('.')[0] ?? '', 'localhost');
      const arch = iqnLabel(options.arch ?? machine(), 'unknown');
      return `iqn.2003-01.org.linux-iscsi.${host}.${arch}:sn.${randomHex(random, 12)}`;
    }
    case 'naa':
      return `naa.5001405${randomHex(random, 9)}`;
    case 'eui':
      return `eui.001405${randomHex(random, 10)}`;
    case 'unit_serial':
    case 'free':
      return generateSerial(random);
    case 'ib':
      throw invalid(ValidationCode.wwn, 'Cannot generate an ib WWN: InfiniBand names come from the port hardware, give one');
  }
}
