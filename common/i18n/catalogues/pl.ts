// Polski. Liczba mnoga: one (1), few (2–4, 22–24…), many (5–21, 25–31…), other (ułamki).
import type { Catalogue } from './en.js';

export const pl: Catalogue = {
  // ── Notifications, SMS, summaries, reminders (core) ──
  'notification.joinMeeting': 'Dołącz do spotkania',
  'support.title': 'Prośba o pomoc',
  'support.body': '{who} prosi o pomoc',
  'support.bodyAnonymous': 'Gość prosi o pomoc',
  'summary.moreSupport':
    '{count, plural, one {# kolejna prośba o pomoc} few {# kolejne prośby o pomoc} many {# kolejnych próśb o pomoc} other {# kolejnej prośby o pomoc}}',
  'summary.newAlerts': '{count, plural, one {# nowe powiadomienie} few {# nowe powiadomienia} many {# nowych powiadomień} other {# nowego powiadomienia}}',
  'test.title': 'Powiadomienie testowe Servicebell',
  'test.body': 'Jeśli to widzisz, powiadomienia działają.',
  'notification.showInHistory':
    'Pokaż w historii',
  'support.refusedLink':
    'Link do spotkania (niedozwolony, nie otwarto): {where}',
  'support.refusedLinkBare':
    'Link do spotkania (niedozwolony, nie otwarto)',
  'summary.whileClosed':
    'Gdy Servicebell był zamknięty: {counts}',
  'summary.backlog':
    'Pominięte bez połączenia: {counts} (zobacz historię)',
  'reminder.stillWaiting':
    '{unit, select, s {Nadal bez odpowiedzi po {n} s.} other {Nadal bez odpowiedzi po {n} min.}}',
  'summary.kindCount':
    '{kind, select, support_request {{count, plural, one {# prośba o pomoc} few {# prośby o pomoc} many {# próśb o pomoc} other {# prośby o pomoc}}} threadNewMessage {{count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}}} storeFileCreated {{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}} inboxEntryCreated {{count, plural, one {# wpis w skrzynce} few {# wpisy w skrzynce} many {# wpisów w skrzynce} other {# wpisu w skrzynce}}} ntfy_message {{count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}}} order {{count, plural, one {# zamówienie} few {# zamówienia} many {# zamówień} other {# zamówienia}}} table_request {{count, plural, one {# wezwanie od stolika} few {# wezwania od stolika} many {# wezwań od stolika} other {# wezwania od stolika}}} other {{count} × {words}}}',
  'summary.newOfKind':
    '{kind, select, support_request {{count, plural, one {# nowa prośba o pomoc} few {# nowe prośby o pomoc} many {# nowych próśb o pomoc} other {# nowej prośby o pomoc}}} threadNewMessage {{count, plural, one {# nowa wiadomość} few {# nowe wiadomości} many {# nowych wiadomości} other {# nowej wiadomości}}} storeFileCreated {{count, plural, one {# nowy plik} few {# nowe pliki} many {# nowych plików} other {# nowego pliku}}} inboxEntryCreated {{count, plural, one {# nowy wpis w skrzynce} few {# nowe wpisy w skrzynce} many {# nowych wpisów w skrzynce} other {# nowego wpisu w skrzynce}}} ntfy_message {{count, plural, one {# nowa wiadomość} few {# nowe wiadomości} many {# nowych wiadomości} other {# nowej wiadomości}}} order {{count, plural, one {# nowe zamówienie} few {# nowe zamówienia} many {# nowych zamówień} other {# nowego zamówienia}}} table_request {{count, plural, one {# nowe wezwanie od stolika} few {# nowe wezwania od stolika} many {# nowych wezwań od stolika} other {# nowego wezwania od stolika}}} other {{count, plural, one {# nowe powiadomienie} few {# nowe powiadomienia} many {# nowych powiadomień} other {# nowego powiadomienia}}}}',
  'notification.mute':
    '{kind, select, support_request {Wycisz prośby o pomoc na 1 godzinę} threadNewMessage {Wycisz wiadomości na 1 godzinę} storeFileCreated {Wycisz pliki na 1 godzinę} ntfy_message {Wycisz wiadomości ntfy na 1 godzinę} order {Wycisz zamówienia na 1 godzinę} new_order {Wycisz nowe zamówienia na 1 godzinę} nowords {Wycisz powiadomienia na 1 godzinę} other {Wycisz powiadomienia „{words}” na 1 godzinę}}',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
};
