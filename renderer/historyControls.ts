// The History window's filter controls (search, restaurant, kind, unread only) and the "Showing: … · Show all" bar
// of a handoff. They never hold a filter of their own: each change goes to `onChange`, and `show` puts the one model
// back into them.
import type { HistoryItem, RestaurantRef } from '../preload/contract.js';
import { byId, el } from './dom.js';
import { isHandoff, type HistoryFilter } from './historyFilter.js';
import { kindName } from './historyRow.js';
import { HISTORY_TEXT as T } from './historyText.js';

const ANY = '';

export interface FilterControls {
  /** Puts the model into the controls; the choices come from the configured restaurants and the entries. */
  show(filter: HistoryFilter, restaurants: readonly RestaurantRef[], kinds: readonly string[]): void;
}

/** The restaurant choices: the configured ones in settings order, then any that only old entries (or a handoff) name. */
export function restaurantChoices(configured: readonly RestaurantRef[], items: readonly HistoryItem[], filter: HistoryFilter): RestaurantRef[] {
  const all = [...configured];
  const add = (id: string): void => {
    if (!all.some((r) => r.id === id)) all.push({ id, name: T.removedRestaurant(id) });
  };
  for (const entry of items) add(entry.restaurant);
  if (filter.restaurant !== undefined) add(filter.restaurant);
  return all;
}

/** The kinds the entries hold, support requests first, then by name; a handoff's kind is kept even with no entry. */
export function kindChoices(items: readonly HistoryItem[], filter: HistoryFilter): string[] {
  const kinds = new Set(items.map((e) => e.kind));
  if (filter.kind !== undefined) kinds.add(filter.kind);
  return [...kinds].sort((a, b) => Number(b === 'support_request') - Number(a === 'support_request') || kindName(a).localeCompare(kindName(b)));
}

function fill(select: HTMLSelectElement, anyText: string, options: ReadonlyArray<{ value: string; text: string }>, value: string | undefined): void {
  select.replaceChildren(el('option', { text: anyText, attrs: { value: ANY } }), ...options.map((o) => el('option', { text: o.text, attrs: { value: o.value } })));
  select.value = value ?? ANY;
}

export function bindFilterControls(onChange: (patch: Partial<HistoryFilter>) => void, onShowAll: () => void): FilterControls {
  const search = byId<HTMLInputElement>('history-search');
  const restaurantBox = byId('restaurant-filter-box');
  const restaurant = byId<HTMLSelectElement>('restaurant-filter');
  const kind = byId<HTMLSelectElement>('kind-filter');
  const unread = byId<HTMLInputElement>('unread-filter');
  const bar = byId('handoff-bar');
  const barLabel = byId('handoff-label');
  const showAll = byId<HTMLButtonElement>('show-all');

  search.addEventListener('input', () => onChange({ text: search.value }));
  // Escape in a non-empty search box clears it (Chromium does so for type=search; this also tells the model).
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value !== '') {
      search.value = '';
      onChange({ text: '' });
    }
  });
  restaurant.addEventListener('change', () => onChange({ restaurant: restaurant.value === ANY ? undefined : restaurant.value }));
  kind.addEventListener('change', () => onChange({ kind: kind.value === ANY ? undefined : kind.value }));
  unread.addEventListener('change', () => onChange({ unread: unread.checked || undefined }));
  showAll.addEventListener('click', onShowAll);

  return {
    show(filter, restaurants, kinds) {
      // Typing is not overwritten by a render that the typing itself caused.
      if (search.value !== (filter.text ?? '')) search.value = filter.text ?? '';
      fill(restaurant, T.allRestaurants, restaurants.map((r) => ({ value: r.id, text: r.name })), filter.restaurant);
      restaurantBox.hidden = restaurants.length < 2 && filter.restaurant === undefined;
      fill(kind, T.allKinds, kinds.map((k) => ({ value: k, text: kindName(k) })), filter.kind);
      unread.checked = filter.unread === true;
      bar.hidden = !isHandoff(filter);
      const label = filter.label ?? (filter.keys ? T.handoffLabel(filter.keys.length) : T.handoffFallback);
      barLabel.textContent = T.showing(label);
    },
  };
}
