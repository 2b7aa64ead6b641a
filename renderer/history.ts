// The history window: every alert, newest first, as text; join where the link policy allows; read state; clear.
import type { HistoryItem } from '../preload/contract.js';
import { api, byId, el, onClick, setStatus } from './dom.js';

const SOURCES: Record<string, string> = { vonage: 'Vonage', privmx: 'PrivMX', servicebell: 'Servicebell' };
const REASONS: Record<string, string> = {
  dnd: 'not shown: notifications were paused',
  coalesced: 'shown in a summary',
  os_dnd: 'not shown: system do not disturb',
  failed: 'notification failed',
  link_not_allowed: 'link not on the allow-list',
  no_actions: 'shown without a Join button',
};

const list = byId<HTMLOListElement>('history-list');
const status = byId('history-status');
const unreadLine = byId('unread-count');
const empty = byId('empty');

// Remembered on focus, not read at render time: a button is disabled (and loses focus) while its action runs.
let lastFocusKey: string | undefined;
list.addEventListener('focusin', (event) => {
  lastFocusKey = event.target instanceof HTMLElement ? event.target.dataset.focusKey : undefined;
});

function item(entry: HistoryItem): HTMLLIElement {
  const key = `${entry.source}/${entry.id}`;
  const when = new Date(entry.receivedAt);
  const buttons: HTMLElement[] = [];
  if (entry.canJoin) {
    const join = el('button', { text: 'Join Meeting', className: 'primary', attrs: { type: 'button', 'data-focus-key': `join:${key}` } });
    onClick(join, status, async () => {
      const opened = await api().join(entry.source, entry.id);
      setStatus(status, opened ? 'Opened in your browser.' : 'This link is not allowed any more.', opened ? 'ok' : 'error');
    });
    buttons.push(join);
  }
  const toggle = el('button', {
    text: entry.read ? 'Mark unread' : 'Mark read',
    attrs: { type: 'button', 'data-focus-key': `read:${key}`, 'aria-label': `${entry.read ? 'Mark unread' : 'Mark read'}: ${entry.title}` },
  });
  onClick(toggle, status, () => api().setRead([{ source: entry.source, id: entry.id }], !entry.read));
  buttons.push(toggle);
  const meta = [el('span', { text: SOURCES[entry.source] ?? entry.source }), el('time', { text: when.toLocaleString(), attrs: { datetime: when.toISOString() } })];
  if (!entry.read) meta.unshift(el('span', { text: 'Unread', className: 'badge' }));
  const reason = entry.reason ? REASONS[entry.reason] ?? entry.reason : undefined;
  return el('li', { className: entry.read ? 'entry' : 'entry unread' }, [
    el('h2', { text: entry.title }),
    el('p', { className: 'meta' }, meta),
    el('p', { className: 'body', text: entry.body }),
    ...(reason ? [el('p', { className: 'reason', text: reason })] : []),
    el('div', { className: 'actions' }, buttons),
  ]);
}

async function render(): Promise<void> {
  const { items, unread } = await api().listHistory();
  const active = document.activeElement;
  const refocus = active === document.body || active === null || list.contains(active) ? lastFocusKey : undefined;
  list.replaceChildren(...items.map(item));
  empty.hidden = items.length > 0;
  unreadLine.textContent = unread === 0 ? 'All read' : `${unread} unread`;
  document.title = unread === 0 ? 'Servicebell History' : `Servicebell History (${unread} unread)`;
  // Re-rendering must not throw a keyboard user back to the top of the page.
  if (refocus) list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(refocus)}"]`)?.focus();
}

const rerender = (): void => {
  render().catch((err: unknown) => setStatus(status, `Could not load history: ${err instanceof Error ? err.message : String(err)}`, 'error'));
};

onClick(byId<HTMLButtonElement>('mark-all-read'), status, () => api().markAllRead());

// Two presses to clear, without a modal dialog: the first asks, the second (within 5 s) clears.
const clear = byId<HTMLButtonElement>('clear-history');
let armed: ReturnType<typeof setTimeout> | undefined;
onClick(clear, status, async () => {
  if (!armed) {
    clear.textContent = 'Press again to clear all';
    armed = setTimeout(() => {
      armed = undefined;
      clear.textContent = 'Clear history';
    }, 5000);
    return;
  }
  clearTimeout(armed);
  armed = undefined;
  clear.textContent = 'Clear history';
  await api().clearHistory();
  setStatus(status, 'History cleared.', 'ok');
});

api().onHistoryChanged(rerender);
rerender();
