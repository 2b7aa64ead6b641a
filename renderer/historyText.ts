// Every text the history window shows that is not in history.html, in one table so it can be translated later.
export const SOURCES: Record<string, string> = { vonage: 'Vonage', privmx: 'PrivMX', mqtt: 'MQTT', ntfy: 'ntfy', servicebell: 'Servicebell' };

export const REASONS: Record<string, string> = {
  dnd: 'not shown: notifications were paused',
  muted: 'not shown: this restaurant is muted',
  coalesced: 'shown in a summary',
  os_dnd: 'not shown: system do not disturb',
  failed: 'notification failed',
  link_not_allowed: 'link not on the allow-list',
  no_actions: 'shown without a Join button',
};

export const HISTORY_TEXT = {
  join: 'Join Meeting',
  opened: 'Opened in your browser.',
  notAllowed: 'This link is not allowed any more.',
  markRead: 'Mark read',
  markUnread: 'Mark unread',
  unreadBadge: 'Unread',
  allRead: 'All read',
  unread: (n: number) => `${n} unread`,
  title: 'Servicebell History',
  titleUnread: (n: number) => `Servicebell History (${n} unread)`,
  allRestaurants: 'All restaurants',
  /** A restaurant no longer in the settings keeps its entries; the filter names it by its id. */
  removedRestaurant: (id: string) => `${id} (removed)`,
  markAllRead: 'Mark all read',
  markAllReadIn: (name: string) => `Mark all read in ${name}`,
  empty: 'No alerts yet.',
  emptyFiltered: (name: string) => `No alerts from ${name}.`,
  clear: 'Clear history',
  clearConfirm: 'Press again to clear all',
  cleared: 'History cleared.',
  loadFailed: (why: string) => `Could not load history: ${why}`,
} as const;
