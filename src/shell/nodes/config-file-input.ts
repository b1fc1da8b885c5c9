import { readFileSync } from 'node:fs';
import { formatIssue, parseConfigText, type ParsedConfig } from '../../config/index.js';
import { errnoCode, fileError } from '../../config/file-errors.js';
import { EnvironmentError, NotFoundError } from '../../errors/index.js';
import type { CommandContext } from '../session/command-context.js';

/** The text of a configuration file, or undefined when there is none at `path`. */
export function readConfigFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw fileError('read', path, err);
  }
}

export interface LoadOptions {
  /** Whether LUNs must find their storage object in the file (see parseConfig). */
  readonly checkReferences?: boolean;
  /** How the missing-file error names it: targetcli's `Restore file` by default. */
  readonly noun?: string;
}

/**
 * Reads and validates a whole configuration file before anything is changed: a missing,
 * truncated or malformed file is an error here, and the live configuration is untouched.
 * Warnings (stale entries in lioctl's section) are shown.
 */
export function loadConfigFile(ctx: CommandContext, path: string, options: LoadOptions = {}): ParsedConfig {
  const text = readConfigFileIfExists(path);
  if (text === undefined) throw new NotFoundError(`${options.noun ?? 'Restore file'} ${path} not found`);
  const parsed = parseConfigText(text, { source: path, ...(options.checkReferences === undefined ? {} : { checkReferences: options.checkReferences }) });
  for (const warning of parsed.warnings) ctx.warn(`${path}: ${formatIssue(warning)}`);
  return parsed;
}

/**
 * Runs a configuration change under the cross-process lock. Commands that may only plan
 * (dry_run) are declared read-only, so the root check that `mutates` would make up front
 * is made here, once the command knows it will write.
 */
export function changeLiveConfig<T>(ctx: CommandContext, change: () => T): T {
  if (ctx.readOnlyReason !== undefined) throw new EnvironmentError(ctx.readOnlyReason, { code: 'not-root' });
  return ctx.exclusive(change);
}
