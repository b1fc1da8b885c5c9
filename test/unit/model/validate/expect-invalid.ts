import { expect } from 'vitest';
import { ExitCode, ValidationError } from '../../../../src/errors/index.js';

/** Runs `fn`, asserts it throws a ValidationError with this code and exact message. */
export function expectInvalid(fn: () => unknown, code: string, message: string | RegExp): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.code).toBe(code);
  expect(error.exitCode).toBe(ExitCode.invalid);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(error.message).not.toContain('\n');
  return error;
}
