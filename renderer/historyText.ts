// Every text the history window shows that is not in history.html, in one table so it can be translated later.
export const SOURCES: Record<string, string> = { vonage: 'Vonage', privmx: 'PrivMX', mqtt: 'MQTT', ntfy: 'ntfy', servicebell: 'Servicebell' };

/** What each kind of alert is called in the row and the "Kind" filter; an unknown kind shows as it came. */
export const KINDS: Record<string, string> = {
  support_request: 'Support request',
  threadNewMessage: 'Message',
  storeFileCreated: 'File',
  ntfy_message: 'ntfy message',
  test: 'Test notification',
};

export const REASONS: Record<string, string> = {
  dnd: 'not shown: notifications were paused',
  muted: 'not shown: this restaurant is muted',
  coalesced: 'shown in a summary',
  os_dnd: 'not shown: system do not disturb',
  failed: 'notification failed',
  link_not_allowed: 'link not on the allow-list',
  no_actions: 'shown without a Join button',
  backlog: 'missed while offline',
  while_closed: 'arrived while Servicebell was closed',
};

export const HISTORY_TEXT = {
  join: 'Join Meeting',
  opened: 'Opened in your browser.',
  notAllowed: 'This link is not allowed any more.',
  markRead: 'Mark read',
  markUnread: 'Mark unread',
  dismiss: 'Dismiss',
  dismissed: 'Dismissed: no more reminders for it.',
  handled: 'Handled',
  unreadBadge: 'Unread',
  allRead: 'All read',
  unread: (n: number) => `${n} unread`,
  title: 'Servicebell History',
  titleUnread: (n: number) => `Servicebell History (${n} unread)`,
  allRestaurants: 'All restaurants',
  allKinds: 'All kinds',
  /** A restaurant no longer in the settings keeps its entries; the filter names it by its id. */
  removedRestaurant: (id: string) => `${id} (removed)`,
  markAllRead: 'Mark all read',
  markAllReadIn: (name: string) => `Mark all read in ${name}`,
  markShownRead: 'Mark shown read',
  empty: 'No alerts yet.',
  emptyFiltered: (name: string) => `No alerts from ${name}.`,
  emptyMatch: 'No alerts match. Clear the search or the filters to see more.',
  counted: (shown: number, all: number) => (shown === all ? `${all} alerts` : `${shown} of ${all} alerts`),
  showing: (label: string) => `Showing: ${label}`,
  handoffLabel: (n: number) => (n === 1 ? '1 alert' : `${n} alerts`),
  handoffFallback: 'selected alerts',
  today: 'Today',
  yesterday: 'Yesterday',
  clear: 'Clear history',
  clearConfirm: 'Press again to clear all',
  cleared: 'History cleared.',
  loadFailed: (why: string) => `Could not load history: ${why}`,
} as const;
