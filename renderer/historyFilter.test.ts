import { describe, expect, it } from 'vitest';
import type { HistoryItem } from '../preload/contract.js';
import { foldText, isEmpty, isHandoff, matcher, newestFirst } from './historyFilter.js';

const item = (id: string, extra: Partial<HistoryItem> = {}): HistoryItem => ({
  restaurant: 'default', restaurantName: 'Bistro Centrum', source: 'vonage', id, kind: 'support_request', title: `Alert ${id}`, body: '',
  receivedAt: 0, read: false, shown: true, canJoin: false, handled: false, ...extra,
});

describe('the History filter model', () => {
  const items = [
    item('a', { title: 'Table 7 asks for a waiter', read: true }),
    item('b', { restaurant: 'mokotow', restaurantName: 'Bistro Mokotów', kind: 'threadNewMessage', body: 'Vegetables, 12 crates.' }),
    item('c', { source: 'privmx', kind: 'threadNewMessage', title: 'CAFÉ order' }),
  ];
  const ids = (f: Parameters<typeof matcher>[0]): string[] => items.filter(matcher(f)).map((i) => i.id);

  it('lets everything through when empty; each field narrows, together they all apply', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ restaurant: 'mokotow' })).toEqual(['b']);
    expect(ids({ kind: 'threadNewMessage' })).toEqual(['b', 'c']);
    expect(ids({ unread: true })).toEqual(['b', 'c']);
    expect(ids({ kind: 'threadNewMessage', restaurant: 'default' })).toEqual(['c']);
    expect(ids({ keys: [{ restaurant: 'default', source: 'privmx', id: 'c' }, { restaurant: 'mokotow', source: 'vonage', id: 'a' }] })).toEqual(['c']);
  });

  it('searches a phrase in title, body and restaurant name, ignoring case, accents and extra spaces', () => {
    expect(ids({ text: 'mokotow' })).toEqual(['b']);
    expect(ids({ text: 'cafe' })).toEqual(['c']);
    expect(ids({ text: '  TABLE   7 ' })).toEqual(['a']);
    // A phrase, not words found apart ("table" in "Vegetables", "12" elsewhere).
    expect(ids({ text: 'table 12' })).toEqual([]);
    expect(foldText('Żurek ŁÓDŹ')).toBe('zurek łodz');
  });

  it('tells a handoff (keys or a label) from the controls, and an empty filter from one that narrows', () => {
    expect(isHandoff({ kind: 'x' })).toBe(false);
    expect(isHandoff({ label: '3 alerts' })).toBe(true);
    expect(isHandoff({ keys: [] })).toBe(true);
    expect(isEmpty({ text: '   ' })).toBe(true);
    expect(isEmpty({ unread: false })).toBe(true);
    expect(isEmpty({ unread: true })).toBe(false);
  });

  it('sorts newest first by receipt time, keeping the history order for equal times', () => {
    const sorted = newestFirst([item('x', { receivedAt: 1 }), item('y', { receivedAt: 3 }), item('z', { receivedAt: 1 })]);
    expect(sorted.map((i) => i.id)).toEqual(['y', 'x', 'z']);
  });
});
