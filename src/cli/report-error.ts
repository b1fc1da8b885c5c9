import { asLioctlError, type LioctlError } from '../errors/index.js';

export interface ErrorReport {
  readonly exitCode: number;
  readonly text: string;
}

/**
 * The one place that turns an error into what the user sees: one line (plus an optional
 * hint line), or a JSON object in --json mode. Stack traces only with LIOCTL_DEBUG=1.
 */
export function reportError(err: unknown, options: { json: boolean; debug: boolean }): ErrorReport {
  const e: LioctlError = asLioctlError(err);
  if (options.json) {
    const body = { error: { code: e.code, message: e.message, ...(e.hint === undefined ? {} : { hint: e.hint }) } };
    return { exitCode: e.exitCode, text: `${JSON.stringify(body)}\n` };
  }
  const lines = [`lioctl: ${e.message}`];
  if (e.hint !== undefined) lines.push(`  ${e.hint}`);
  if (e.code === 'internal') lines.push('  this is a bug in lioctl; run again with LIOCTL_DEBUG=1 to see where it happened');
  if (options.debug) {
    const cause = (e.cause instanceof Error ? e.cause : e).stack;
    if (cause !== undefined) lines.push(cause);
  }
  return { exitCode: e.exitCode, text: `${lines.join('\n')}\n` };
}
