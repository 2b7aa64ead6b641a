// English: the reference catalogue. Every other language has exactly these keys (the type says so), the same
// {placeholders}, and the plural forms its own language needs (test/i18n/catalogues.test.ts checks both).
// Messages are ICU MessageFormat: {name} is a value, {count, plural, one {…} other {…}} picks a form, # is the number.
export const en = {
  // ── Notifications, SMS, summaries, reminders (core) ──
  'notification.joinMeeting': 'Join Meeting',
  'support.title': 'Support request',
  'support.body': '{who} has requested support',
  'support.bodyAnonymous': 'A guest has requested support',
  'summary.moreSupport': '{count, plural, one {# more support request} other {# more support requests}}',
  'summary.newAlerts': '{count, plural, one {# new alert} other {# new alerts}}',
  'test.title': 'Servicebell test',
  'test.body': 'Notifications work. Sent at {time}.',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
