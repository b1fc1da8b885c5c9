import { humanSize } from '../../model/validate/index.js';

/**
 * Sizes in `ls` summaries (`N bytes`, else `10.0GiB`). The model owns the arithmetic so
 * summaries and validation messages print sizes the same way.
 */
export function formatHumanSize(bytes: number | bigint): string {
  return humanSize(bytes);
}
