/** A table column: fixed width unless `flex`, which shares the room left between `min` and `max`. */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
  readonly flex?: number;
  readonly max?: number;
}

/** Widths for `total` characters (one space between columns); flexible columns never go below their width. */
export function fitColumns(columns: readonly Column[], total: number): number[] {
  const widths = columns.map((c) => c.width);
  let spare = total - (columns.length - 1) - widths.reduce((a, b) => a + b, 0);
  // Hand out the room one round at a time so a column that hits its max leaves the rest to the others.
  for (let round = 0; round < 4 && spare > 0; round++) {
    const open = columns.map((c, i) => ({ c, i })).filter(({ c, i }) => c.flex !== undefined && (c.max === undefined || (widths[i] ?? 0) < c.max));
    const weight = open.reduce((a, { c }) => a + (c.flex ?? 0), 0);
    if (weight === 0) break;
    let given = 0;
    for (const { c, i } of open) {
      const share = Math.floor((spare * (c.flex ?? 0)) / weight);
      const room = c.max === undefined ? share : Math.min(share, c.max - (widths[i] ?? 0));
      widths[i] = (widths[i] ?? 0) + room;
      given += room;
    }
    spare -= given;
    if (given === 0) break;
  }
  return widths;
}

/**
 * Cuts text to `width`. Long names lose their start, not their end: IQNs and WWNs share
 * long prefixes and differ at the end (`iqn.2003-01.org.example:target7`).
 */
export function clip(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  return `…${text.slice(text.length - width + 1)}`;
}

export function formatRow(cells: readonly string[], columns: readonly Column[], widths: readonly number[]): string {
  return columns
    .map((c, i) => {
      const w = widths[i] ?? c.width;
      const text = clip(cells[i] ?? '', w);
      return c.align === 'right' ? text.padStart(w) : text.padEnd(w);
    })
    .join(' ')
    .trimEnd();
}

export function headerRow(columns: readonly Column[], widths: readonly number[]): string {
  return formatRow(
    columns.map((c) => c.header),
    columns,
    widths,
  );
}
