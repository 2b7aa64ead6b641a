// English: the reference catalogue. Every other language has exactly these keys (the type says so), the same
// {placeholders}, and the plural forms its own language needs (test/i18n/catalogues.test.ts checks both).
// Messages are ICU MessageFormat: {name} is a value, {count, plural, one {…} other {…}} picks a form, # is the number.
export const en = {
  // ── Notifications, SMS, summaries, reminders (core) ──
  'notification.joinMeeting': 'Join Meeting',
  'support.title': 'Support request',
  'support.body': '{who} has requested support',
  'support.bodyAnonymous': 'A guest has requested support',
  'summary.moreSupport': '{count, plural, one {{count} more support request} other {{count} more support requests}}',
  'summary.newAlerts': '{count, plural, one {{count} new alert} other {{count} new alerts}}',
  'test.title': 'Servicebell test notification',
  'test.body': 'If you can read this, notifications work.',
  'notification.showInHistory':
    'Show in History',
  'support.refusedLink':
    'Meeting link (not allowed, not opened): {where}',
  'support.refusedLinkBare':
    'Meeting link (not allowed, not opened)',
  'summary.whileClosed':
    'While Servicebell was closed: {counts}',
  'summary.backlog':
    'Missed while offline: {counts} (see History)',
  'reminder.stillWaiting':
    '{unit, select, s {Still waiting after {n} s.} other {Still waiting after {n} min.}}',
  'summary.kindCount':
    '{kind, select, support_request {{count, plural, one {{count} support request} other {{count} support requests}}} threadNewMessage {{count, plural, one {{count} message} other {{count} messages}}} storeFileCreated {{count, plural, one {{count} file} other {{count} files}}} inboxEntryCreated {{count, plural, one {{count} inbox entry} other {{count} inbox entries}}} ntfy_message {{count, plural, one {{count} message} other {{count} messages}}} order {{count, plural, one {{count} order} other {{count} orders}}} table_request {{count, plural, one {{count} table request} other {{count} table requests}}} other {{count} × {words}}}',
  'summary.newOfKind':
    '{kind, select, support_request {{count, plural, one {{count} new support request} other {{count} new support requests}}} threadNewMessage {{count, plural, one {{count} new message} other {{count} new messages}}} storeFileCreated {{count, plural, one {{count} new file} other {{count} new files}}} inboxEntryCreated {{count, plural, one {{count} new inbox entry} other {{count} new inbox entries}}} ntfy_message {{count, plural, one {{count} new message} other {{count} new messages}}} order {{count, plural, one {{count} new order} other {{count} new orders}}} table_request {{count, plural, one {{count} new table request} other {{count} new table requests}}} other {{count, plural, one {{count} new alert} other {{count} new alerts}}}}',
  'notification.mute':
    '{kind, select, support_request {Mute support requests for 1 hour} threadNewMessage {Mute messages for 1 hour} storeFileCreated {Mute files for 1 hour} ntfy_message {Mute ntfy messages for 1 hour} order {Mute orders for 1 hour} new_order {Mute new orders for 1 hour} nowords {Mute alerts for 1 hour} other {Mute {words} alerts for 1 hour}}',
  'summary.historyTotal':
    '{kind, select, support_request {{count, plural, one {{count} support request} other {{count} support requests}}} threadNewMessage {{count, plural, one {{count} message} other {{count} messages}}} storeFileCreated {{count, plural, one {{count} file} other {{count} files}}} inboxEntryCreated {{count, plural, one {{count} inbox entry} other {{count} inbox entries}}} ntfy_message {{count, plural, one {{count} message} other {{count} messages}}} order {{count, plural, one {{count} order} other {{count} orders}}} table_request {{count, plural, one {{count} table request} other {{count} table requests}}} other {{count, plural, one {{count} alert} other {{count} alerts}}}}',
  'summary.historyFrom':
    '{what} from {time}',
  'summary.historyFromFirst':
    '{what} from {time} (the first {listed})',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
