// Deutsch.
import type { Catalogue } from './en.js';

export const de: Catalogue = {
  // ── Notifications, SMS, summaries, reminders (core) ──
  'notification.joinMeeting': 'Meeting beitreten',
  'support.title': 'Hilfeanfrage',
  'support.body': '{who} bittet um Hilfe',
  'support.bodyAnonymous': 'Ein Gast bittet um Hilfe',
  'summary.moreSupport': '{count, plural, one {{count} weitere Hilfeanfrage} other {{count} weitere Hilfeanfragen}}',
  'summary.newAlerts': '{count, plural, one {{count} neue Meldung} other {{count} neue Meldungen}}',
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
    '{kind, select, support_request {{count, plural, one {{count} Hilfeanfrage} other {{count} Hilfeanfragen}}} threadNewMessage {{count, plural, one {{count} Nachricht} other {{count} Nachrichten}}} storeFileCreated {{count, plural, one {{count} Datei} other {{count} Dateien}}} inboxEntryCreated {{count, plural, one {{count} Posteingangseintrag} other {{count} Posteingangseinträge}}} ntfy_message {{count, plural, one {{count} Nachricht} other {{count} Nachrichten}}} order {{count, plural, one {{count} Bestellung} other {{count} Bestellungen}}} table_request {{count, plural, one {{count} Tischruf} other {{count} Tischrufe}}} other {{count} × {words}}}',
  'summary.newOfKind':
    '{kind, select, support_request {{count, plural, one {{count} neue Hilfeanfrage} other {{count} neue Hilfeanfragen}}} threadNewMessage {{count, plural, one {{count} neue Nachricht} other {{count} neue Nachrichten}}} storeFileCreated {{count, plural, one {{count} neue Datei} other {{count} neue Dateien}}} inboxEntryCreated {{count, plural, one {{count} neuer Posteingangseintrag} other {{count} neue Posteingangseinträge}}} ntfy_message {{count, plural, one {{count} neue Nachricht} other {{count} neue Nachrichten}}} order {{count, plural, one {{count} neue Bestellung} other {{count} neue Bestellungen}}} table_request {{count, plural, one {{count} neuer Tischruf} other {{count} neue Tischrufe}}} other {{count, plural, one {{count} neue Meldung} other {{count} neue Meldungen}}}}',
  'notification.mute':
    '{kind, select, support_request {Hilfeanfragen für 1 Stunde stummschalten} threadNewMessage {Nachrichten für 1 Stunde stummschalten} storeFileCreated {Dateien für 1 Stunde stummschalten} ntfy_message {ntfy-Nachrichten für 1 Stunde stummschalten} order {Bestellungen für 1 Stunde stummschalten} new_order {Neue Bestellungen für 1 Stunde stummschalten} nowords {Meldungen für 1 Stunde stummschalten} other {Meldungen „{words}“ für 1 Stunde stummschalten}}',
  'summary.historyTotal':
    '{kind, select, support_request {{count, plural, one {{count} Hilfeanfrage} other {{count} Hilfeanfragen}}} threadNewMessage {{count, plural, one {{count} Nachricht} other {{count} Nachrichten}}} storeFileCreated {{count, plural, one {{count} Datei} other {{count} Dateien}}} inboxEntryCreated {{count, plural, one {{count} Posteingangseintrag} other {{count} Posteingangseinträge}}} ntfy_message {{count, plural, one {{count} Nachricht} other {{count} Nachrichten}}} order {{count, plural, one {{count} Bestellung} other {{count} Bestellungen}}} table_request {{count, plural, one {{count} Tischruf} other {{count} Tischrufe}}} other {{count, plural, one {{count} Meldung} other {{count} Meldungen}}}}',
  'summary.historyFrom':
    '{what} ab {time}',
  'summary.historyFromFirst':
    '{what} ab {time} (die ersten {listed})',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
};
