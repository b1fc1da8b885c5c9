import { ValidationError } from '../../errors/index.js';

/** Scripts match on these codes (`--json`), so a released code never changes meaning. */
export const ValidationCode = {
  wwn: 'bad-wwn',
  name: 'bad-name',
  size: 'bad-size',
  portal: 'bad-portal',
  lun: 'bad-lun',
  chap: 'bad-chap',
  tag: 'bad-tag',
  bool: 'bad-bool',
  inquiry: 'bad-inquiry',
} as const;
export type ValidationCodeValue = (typeof ValidationCode)[keyof typeof ValidationCode];

export function invalid(code: ValidationCodeValue, message: string): ValidationError {
  return new ValidationError(message, { code });
}
