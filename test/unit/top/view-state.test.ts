import { describe, expect, it } from 'vitest';
import { applyInput, applyKey, INITIAL_VIEW, type ViewState } from '../../../src/cli/top/view-state.js';

const ROOM = { page: 10, maxScroll: 40 };

function press(view: ViewState, ...inputs: string[]): ViewState | 'quit' {
  let v: ViewState | 'quit' = view;
  for (const input of inputs) {
    if (v === 'quit') return v;
    v = applyKey(v, input, {}, ROOM);
  }
  return v;
}

describe('keys of the live view', () => {
  it('q quits; s cycles the sort column and goes back to the top', () => {
    expect(applyKey(INITIAL_VIEW, 'q', {}, ROOM)).toBe('quit');
    expect(applyKey(INITIAL_VIEW, 'c', { ctrl: true }, ROOM)).toBe('quit');
    const sorts = [];
    let v: ViewState = { ...INITIAL_VIEW, scroll: 7 };
    for (let i = 0; i < 4; i++) {
      v = applyKey(v, 's', {}, ROOM) as ViewState;
      sorts.push(v.sort);
    }
    expect(sorts).toEqual(['iops', 'read', 'write', 'name']);
    expect(v.scroll).toBe(0);
  });

  it('/ types a filter, in which q and s are letters; Enter applies it, Esc cancels the typing', () => {
    const typed = press(INITIAL_VIEW, '/', 'q', 's', 'x') as ViewState;
    expect(typed).toMatchObject({ editing: 'qsx', filter: '' });
    const corrected = applyKey(typed, '', { backspace: true }, ROOM) as ViewState;
    expect(corrected.editing).toBe('qs');
    expect(applyKey(corrected, '', { return: true }, ROOM)).toEqual({ ...INITIAL_VIEW, filter: 'qs' });
    expect(applyKey(corrected, '', { escape: true }, ROOM)).toEqual(INITIAL_VIEW);
    // Esc outside typing clears the filter in force.
    expect(applyKey({ ...INITIAL_VIEW, filter: 'disk' }, '', { escape: true }, ROOM)).toEqual(INITIAL_VIEW);
    // Editing starts from the filter in force.
    expect(applyKey({ ...INITIAL_VIEW, filter: 'disk' }, '/', {}, ROOM)).toMatchObject({ editing: 'disk' });
  });

  it('scrolls by line, page and to either end, never past the LUNs there are', () => {
    const at = (v: ViewState | 'quit') => (v === 'quit' ? -1 : v.scroll);
    expect(at(applyKey(INITIAL_VIEW, '', { downArrow: true }, ROOM))).toBe(1);
    expect(at(applyKey(INITIAL_VIEW, '', { upArrow: true }, ROOM))).toBe(0);
    expect(at(applyKey(INITIAL_VIEW, '', { pageDown: true }, ROOM))).toBe(9);
    expect(at(applyKey({ ...INITIAL_VIEW, scroll: 38 }, '', { pageDown: true }, ROOM))).toBe(40);
    expect(at(applyKey({ ...INITIAL_VIEW, scroll: 5 }, '', { pageUp: true }, ROOM))).toBe(0);
    expect(at(applyKey(INITIAL_VIEW, '', { end: true }, ROOM))).toBe(40);
    expect(at(applyKey({ ...INITIAL_VIEW, scroll: 20 }, '', { home: true }, ROOM))).toBe(0);
  });

  it('takes text that arrives in one read (typed fast or pasted) character by character', () => {
    expect(applyInput(INITIAL_VIEW, '/lun1\r', {}, ROOM)).toEqual({ ...INITIAL_VIEW, filter: 'lun1' });
    expect(applyInput(INITIAL_VIEW, 'ssq', {}, ROOM)).toBe('quit');
    expect(applyInput(INITIAL_VIEW, '/ab\x7fc\r', {}, ROOM)).toMatchObject({ filter: 'ac' });
  });
});
