// One compact History row: time, title, tags and actions on the first line, the body on the second (one line, in
// full while a button of the row has keyboard focus, and in the tooltip). Text only: textContent and attributes.
import type { HistoryItem } from '../preload/contract.js';
import { api, el, onClick, setStatus } from './dom.js';
import { locale } from './i18n.js';
import { HISTORY_TEXT as T, kindText, reasonText, SOURCES } from './historyText.js';

export interface RowOptions {
  /** Name the restaurant on the row (more than one is configured, or an entry names a removed one). */
  showRestaurant: boolean;
  status: HTMLElement;
}

export const rowKey = (entry: Pick<HistoryItem, 'restaurant' | 'source' | 'id'>): string => `${entry.restaurant}/${entry.source}/${entry.id}`;

export const kindName = (kind: string): string => kindText(kind);

/** A support request nobody joined or dismissed yet: it keeps being re-notified until someone does. */
export const needsHandling = (entry: HistoryItem): boolean => entry.kind === 'support_request' && !entry.handled;

function button(text: string, focusKey: string, label: string, className?: string): HTMLButtonElement {
  return el('button', { text, ...(className ? { className } : {}), attrs: { type: 'button', 'data-focus-key': focusKey, 'aria-label': label } });
}

function actions(entry: HistoryItem, status: HTMLElement): HTMLButtonElement[] {
  const key = rowKey(entry);
  const ref = { restaurant: entry.restaurant, source: entry.source, id: entry.id };
  const buttons: HTMLButtonElement[] = [];
  if (entry.canJoin) {
    const join = button(T.join, `join:${key}`, `${T.join}: ${entry.title}`, 'primary');
    onClick(join, status, async () => {
      const opened = await api().join(entry.source, entry.id, entry.restaurant);
      setStatus(status, () => (opened ? T.opened : T.notAllowed), opened ? 'ok' : 'error');
    });
    buttons.push(join);
  }
  if (needsHandling(entry)) {
    const dismiss = button(T.dismiss, `dismiss:${key}`, `${T.dismiss}: ${entry.title}`);
    onClick(dismiss, status, async () => {
      await api().dismiss([ref]);
      setStatus(status, () => T.dismissed, 'ok');
    });
    buttons.push(dismiss);
  }
  const toggleText = entry.read ? T.markUnread : T.markRead;
  const toggle = button(toggleText, `read:${key}`, `${toggleText}: ${entry.title}`);
  onClick(toggle, status, () => api().setRead([ref], !entry.read));
  buttons.push(toggle);
  return buttons;
}

function tags(entry: HistoryItem, showRestaurant: boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (!entry.read) out.push(el('span', { text: T.unreadBadge, className: 'badge' }));
  if (showRestaurant) out.push(el('span', { text: entry.restaurantName, className: 'tag-restaurant' }));
  // The connection it came by is for IT: in the tooltip, not on the line.
  out.push(el('span', { text: kindName(entry.kind), className: 'kind', attrs: { title: SOURCES[entry.source] ?? entry.source } }));
  if (entry.kind === 'support_request' && entry.handled) out.push(el('span', { text: T.handled, className: 'handled' }));
  return out;
}

// One formatter each per language, made once: toLocaleTimeString builds a new one per call, which dominated a
// 1000-row draw. In the window's language, in the computer's local time.
let formatters: { language: string; clock: Intl.DateTimeFormat; full: Intl.DateTimeFormat } | undefined;
function timeFormats(): { clock: Intl.DateTimeFormat; full: Intl.DateTimeFormat } {
  const language = locale();
  if (formatters?.language !== language) {
    formatters = {
      language,
      clock: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
      full: new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }),
    };
  }
  return formatters;
}

/** The body's lines as spans with a newline between: on one line "first · second", in full one under the other. */
function bodyText(body: string): HTMLSpanElement {
  const span = el('span', { className: 'body' });
  body.split(/\n+/).forEach((line, i) => {
    if (i > 0) span.append('\n');
    span.append(el('span', { text: line, className: 'body-line' }));
  });
  return span;
}

export function historyRow(entry: HistoryItem, options: RowOptions): HTMLLIElement {
  const when = new Date(entry.receivedAt);
  const { clock: clockTime, full: fullTime } = timeFormats();
  const reason = entry.reason ? reasonText(entry.reason) : undefined;
  const classes = ['entry', ...(entry.read ? [] : ['unread']), ...(needsHandling(entry) ? ['waiting'] : [])];
  return el('li', { className: classes.join(' '), attrs: { 'data-restaurant': entry.restaurant, 'data-row-key': rowKey(entry) } }, [
    el('time', {
      text: clockTime.format(when),
      className: 'when',
      attrs: { datetime: when.toISOString(), title: fullTime.format(when) },
    }),
    el('div', { className: 'line' }, [el('h3', { text: entry.title, className: 'entry-title' }), el('span', { className: 'tags' }, tags(entry, options.showRestaurant))]),
    el('p', { className: 'detail', attrs: { title: reason ? `${entry.body}\n${reason}` : entry.body } }, [
      bodyText(entry.body),
      ...(reason ? [el('span', { text: reason, className: 'reason' })] : []),
    ]),
    el('div', { className: 'actions' }, actions(entry, options.status)),
  ]);
}
