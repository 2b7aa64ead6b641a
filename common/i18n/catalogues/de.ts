// Deutsch.
import type { Catalogue } from './en.js';

export const de: Catalogue = {
  // ── Notifications, SMS, summaries, reminders (core) ──
  'notification.joinMeeting': 'Meeting beitreten',
  'support.title': 'Hilfeanfrage',
  'support.body': '{who} bittet um Hilfe',
  'support.bodyAnonymous': 'Ein Gast bittet um Hilfe',
  'summary.moreSupport': '{count, plural, one {# weitere Hilfeanfrage} other {# weitere Hilfeanfragen}}',
  'summary.newAlerts': '{count, plural, one {# neue Meldung} other {# neue Meldungen}}',
  'test.title': 'Servicebell-Test',
  'test.body': 'Benachrichtigungen funktionieren. Gesendet um {time}.',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
};
