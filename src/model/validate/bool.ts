import { invalid, ValidationCode } from './invalid.js';
import { shown } from './text.js';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/**
 * Parses a boolean strictly: true/false/1/0/yes/no/on/off in any case. Anything else is an
 * error, unlike targetcli where `write_protect=true` silently became read-write.
 * `what` names the parameter in the message.
 */
export function parseBool(value: string | boolean | number, what?: string): boolean {
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  const message = `${shown(String(value))} is not a boolean (use true or false)`;
  throw invalid(ValidationCode.bool, what === undefined ? message : `${what}: ${message}`);
}
