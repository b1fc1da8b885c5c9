import { ConfigValidationError, type ConfigIssue } from './config-error.js';
import { ROOT_PATH } from './json-path.js';
import { ParseContext, type UnknownKeyPolicy } from './parse/context.js';
import { readFabricModules } from './parse/fabric-modules.js';
import { checkPlaceholders } from './parse/placeholders.js';
import { readLioctlSection } from './parse/lioctl-section.js';
import { checkReferences } from './parse/references.js';
import { readStorageObjects } from './parse/storage-objects.js';
import { readTargets } from './parse/targets.js';
import { readObject } from './parse/values.js';
import { LIOCTL_SECTION, type SaveConfig } from './schema.js';

export interface ParseConfigOptions {
  /** The file's name, for the error message. */
  readonly source?: string;
  /**
   * Keys lioctl does not know: 'error' (default) refuses the file, because a misspelt
   * key is a setting silently not restored; 'warn' reports and drops them.
   */
  readonly unknownKeys?: UnknownKeyPolicy;
  /**
   * Whether every LUN's storage object must be in the document (default true). A restore
   * limited to targets turns it off and resolves LUNs against the live objects.
   */
  readonly checkReferences?: boolean;
}

export interface ParsedConfig {
  /** Normalised: WWNs as rtslib stores them, current plugin names, rtslib's restore defaults filled in. */
  readonly config: SaveConfig;
  /** Problems that do not stop a restore (stale entries in lioctl's section, ignored keys). */
  readonly warnings: readonly ConfigIssue[];
}

const TOP_LEVEL_KEYS = ['fabric_modules', 'storage_objects', 'targets', LIOCTL_SECTION];

/**
 * Checks an untrusted, already JSON-parsed document completely before anything uses it.
 * Throws ConfigValidationError listing every problem with its JSON path; never anything
 * else for any input.
 */
export function parseConfig(value: unknown, options: ParseConfigOptions = {}): ParsedConfig {
  const ctx = new ParseContext(options.unknownKeys ?? 'error');
  const root = readObject(ctx, ROOT_PATH, value);
  if (root === undefined) throw new ConfigValidationError(ctx.issues, options.source);
  // An unrendered template: every other complaint would only follow from its placeholders.
  if (checkPlaceholders(ctx, ROOT_PATH, root)) throw new ConfigValidationError(ctx.issues, options.source);
  ctx.checkKeys(ROOT_PATH, root, TOP_LEVEL_KEYS);
  const fabricModules = readFabricModules(ctx, 'fabric_modules', root['fabric_modules']);
  const issuesBefore = ctx.issues.length;
  const storageObjects = readStorageObjects(ctx, 'storage_objects', root['storage_objects']);
  const storageIsSound = ctx.issues.length === issuesBefore;
  const standard = { fabric_modules: fabricModules, storage_objects: storageObjects, targets: readTargets(ctx, 'targets', root['targets']) };
  // With a storage object already refused, every LUN using it would be reported again.
  if ((options.checkReferences ?? true) && storageIsSound) checkReferences(ctx, standard);
  const lioctl = readLioctlSection(ctx, root[LIOCTL_SECTION], standard);
  if (ctx.issues.length > 0) throw new ConfigValidationError(ctx.issues, options.source);
  return { config: lioctl === undefined ? standard : { ...standard, lioctl }, warnings: ctx.warnings };
}

/** Parses file text: an empty or truncated file is a clear error, not a JSON parser's. */
export function parseConfigText(text: string, options: ParseConfigOptions = {}): ParsedConfig {
  if (text.trim() === '') {
    throw new ConfigValidationError([{ path: ROOT_PATH, message: 'the file is empty (a save interrupted by power loss leaves such files)' }], options.source);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigValidationError([{ path: ROOT_PATH, message: `not valid JSON: ${reason}` }], options.source);
  }
  return parseConfig(value, options);
}
