import { result, type CommandResult } from '../session/command-outcome.js';

type Scalar = string | number | boolean | null;

/** `info`: one `key: value` per scalar field, sorted, as targetcli prints an object's dump. */
export function infoResult(data: Readonly<Record<string, unknown>>): CommandResult<Record<string, Scalar>> {
  const scalars: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(data).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) scalars[key] = value as Scalar;
  }
  return result('info', scalars, (d) =>
    Object.entries(d)
      .map(([k, v]) => `${k}: ${v === null ? '' : String(v)}`)
      .join('\n'),
  );
}
