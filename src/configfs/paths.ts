import { ValidationError } from '../errors/index.js';

/** What makes a path other than `seg/seg/...`: NUL, leading, trailing or double '/', '.' or '..' segments, emptiness. */
const NEEDS_CHECK = /^$|\0|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

/** True for `seg/seg/...`: no NUL, no empty, '.' or '..' segment. */
function isPlain(path: string): boolean {
  // A few string searches pass every path lioctl builds (no segment starts with '.') for
  // less than the expression, once per system call; the expression decides the rest.
  const first = path.charCodeAt(0);
  const surely = first !== 47 && first !== 46 && path.charCodeAt(path.length - 1) !== 47 && !path.includes('//') && !path.includes('/.') && !path.includes('\0') && path !== '';
  return surely || !NEEDS_CHECK.test(path);
}

/**
 * Checks and normalises a root-relative configfs path. Rejecting `..`, empty segments
 * and NUL here is what guarantees that no port call can reach outside the root.
 */
export function checkRelative(path: string): string {
  if (isPlain(path)) return path;
  if (path === '' || path === '.') return '';
  if (path.includes('\0')) throw new ValidationError('configfs path contains a NUL byte', { code: 'bad-path' });
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  const parts = trimmed.split('/');
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..') {
      throw new ValidationError(`configfs path '${path}' is not a plain path below the root`, { code: 'bad-path' });
    }
  }
  return parts.join('/');
}

export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Resolves `target` (relative or absolute, as readlink returns it) for a link in the absolute directory `linkAbsDir`. */
export function resolveLinkTarget(linkAbsDir: string, target: string): string {
  // configfs writes `../../../target/core/...`: climb, then plain names. A save reads
  // thousands of these, so that form is resolved without splitting both paths.
  let ups = 0;
  while (target.startsWith('../', ups * 3)) ups++;
  const rest = target.slice(ups * 3);
  if (!target.startsWith('/') && isPlain(rest)) {
    let dir = linkAbsDir;
    for (let i = 0; i < ups; i++) dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')));
    return `${dir}/${rest}`;
  }
  const stack = target.startsWith('/') ? [] : linkAbsDir.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') stack.pop();
    else stack.push(part);
  }
  return `/${stack.join('/')}`;
}
