import { NotFoundError } from '../../errors/index.js';

export interface PathContext {
  /** Absolute path of the current node. */
  readonly cwd: string;
  /** Where `-` leads: the path before the last `cd`. */
  readonly previous?: string;
  readonly bookmarks?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

/**
 * Turns what the user typed into a normalized absolute node path, without looking at the
 * tree: whether the node exists is the caller's question. `..` above `/` stays at `/`,
 * repeated and trailing slashes are ignored, `-` is the previous path, `@name` a bookmark
 * (`@name/child` continues below it).
 */
export function resolvePath(input: string, context: PathContext): string {
  if (input === '' || input === '.') return normalizeAbsolute(context.cwd);
  if (input === '-') {
    if (context.previous === undefined) throw new NotFoundError('No previous path to go back to.');
    return normalizeAbsolute(context.previous);
  }
  if (input.startsWith('@')) return resolveBookmark(input, context);
  if (input.startsWith('/')) return normalizeAbsolute(input);
  return normalizeAbsolute(`${context.cwd}/${input}`);
}

/** Normalizes an absolute path; a relative one is taken from `/`. */
export function normalizeAbsolute(path: string): string {
  return joinSegments(splitPath(path));
}

/** The node names along an absolute path, with `.` and `..` applied. */
export function splitPath(path: string): string[] {
  const segments: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  return segments;
}

export function joinSegments(segments: readonly string[]): string {
  return `/${segments.join('/')}`;
}

export function parentPath(path: string): string {
  return joinSegments(splitPath(path).slice(0, -1));
}

export function childPath(parent: string, name: string): string {
  return joinSegments([...splitPath(parent), name]);
}

function resolveBookmark(input: string, context: PathContext): string {
  const slash = input.indexOf('/');
  const name = slash < 0 ? input.slice(1) : input.slice(1, slash);
  const rest = slash < 0 ? '' : input.slice(slash);
  const target = lookup(context.bookmarks, name);
  if (target === undefined) throw new NotFoundError(`No such bookmark ${name}`);
  return normalizeAbsolute(`${target}${rest}`);
}

type Bookmarks = NonNullable<PathContext['bookmarks']>;

function isMap(bookmarks: Bookmarks): bookmarks is ReadonlyMap<string, string> {
  return bookmarks instanceof Map;
}

function lookup(bookmarks: Bookmarks | undefined, name: string): string | undefined {
  if (bookmarks === undefined) return undefined;
  if (isMap(bookmarks)) return bookmarks.get(name);
  // Own keys only: a bookmark called `constructor` must not find Object.prototype.
  return Object.hasOwn(bookmarks, name) ? bookmarks[name] : undefined;
}
