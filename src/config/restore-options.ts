import { UsageError, ValidationError } from '../errors/index.js';
import { parseBool, validateName } from '../model/validate/index.js';

export interface RestoreOptions {
  /** The file to restore; undefined means the default location. */
  readonly file?: string;
  /** Remove the whole live configuration first (only what `target`/`storage_object` name, when given). */
  readonly clearExisting: boolean;
  /** Restore only this target (WWN as written in the file). */
  readonly target?: string;
  /** Restore only this storage object (its name). */
  readonly storageObject?: string;
  /** Print the operations and change nothing. */
  readonly dryRun: boolean;
  /** Stop at the first object that fails instead of collecting the failures. */
  readonly abortOnError: boolean;
}

export interface RestoreDefaults {
  /** `targetcli restoreconfig` keeps the live configuration; `targetctl restore` clears it. */
  readonly clearExisting?: boolean;
}

export type RestoreArgValue = string | boolean | number | undefined;

const BOOLEAN_KEYS = { clear_existing: 'clearExisting', dry_run: 'dryRun', abort_on_error: 'abortOnError' } as const;
const KNOWN_KEYS = ['savefile', 'clear_existing', 'target', 'storage_object', 'dry_run', 'abort_on_error'];

function text(key: string, value: RestoreArgValue): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`Parameter ${key}: expected text, got ${String(value)}`, { code: 'bad-value' });
  const trimmed = value.trim();
  if (trimmed === '') throw new ValidationError(`Parameter ${key} is empty`, { code: 'bad-value' });
  return trimmed;
}

/**
 * Reads restoreconfig's `key=value` arguments. Booleans are real booleans: targetcli took
 * the raw string, so `clear_existing=false` was truthy and wiped everything. Anything that
 * is not a boolean word is an error, as is an unknown key.
 */
export function parseRestoreOptions(args: Readonly<Record<string, RestoreArgValue>>, defaults: RestoreDefaults = {}): RestoreOptions {
  for (const key of Object.keys(args)) {
    if (!KNOWN_KEYS.includes(key)) throw new UsageError(`Unknown parameter ${key} for restoreconfig; expected ${KNOWN_KEYS.join(', ')}`);
  }
  const flags = { clearExisting: defaults.clearExisting ?? false, dryRun: false, abortOnError: false };
  for (const [key, field] of Object.entries(BOOLEAN_KEYS)) {
    const value = args[key];
    if (value !== undefined) flags[field] = parseBool(value, `Parameter ${key}`);
  }
  const file = text('savefile', args['savefile']);
  const target = text('target', args['target']);
  if (target !== undefined && /[\s/]/.test(target)) throw new ValidationError(`Parameter target: '${target}' is not a WWN`, { code: 'bad-wwn' });
  const so = text('storage_object', args['storage_object']);
  const storageObject = so === undefined ? undefined : validateName(so);
  return {
    ...flags,
    ...(file === undefined ? {} : { file }),
    ...(target === undefined ? {} : { target }),
    ...(storageObject === undefined ? {} : { storageObject }),
  };
}
