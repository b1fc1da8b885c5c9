import type { HealthWarning, InitiatorRate, LunRate, StatsRates } from '../../model/stats/index.js';
import { fitColumns, formatRow, headerRow, type Column } from './columns.js';
import { formatIops, formatRate } from './numbers.js';
import { initiatorMatches, lunMatches, SORT_LABELS, sortInitiators, sortLuns } from './sort-filter.js';
import type { ScrollRoom, ViewState } from './view-state.js';

export type LineStyle = 'title' | 'header' | 'row' | 'muted' | 'warning' | 'footer' | 'error';

export interface ScreenLine {
  readonly text: string;
  readonly style: LineStyle;
}

const LUN_COLUMNS: readonly Column[] = [
  { header: 'TARGET', width: 12, align: 'left', flex: 3 },
  { header: 'TPG', width: 4, align: 'right' },
  { header: 'LUN', width: 4, align: 'right' },
  { header: 'BACKSTORE', width: 10, align: 'left', flex: 1, max: 32 },
  { header: 'IOPS', width: 8, align: 'right' },
  { header: 'RD MiB/s', width: 9, align: 'right' },
  { header: 'WR MiB/s', width: 9, align: 'right' },
];

const INITIATOR_COLUMNS: readonly Column[] = [
  { header: 'INITIATOR', width: 12, align: 'left', flex: 3 },
  { header: 'ADDRESS', width: 9, align: 'left', flex: 1, max: 39 },
  { header: 'TARGET', width: 10, align: 'left', flex: 2 },
  { header: 'CMD/s', width: 8, align: 'right' },
  { header: 'RD MiB/s', width: 9, align: 'right' },
  { header: 'WR MiB/s', width: 9, align: 'right' },
  { header: 'STATE', width: 10, align: 'left' },
];

function lunCells(l: LunRate): string[] {
  return [l.target, String(l.tpg), String(l.lun), l.storageObject ?? '(no link)', formatIops(l.iops), formatRate(l.readMiBps), formatRate(l.writeMiBps)];
}

function initiatorCells(i: InitiatorRate): string[] {
  const state = i.dynamic ? `${i.state} (demo)` : i.state;
  return [i.initiator, i.address ?? '-', `${i.target}/tpg${i.tpg}`, formatIops(i.commandsPerSec), formatRate(i.readMiBps), formatRate(i.writeMiBps), state];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** At most `cap` lines: the first rows, then one line saying how many did not fit. */
function capped(lines: ScreenLine[], cap: number, noun: string): ScreenLine[] {
  if (lines.length <= cap) return lines;
  const shown = Math.max(0, cap - 1);
  return [...lines.slice(0, shown), { text: `… ${plural(lines.length - shown, noun)} more`, style: 'muted' }];
}

export interface Tables {
  readonly luns: LunRate[];
  readonly initiators: InitiatorRate[];
}

/** The rows in the order and selection the view asks for. */
export function tables(rates: StatsRates, view: Pick<ViewState, 'sort' | 'filter'>): Tables {
  return {
    luns: sortLuns(
      rates.luns.filter((l) => lunMatches(l, view.filter)),
      view.sort,
    ),
    initiators: sortInitiators(
      rates.initiators.filter((i) => initiatorMatches(i, view.filter)),
      view.sort,
    ),
  };
}

function noSessions(rates: StatsRates, filtered: boolean): ScreenLine {
  return { text: rates.initiators.length > 0 && filtered ? 'no sessions match the filter' : 'no sessions', style: 'muted' };
}

function warningLines(warnings: readonly HealthWarning[]): ScreenLine[] {
  return warnings.map((w) => ({ text: `! ${w.message}`, style: 'warning' }));
}

/** Everything at once, for `top --once` without --json: no title, no scrolling. */
export function reportLines(rates: StatsRates, width: number): ScreenLine[] {
  const t = tables(rates, { sort: 'name', filter: '' });
  const lw = fitColumns(LUN_COLUMNS, width);
  const iw = fitColumns(INITIATOR_COLUMNS, width);
  const lines: ScreenLine[] = [{ text: headerRow(LUN_COLUMNS, lw), style: 'header' }];
  if (t.luns.length === 0) lines.push({ text: 'no LUNs', style: 'muted' });
  for (const l of t.luns) lines.push({ text: formatRow(lunCells(l), LUN_COLUMNS, lw), style: 'row' });
  lines.push({ text: '', style: 'row' }, { text: headerRow(INITIATOR_COLUMNS, iw), style: 'header' });
  if (t.initiators.length === 0) lines.push(noSessions(rates, false));
  for (const i of t.initiators) lines.push({ text: formatRow(initiatorCells(i), INITIATOR_COLUMNS, iw), style: 'row' });
  if (rates.warnings.length > 0) lines.push({ text: '', style: 'row' }, ...warningLines(rates.warnings));
  return lines;
}

export interface ScreenInput {
  readonly rates: StatsRates;
  readonly view: ViewState;
  readonly width: number;
  readonly height: number;
  /** What is watched, e.g. `/iscsi/iqn...` and the backend. */
  readonly subject: string;
  readonly interval: number;
  /** The last sampling failure, shown until a sample succeeds. */
  readonly error?: string;
}

export interface Screen {
  readonly lines: readonly ScreenLine[];
  readonly room: ScrollRoom;
}

function titleLine(input: ScreenInput, t: Tables): ScreenLine {
  const { rates, view } = input;
  const measured = rates.seconds > 0 ? `every ${input.interval}s` : 'measuring…';
  const filter = view.filter === '' ? '' : `  filter: ${view.filter}`;
  const counts = `${plural(t.luns.length, 'LUN')} · ${plural(rates.initiators.length, 'session')} · ${plural(rates.warnings.length, 'warning')}`;
  return { text: `lioctl top  ${input.subject}  ${measured}  sort: ${SORT_LABELS[view.sort]}${filter}  ${counts}`, style: 'title' };
}

function footerLine(input: ScreenInput, first: number, shown: number, total: number): ScreenLine {
  if (input.error !== undefined) return { text: `error: ${input.error}`, style: 'error' };
  if (input.view.editing !== undefined) return { text: `filter: ${input.view.editing}█   Enter applies · Esc cancels`, style: 'footer' };
  const range = total === 0 ? '' : `   LUNs ${first + 1}-${first + shown} of ${total}`;
  return { text: `q quit · s sort · / filter · Esc clear · ↑↓ PgUp PgDn scroll${range}`, style: 'footer' };
}

/**
 * The live view as lines for a terminal of `height` rows: a title, the LUN table (the
 * part that scrolls), the initiators, the warnings, a footer. Initiators and warnings get
 * at most a quarter and a fifth of the screen, with "… N more" when they do not fit.
 */
export function screenLines(input: ScreenInput): Screen {
  const { rates, view, width, height } = input;
  const t = tables(rates, view);
  const filtered = view.filter !== '';
  const body = Math.max(1, height - 5);
  const iw = fitColumns(INITIATOR_COLUMNS, width);
  const initiatorRows: ScreenLine[] =
    t.initiators.length === 0 ? [noSessions(rates, filtered)] : t.initiators.map((i) => ({ text: formatRow(initiatorCells(i), INITIATOR_COLUMNS, iw), style: 'row' }));
  const initiatorBlock = capped(initiatorRows, Math.max(1, Math.floor(body / 4)), 'session');
  const warningBlock = rates.warnings.length === 0 ? [] : capped(warningLines(rates.warnings), Math.max(1, Math.floor(body / 5)), 'warning');
  const page = Math.max(1, body - initiatorBlock.length - (warningBlock.length === 0 ? 0 : warningBlock.length + 1));
  const maxScroll = Math.max(0, t.luns.length - page);
  const first = Math.min(view.scroll, maxScroll);
  const lw = fitColumns(LUN_COLUMNS, width);
  const visible = t.luns.slice(first, first + page);
  const lunRows: ScreenLine[] =
    t.luns.length === 0
      ? [{ text: rates.luns.length > 0 ? 'no LUNs match the filter' : 'no LUNs', style: 'muted' }]
      : visible.map((l) => ({ text: formatRow(lunCells(l), LUN_COLUMNS, lw), style: 'row' }));
  const padding: ScreenLine[] = Array.from({ length: Math.max(0, page - lunRows.length) }, () => ({ text: '', style: 'row' }));
  const fit = (line: ScreenLine): ScreenLine => (line.text.length <= width ? line : { ...line, text: `${line.text.slice(0, Math.max(0, width - 1))}…` });
  const lines: ScreenLine[] = [
    fit(titleLine(input, t)),
    { text: headerRow(LUN_COLUMNS, lw), style: 'header' },
    ...lunRows,
    ...padding,
    { text: headerRow(INITIATOR_COLUMNS, iw), style: 'header' },
    ...initiatorBlock,
    ...(warningBlock.length === 0 ? [] : [{ text: '', style: 'row' as const }, ...warningBlock]),
    { text: '', style: 'row' },
    fit(footerLine(input, first, visible.length, t.luns.length)),
  ];
  return { lines, room: { page, maxScroll } };
}
