// The history window: every alert, newest first, as text; join where the link policy allows; read state; clear.
// With more than one restaurant, each entry names its restaurant and a filter shows one restaurant's alerts.
import type { HistoryItem, RestaurantRef } from '../preload/contract.js';
import { api, byId, el, onClick, setStatus } from './dom.js';
import { HISTORY_TEXT as T, REASONS, SOURCES } from './historyText.js';

const list = byId<HTMLOListElement>('history-list');
const status = byId('history-status');
const unreadLine = byId('unread-count');
const empty = byId('empty');
const filterBox = byId('restaurant-filter-box');
const filter = byId<HTMLSelectElement>('restaurant-filter');
const markAll = byId<HTMLButtonElement>('mark-all-read');
const ALL = '';

// Remembered on focus, not read at render time: a button is disabled (and loses focus) while its action runs.
let lastFocusKey: string | undefined;
list.addEventListener('focusin', (event) => {
  lastFocusKey = event.target instanceof HTMLElement ? event.target.dataset.focusKey : undefined;
});
/** What the last render showed, so "Mark all read" under a filter marks exactly those. */
let shown: HistoryItem[] = [];

function item(entry: HistoryItem, showRestaurant: boolean): HTMLLIElement {
  const key = `${entry.restaurant}/${entry.source}/${entry.id}`;
  const when = new Date(entry.receivedAt);
  const buttons: HTMLElement[] = [];
  if (entry.canJoin) {
    const join = el('button', { text: T.join, className: 'primary', attrs: { type: 'button', 'data-focus-key': `join:${key}` } });
    onClick(join, status, async () => {
      const opened = await api().join(entry.source, entry.id, entry.restaurant);
      setStatus(status, opened ? T.opened : T.notAllowed, opened ? 'ok' : 'error');
    });
    buttons.push(join);
  }
  const toggleText = entry.read ? T.markUnread : T.markRead;
  const toggle = el('button', { text: toggleText, attrs: { type: 'button', 'data-focus-key': `read:${key}`, 'aria-label': `${toggleText}: ${entry.title}` } });
  onClick(toggle, status, () => api().setRead([{ restaurant: entry.restaurant, source: entry.source, id: entry.id }], !entry.read));
  buttons.push(toggle);
  const meta = [el('span', { text: SOURCES[entry.source] ?? entry.source }), el('time', { text: when.toLocaleString(), attrs: { datetime: when.toISOString() } })];
  if (showRestaurant) meta.unshift(el('span', { text: entry.restaurantName, className: 'restaurant' }));
  if (!entry.read) meta.unshift(el('span', { text: T.unreadBadge, className: 'badge' }));
  const reason = entry.reason ? REASONS[entry.reason] ?? entry.reason : undefined;
  return el('li', { className: entry.read ? 'entry' : 'entry unread', attrs: { 'data-restaurant': entry.restaurant } }, [
    el('h2', { text: entry.title }),
    el('p', { className: 'meta' }, meta),
    el('p', { className: 'body', text: entry.body }),
    ...(reason ? [el('p', { className: 'reason', text: reason })] : []),
    el('div', { className: 'actions' }, buttons),
  ]);
}

/** The filter's choices: the configured restaurants in settings order, then any that only old entries name. */
function choices(configured: readonly RestaurantRef[], items: readonly HistoryItem[]): RestaurantRef[] {
  const all = [...configured];
  for (const entry of items) if (!all.some((r) => r.id === entry.restaurant)) all.push({ id: entry.restaurant, name: T.removedRestaurant(entry.restaurant) });
  return all;
}

function fillFilter(options: readonly RestaurantRef[]): void {
  const chosen = filter.value;
  filter.replaceChildren(el('option', { text: T.allRestaurants, attrs: { value: ALL } }), ...options.map((r) => el('option', { text: r.name, attrs: { value: r.id } })));
  // A restaurant that disappeared from the list (history cleared, restaurant removed) falls back to all.
  filter.value = options.some((r) => r.id === chosen) ? chosen : ALL;
  filterBox.hidden = options.length < 2;
}

async function render(): Promise<void> {
  const { items, unread, restaurants } = await api().listHistory();
  const active = document.activeElement;
  const refocus = active === document.body || active === null || list.contains(active) ? lastFocusKey : undefined;
  const options = choices(restaurants, items);
  fillFilter(options);
  const only = options.find((r) => r.id === filter.value);
  shown = only ? items.filter((e) => e.restaurant === only.id) : items;
  list.replaceChildren(...shown.map((e) => item(e, options.length > 1)));
  empty.textContent = only ? T.emptyFiltered(only.name) : T.empty;
  empty.hidden = shown.length > 0;
  markAll.textContent = only ? T.markAllReadIn(only.name) : T.markAllRead;
  unreadLine.textContent = unread === 0 ? T.allRead : T.unread(unread);
  document.title = unread === 0 ? T.title : T.titleUnread(unread);
  // Re-rendering must not throw a keyboard user back to the top of the page.
  if (refocus) list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(refocus)}"]`)?.focus();
}

const rerender = (): void => {
  render().catch((err: unknown) => setStatus(status, T.loadFailed(err instanceof Error ? err.message : String(err)), 'error'));
};

filter.addEventListener('change', rerender);

onClick(markAll, status, async () => {
  if (filter.value === ALL) return api().markAllRead();
  const keys = shown.filter((e) => !e.read).map((e) => ({ restaurant: e.restaurant, source: e.source, id: e.id }));
  // The channel takes at most 1000 keys a request.
  for (let i = 0; i < keys.length; i += 1000) await api().setRead(keys.slice(i, i + 1000), true);
});

// Two presses to clear, without a modal dialog: the first asks, the second (within 5 s) clears.
const clear = byId<HTMLButtonElement>('clear-history');
let armed: ReturnType<typeof setTimeout> | undefined;
onClick(clear, status, async () => {
  if (!armed) {
    clear.textContent = T.clearConfirm;
    armed = setTimeout(() => {
      armed = undefined;
      clear.textContent = T.clear;
    }, 5000);
    return;
  }
  clearTimeout(armed);
  armed = undefined;
  clear.textContent = T.clear;
  await api().clearHistory();
  setStatus(status, T.cleared, 'ok');
});

api().onHistoryChanged(rerender);
rerender();
