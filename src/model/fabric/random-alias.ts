import { randomBytes } from '../../runtime/lazy-modules.js';
import { ValidationError } from '../../errors/index.js';
import type { RandomBytes } from '../validate/index.js';

/** rtslib names LUN and mapped-LUN links with 10 random hex characters. */
export function randomAlias(random: RandomBytes = randomBytes): string {
  return Array.from(random(5), (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 10);
}

/** A link name: a plain directory entry that cannot collide with the kernel's own files. */
export function checkAlias(alias: string, reserved: ReadonlySet<string>): string {
  if (!/^[A-Za-z0-9_.:-]+$/.test(alias) || alias === '.' || alias === '..' || alias.length > 255) {
    throw new ValidationError(`Link alias '${alias}' is not valid; use letters, digits and _ . : -`, { code: 'bad-name' });
  }
  if (reserved.has(alias)) throw new ValidationError(`Link alias '${alias}' is the name of a kernel file; choose another`, { code: 'bad-name' });
  return alias;
}
