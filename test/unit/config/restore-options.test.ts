import { describe, expect, it } from 'vitest';
import { parseRestoreOptions } from '../../../src/config/restore-options.js';
import { UsageError, ValidationError } from '../../../src/errors/index.js';

describe('parseRestoreOptions', () => {
  it.each(['false', 'FALSE', '0', 'no', 'off', false])('clear_existing=%j means false (targetcli wiped everything)', (value) => {
    expect(parseRestoreOptions({ clear_existing: value }, { clearExisting: true }).clearExisting).toBe(false);
  });

  it.each(['true', '1', 'yes', 'on', true])('clear_existing=%j means true', (value) => {
    expect(parseRestoreOptions({ clear_existing: value }).clearExisting).toBe(true);
  });

  it.each(['', 'ture', 'y', '2', 'maybe'])('refuses clear_existing=%j', (value) => {
    expect(() => parseRestoreOptions({ clear_existing: value })).toThrow(ValidationError);
  });

  it('names the parameter in the error', () => {
    expect(() => parseRestoreOptions({ dry_run: 'perhaps' })).toThrow("Parameter dry_run: 'perhaps' is not a boolean (use true or false)");
  });

  it('defaults: targetcli keeps the live configuration, targetctl clears it', () => {
    expect(parseRestoreOptions({})).toEqual({ clearExisting: false, dryRun: false, abortOnError: false });
    expect(parseRestoreOptions({}, { clearExisting: true }).clearExisting).toBe(true);
  });

  it('reads the file, the target and the storage object', () => {
    expect(
      parseRestoreOptions({ savefile: ' /root/x.json ', target: 'iqn.2003-01.org.example:t1', storage_object: 'disk1', abort_on_error: 'yes' }),
    ).toEqual({
      file: '/root/x.json',
      target: 'iqn.2003-01.org.example:t1',
      storageObject: 'disk1',
      clearExisting: false,
      dryRun: false,
      abortOnError: true,
    });
  });

  it('refuses unknown parameters and bad names', () => {
    expect(() => parseRestoreOptions({ clear: 'true' })).toThrow(UsageError);
    expect(() => parseRestoreOptions({ storage_object: '../x' })).toThrow(ValidationError);
    expect(() => parseRestoreOptions({ target: 'a b' })).toThrow(ValidationError);
    expect(() => parseRestoreOptions({ savefile: '' })).toThrow(ValidationError);
  });
});
