// The history window: every alert by day, newest first, as compact text rows; search and filters over one filter
// model, which a summary notification's click can also set (the handoff); join where the link policy allows;
// dismiss a waiting support request; read state; clear.
import type { HistoryItem, Response } from '../preload/contract.js';
import { api, byId, el, onClick, setStatus } from './dom.js';
import { bindFilterControls, kindChoices, restaurantChoices } from './historyControls.js';
import { groupByDay, msUntilNextDay } from './historyDays.js';
import { isEmpty, isHandoff, matcher, newestFirst, type HistoryFilter } from './historyFilter.js';
import { historyRow } from './historyRow.js';
import { HISTORY_TEXT as T } from './historyText.js';
import { locale, onLanguage, startLanguage } from './i18n.js';

const list = byId('history-list');
const status = byId('history-status');
const unreadLine = byId('unread-count');
const shownCount = byId('shown-count');
const empty = byId('empty');
const markAll = byId<HTMLButtonElement>('mark-all-read');

/** A day heading past yesterday: "Thursday, 3 December 2026", in the window's language and the computer's local time. */
function dayDate(at: Date): string {
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

let data: Response<'history:list'> = { items: [], unread: 0, restaurants: [] };
/** The one filter: the controls patch it, a handoff replaces it, "Show all" empties it. */
let filter: HistoryFilter = {};
/** What the last draw showed, so "Mark all read" under a filter marks exactly those. */
let shown: HistoryItem[] = [];

// Remembered on focus, not read at draw time: a button is disabled (and loses focus) while its action runs.
let lastFocusKey: string | undefined;
let lastRowKey: string | undefined;
list.addEventListener('focusin', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : undefined;
  lastFocusKey = target?.dataset.focusKey;
  lastRowKey = target?.closest<HTMLElement>('[data-row-key]')?.dataset.rowKey;
});

/** Drops what no longer narrows (an empty search, "any"), so `isEmpty` and the bar see the model as it is. */
function tidy(next: HistoryFilter): HistoryFilter {
  const out: HistoryFilter = {};
  if (next.keys !== undefined) out.keys = next.keys;
  if (next.label !== undefined) out.label = next.label;
  if (next.restaurant !== undefined) out.restaurant = next.restaurant;
  if (next.kind !== undefined) out.kind = next.kind;
  if (next.unread) out.unread = true;
  if (next.text !== undefined && next.text.trim() !== '') out.text = next.text;
  return out;
}

function setFilter(next: HistoryFilter): void {
  filter = tidy(next);
  draw();
}

const controls = bindFilterControls(
  (patch) => setFilter({ ...filter, ...patch }),
  () => {
    setFilter({});
    byId('history-search').focus();
  },
);

function markAllText(restaurantName: string | undefined): string {
  if (isEmpty(filter)) return T.markAllRead;
  return restaurantName !== undefined && isEmpty({ ...filter, restaurant: undefined }) ? T.markAllReadIn(restaurantName) : T.markShownRead;
}

/** Rows are built once per load and reused while the filter changes: typing moves rows, it does not rebuild them. */
let rows = new Map<HistoryItem, HTMLLIElement>();
let rowsShowRestaurant = false;
function rowOf(entry: HistoryItem, showRestaurant: boolean): HTMLLIElement {
  if (showRestaurant !== rowsShowRestaurant) {
    rows = new Map();
    rowsShowRestaurant = showRestaurant;
  }
  let row = rows.get(entry);
  if (!row) {
    row = historyRow(entry, { showRestaurant, status });
    rows.set(entry, row);
  }
  return row;
}

function draw(): void {
  const { items, unread, restaurants } = data;
  const active = document.activeElement;
  const refocus = active === document.body || active === null || list.contains(active);
  const options = restaurantChoices(restaurants, items, filter);
  controls.show(filter, options, kindChoices(items, filter));
  const only = options.find((r) => r.id === filter.restaurant);
  shown = newestFirst(items.filter(matcher(filter)));
  const showRestaurant = options.length > 1;
  const groups = groupByDay(shown, Date.now(), { today: T.today, yesterday: T.yesterday, date: (at) => dayDate(at) });
  list.replaceChildren(
    ...groups.map((g) => {
      const headingId = `day-${g.day}`;
      return el('section', { className: 'day', attrs: { 'aria-labelledby': headingId } }, [
        el('h2', { text: g.label, className: 'day-heading', attrs: { id: headingId } }),
        el('ol', { className: 'entries' }, g.items.map((e) => rowOf(e, showRestaurant))),
      ]);
    }),
  );
  const onlyRestaurant = only !== undefined && isEmpty({ ...filter, restaurant: undefined });
  empty.textContent = items.length === 0 ? T.empty : onlyRestaurant ? T.emptyFiltered(only.name) : T.emptyMatch;
  empty.hidden = shown.length > 0;
  shownCount.textContent = items.length === 0 ? '' : T.counted(shown.length, items.length);
  markAll.textContent = markAllText(only?.name);
  unreadLine.textContent = unread === 0 ? T.allRead : T.unread(unread);
  document.title = unread === 0 ? T.title : T.titleUnread(unread);
  // Redrawing must not throw a keyboard user back to the top of the page: the same button, else its row's first.
  if (refocus && lastFocusKey) {
    const same = list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(lastFocusKey)}"]`);
    const row = lastRowKey ? list.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(lastRowKey)}"] button`) : null;
    (same ?? row)?.focus();
  }
}

async function load(): Promise<void> {
  data = await api().listHistory();
  rows = new Map();
  draw();
}

const fail = (err: unknown): void => {
  const why = err instanceof Error ? err.message : String(err);
  setStatus(status, () => T.loadFailed(why), 'error');
};
const reload = (): void => {
  load().catch(fail);
};

onClick(markAll, status, async () => {
  if (isEmpty(filter)) return api().markAllRead();
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
  setStatus(status, () => T.cleared, 'ok');
});

// "Today" becomes "Yesterday" at local midnight while the window stays open.
function redrawAtMidnight(): void {
  setTimeout(() => {
    draw();
    redrawAtMidnight();
  }, msUntilNextDay(Date.now()) + 1000);
}

/** A handoff replaces whatever the window showed: the person clicked a summary to see those alerts. */
function handOff(next: HistoryFilter): void {
  setFilter(next);
  if (isHandoff(filter)) window.scrollTo(0, 0);
}

// Ctrl+F (⌘F) finds in History: there is no browser find bar in the window.
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    const search = byId<HTMLInputElement>('history-search');
    search.focus();
    search.select();
  }
});

// Another language: every text built here is built again (the rows too); the filter and the search stay.
onLanguage(() => {
  rows = new Map();
  if (!armed) clear.textContent = T.clear;
  draw();
});
api().onHistoryChanged(reload);
api().onHistoryFilter(handOff);
redrawAtMidnight();
startLanguage()
  // Without an answer the window speaks English.
  .catch(() => {})
  .then(() => api().takeHistoryFilter())
  .then((first) => {
    if (first) filter = tidy(first);
  })
  // Without the handoff History still opens, showing everything.
  .catch(() => {})
  .finally(reload);
