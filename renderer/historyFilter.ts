// The one filter model of the History window: its controls and a handoff from main (a summary notification clicked)
// both set it; the list shows what it lets through. Plain data in, plain data out, so it is tested without a page.
import type { HistoryFilter, HistoryItem } from '../preload/contract.js';

export type { HistoryFilter };

/** Lower case, accents dropped: "mokotow" finds "Bistro Mokotów", "CAFÉ" finds "cafe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
}

/** True when the filter came for a purpose (a summary's alerts) rather than from the window's own controls. */
export function isHandoff(filter: HistoryFilter): boolean {
  return filter.keys !== undefined || filter.label !== undefined;
}

export function isEmpty(filter: HistoryFilter): boolean {
  return !isHandoff(filter) && filter.restaurant === undefined && filter.kind === undefined && !filter.unread && !filter.text?.trim();
}

const squash = (text: string): string => text.replace(/\s+/g, ' ');

/** Folded once per item (a list holds up to 1000; typing searches them at every key). */
const folded = new WeakMap<HistoryItem, string[]>();
function searchable(item: HistoryItem): string[] {
  let fields = folded.get(item);
  if (!fields) {
    fields = [item.title, item.body, item.restaurantName].map((field) => squash(foldText(field)));
    folded.set(item, fields);
  }
  return fields;
}

const keyText = (k: { restaurant: string; source: string; id: string }): string => JSON.stringify([k.restaurant, k.source, k.id]);

/** A predicate for the filter; build it once per render (the keys become a set). */
export function matcher(filter: HistoryFilter): (item: HistoryItem) => boolean {
  const keys = filter.keys ? new Set(filter.keys.map(keyText)) : undefined;
  // Plain text, as typed: one phrase (runs of spaces count as one), not words matched apart ("table 12" is not
  // "Vegetables, 12 crates").
  const phrase = squash(foldText(filter.text ?? '').trim());
  return (item) => {
    if (keys && !keys.has(keyText(item))) return false;
    if (filter.restaurant !== undefined && item.restaurant !== filter.restaurant) return false;
    if (filter.kind !== undefined && item.kind !== filter.kind) return false;
    if (filter.unread && item.read) return false;
    if (phrase === '') return true;
    return searchable(item).some((field) => field.includes(phrase));
  };
}

/** Newest first by the time each alert was received (a caught-up alert takes its place by its own time). */
export function newestFirst(items: readonly HistoryItem[]): HistoryItem[] {
  // Array.prototype.sort is stable: equal times keep the history's order (last arrived first).
  return [...items].sort((a, b) => b.receivedAt - a.receivedAt);
}
