import { describe, expect, it } from 'vitest';
import { parseBool } from '../../../../src/model/validate/bool.js';
import { expectInvalid } from './expect-invalid.js';

describe('parseBool', () => {
  it.each(['true', 'TRUE', 'True', '1', 'yes', 'YES', 'on', 'On', ' true '])('%j is true', (input) => {
    expect(parseBool(input)).toBe(true);
  });

  it.each(['false', 'FALSE', '0', 'no', 'No', 'off', 'OFF'])('%j is false', (input) => {
    expect(parseBool(input)).toBe(false);
  });

  it('passes booleans through and accepts the numbers 1 and 0', () => {
    expect(parseBool(true)).toBe(true);
    expect(parseBool(false)).toBe(false);
    expect(parseBool(1)).toBe(true);
    expect(parseBool(0)).toBe(false);
  });

  it.each(['maybe', '', 'ture', '2', 'y', 'n', 't', 'f', '01'])('rejects %j loudly', (input) => {
    expectInvalid(() => parseBool(input), 'bad-bool', `'${input}' is not a boolean (use true or false)`);
  });

  it('rejects other numbers', () => {
    expectInvalid(() => parseBool(2), 'bad-bool', "'2' is not a boolean (use true or false)");
  });

  it('names the parameter when given', () => {
    expectInvalid(() => parseBool('rw', 'write_protect'), 'bad-bool', "write_protect: 'rw' is not a boolean (use true or false)");
  });
});
