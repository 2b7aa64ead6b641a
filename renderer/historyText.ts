// Every text the history window shows that is not in history.html, read from the catalogue in the window's language
// at the moment it is shown (getters), so a language switch needs only a redraw.
import type { MessageKey } from '../common/i18n/catalogues/en.js';
import { reasonKey } from '../common/i18n/reasonKeys.js';
import { t } from './i18n.js';

/** Connection names are names: the same in every language. */
export const SOURCES: Record<string, string> = { vonage: 'Vonage', privmx: 'PrivMX', mqtt: 'MQTT', ntfy: 'ntfy', servicebell: 'Servicebell' };

const KIND_KEYS: Record<string, MessageKey> = {
  support_request: 'history.kind.support_request',
  threadNewMessage: 'history.kind.threadNewMessage',
  storeFileCreated: 'history.kind.storeFileCreated',
  ntfy_message: 'history.kind.ntfy_message',
  test: 'history.kind.test',
};

/** What a kind of alert is called in the row and the "Kind" filter; an unknown kind shows as it came. */
export function kindText(kind: string): string {
  const key = Object.hasOwn(KIND_KEYS, kind) ? KIND_KEYS[kind] : undefined;
  return key ? t(key) : kind;
}

/** Why an alert was not shown as a notification; an unknown reason shows as it came. */
export function reasonText(reason: string): string {
  const key = reasonKey(reason);
  return key ? t(key) : reason;
}

export const HISTORY_TEXT = {
  get join() { return t('history.join'); },
  get opened() { return t('history.opened'); },
  get notAllowed() { return t('history.notAllowed'); },
  get markRead() { return t('history.markRead'); },
  get markUnread() { return t('history.markUnread'); },
  get dismiss() { return t('history.dismiss'); },
  get dismissed() { return t('history.dismissed'); },
  get handled() { return t('history.handled'); },
  get unreadBadge() { return t('history.unreadBadge'); },
  get allRead() { return t('history.allRead'); },
  unread: (count: number) => t('history.unread', { count }),
  get title() { return t('history.windowTitle'); },
  titleUnread: (count: number) => t('history.windowTitleUnread', { count }),
  get allRestaurants() { return t('history.allRestaurants'); },
  get allKinds() { return t('history.allKinds'); },
  /** A restaurant no longer in the settings keeps its entries; the filter names it by its id. */
  removedRestaurant: (id: string) => t('history.removedRestaurant', { id }),
  get markAllRead() { return t('history.mark-all-read'); },
  markAllReadIn: (name: string) => t('history.markAllReadIn', { name }),
  get markShownRead() { return t('history.markShownRead'); },
  get empty() { return t('history.empty'); },
  emptyFiltered: (name: string) => t('history.emptyFiltered', { name }),
  get emptyMatch() { return t('history.emptyMatch'); },
  counted: (shown: number, all: number) => (shown === all ? t('history.counted', { count: all }) : t('history.countedOf', { shown, count: all })),
  showing: (label: string) => t('history.showing', { label }),
  handoffLabel: (count: number) => t('history.handoffLabel', { count }),
  get handoffFallback() { return t('history.handoffFallback'); },
  get today() { return t('history.today'); },
  get yesterday() { return t('history.yesterday'); },
  get clear() { return t('history.clear-history'); },
  get clearConfirm() { return t('history.clearConfirm'); },
  get cleared() { return t('history.cleared'); },
  loadFailed: (why: string) => t('history.loadFailed', { why }),
};
