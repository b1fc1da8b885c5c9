import { nextSort, type SortKey } from './sort-filter.js';

/** What the user has chosen in the live view. */
export interface ViewState {
  readonly sort: SortKey;
  /** The filter in force ('' = none). */
  readonly filter: string;
  /** The filter being typed after `/`, until Enter or Esc. */
  readonly editing?: string;
  /** First LUN row shown. */
  readonly scroll: number;
}

export const INITIAL_VIEW: ViewState = { sort: 'name', filter: '', scroll: 0 };

/** The parts of ink's `Key` the view uses (kept structural so this file needs no ink). */
export interface TopKey {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
}

/** How far the LUN list can move: rows on screen, and the last first-row. */
export interface ScrollRoom {
  readonly page: number;
  readonly maxScroll: number;
}

function scrolled(view: ViewState, to: number, room: ScrollRoom): ViewState {
  return { ...view, scroll: Math.max(0, Math.min(room.maxScroll, to)) };
}

function editKey(view: ViewState, draft: string, input: string, key: TopKey): ViewState {
  const { editing: _done, ...rest } = view;
  if (key.return === true) return { ...rest, filter: draft.trim(), scroll: 0 };
  if (key.escape === true) return rest;
  if (key.backspace === true || key.delete === true) return { ...view, editing: draft.slice(0, -1) };
  // Printable text only: arrows and other control sequences arrive with an empty input.
  if (input !== '' && key.ctrl !== true && !/[\x00-\x1f\x7f]/.test(input)) return { ...view, editing: draft + input };
  return view;
}

/**
 * The view after one key press, or 'quit'. While a filter is typed every printable key is
 * text (so `q` and `s` can be part of it); otherwise: q quits, s cycles the sort column,
 * / starts a filter, Esc clears the filter, arrows/PgUp/PgDn/Home/End scroll the LUNs.
 */
export function applyKey(view: ViewState, input: string, key: TopKey, room: ScrollRoom): ViewState | 'quit' {
  if (view.editing !== undefined) return editKey(view, view.editing, input, key);
  if (input === 'q' || (key.ctrl === true && input === 'c')) return 'quit';
  if (input === 's') return { ...view, sort: nextSort(view.sort), scroll: 0 };
  if (input === '/') return { ...view, editing: view.filter };
  if (key.escape === true) return { ...view, filter: '', scroll: 0 };
  if (key.upArrow === true || input === 'k') return scrolled(view, view.scroll - 1, room);
  if (key.downArrow === true || input === 'j') return scrolled(view, view.scroll + 1, room);
  if (key.pageUp === true) return scrolled(view, view.scroll - Math.max(1, room.page - 1), room);
  if (key.pageDown === true || input === ' ') return scrolled(view, view.scroll + Math.max(1, room.page - 1), room);
  if (key.home === true || input === 'g') return scrolled(view, 0, room);
  if (key.end === true || input === 'G') return scrolled(view, room.maxScroll, room);
  return view;
}

/** A typed character as the single key it stands for when it arrives inside a longer chunk. */
function charKey(ch: string): { input: string; key: TopKey } {
  if (ch === '\r' || ch === '\n') return { input: '', key: { return: true } };
  if (ch === '\x7f' || ch === '\b') return { input: '', key: { backspace: true } };
  return { input: ch, key: {} };
}

/**
 * Like applyKey for whatever one terminal read delivered: ink hands over text typed or
 * pasted quickly (`/lun1`) as one input, which must act as its characters one by one.
 */
export function applyInput(view: ViewState, input: string, key: TopKey, room: ScrollRoom): ViewState | 'quit' {
  const chars = [...input];
  if (chars.length <= 1) return applyKey(view, input, key, room);
  let current: ViewState = view;
  for (const ch of chars) {
    const k = charKey(ch);
    const next = applyKey(current, k.input, k.key, room);
    if (next === 'quit') return next;
    current = next;
  }
  return current;
}
