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
  'test.title': 'Servicebell-Testbenachrichtigung',
  'test.body': 'Wenn Sie das lesen können, funktionieren die Benachrichtigungen.',
  'notification.showInHistory':
    'Im Verlauf anzeigen',
  'support.refusedLink':
    'Meeting-Link (nicht erlaubt, nicht geöffnet): {where}',
  'support.refusedLinkBare':
    'Meeting-Link (nicht erlaubt, nicht geöffnet)',
  'summary.whileClosed':
    'Während Servicebell geschlossen war: {counts}',
  'summary.backlog':
    'Offline verpasst: {counts} (siehe Verlauf)',
  'reminder.stillWaiting':
    '{unit, select, s {Noch immer unbeantwortet nach {n} s.} other {Noch immer unbeantwortet nach {n} Min.}}',
  'summary.kindCount':
    '{kind, select, support_request {{count, plural, one {# Hilfeanfrage} other {# Hilfeanfragen}}} threadNewMessage {{count, plural, one {# Nachricht} other {# Nachrichten}}} storeFileCreated {{count, plural, one {# Datei} other {# Dateien}}} inboxEntryCreated {{count, plural, one {# Posteingangseintrag} other {# Posteingangseinträge}}} ntfy_message {{count, plural, one {# Nachricht} other {# Nachrichten}}} order {{count, plural, one {# Bestellung} other {# Bestellungen}}} table_request {{count, plural, one {# Tischruf} other {# Tischrufe}}} other {{count} × {words}}}',
  'summary.newOfKind':
    '{kind, select, support_request {{count, plural, one {# neue Hilfeanfrage} other {# neue Hilfeanfragen}}} threadNewMessage {{count, plural, one {# neue Nachricht} other {# neue Nachrichten}}} storeFileCreated {{count, plural, one {# neue Datei} other {# neue Dateien}}} inboxEntryCreated {{count, plural, one {# neuer Posteingangseintrag} other {# neue Posteingangseinträge}}} ntfy_message {{count, plural, one {# neue Nachricht} other {# neue Nachrichten}}} order {{count, plural, one {# neue Bestellung} other {# neue Bestellungen}}} table_request {{count, plural, one {# neuer Tischruf} other {# neue Tischrufe}}} other {{count, plural, one {# neue Meldung} other {# neue Meldungen}}}}',
  'notification.mute':
    '{kind, select, support_request {Hilfeanfragen für 1 Stunde stummschalten} threadNewMessage {Nachrichten für 1 Stunde stummschalten} storeFileCreated {Dateien für 1 Stunde stummschalten} ntfy_message {ntfy-Nachrichten für 1 Stunde stummschalten} order {Bestellungen für 1 Stunde stummschalten} new_order {Neue Bestellungen für 1 Stunde stummschalten} nowords {Meldungen für 1 Stunde stummschalten} other {Meldungen „{words}“ für 1 Stunde stummschalten}}',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
};
