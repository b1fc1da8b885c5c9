import { shown } from '../../model/validate/text.js';
import { childPath, type JsonPath } from '../json-path.js';
import { isRecord, type ParseContext } from './context.js';

/** `{{ iqn }}` (Jinja, Mustache, Go templates), `${IQN}` and `<IQN>`/`<initiator-iqn>` of how-tos. */
const PLACEHOLDER = /\{\{[^}]*\}\}|\$\{[A-Za-z_][\w.-]*\}|<[A-Za-z][\w .-]*>/;
/** CHAP values are free text to the kernel: a secret may hold any of these. */
const FREE_TEXT_KEY = /userid|password/;

/**
 * Reports every string that is a template placeholder left unfilled, at its JSON path: a
 * file from a how-to or a configuration tool that was never rendered. Returns whether any was found.
 */
export function checkPlaceholders(ctx: ParseContext, path: JsonPath, value: unknown): boolean {
  if (typeof value === 'string') {
    const hit = PLACEHOLDER.exec(value)?.[0];
    if (hit === undefined) return false;
    ctx.error(path, `${shown(value)} holds the template placeholder ${shown(hit)}; fill it in before restoring`);
    return true;
  }
  let found = false;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      found = checkPlaceholders(ctx, childPath(path, i), item) || found;
    });
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!FREE_TEXT_KEY.test(key)) found = checkPlaceholders(ctx, childPath(path, key), item) || found;
    }
  }
  return found;
}
