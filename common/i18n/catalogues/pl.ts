// Polski. Liczba mnoga: one (1), few (2–4, 22–24…), many (5–21, 25–31…), other (ułamki).
import type { Catalogue } from './en.js';

export const pl: Catalogue = {
  // ── Notifications, SMS, summaries, reminders (core) ──
  'notification.joinMeeting': 'Dołącz do spotkania',
  'support.title': 'Prośba o pomoc',
  'support.body': '{who} prosi o pomoc',
  'support.bodyAnonymous': 'Gość prosi o pomoc',
  'summary.moreSupport':
    '{count, plural, one {{count} kolejna prośba o pomoc} few {{count} kolejne prośby o pomoc} many {{count} kolejnych próśb o pomoc} other {{count} kolejnej prośby o pomoc}}',
  'summary.newAlerts': '{count, plural, one {{count} nowe powiadomienie} few {{count} nowe powiadomienia} many {{count} nowych powiadomień} other {{count} nowego powiadomienia}}',
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
    '{kind, select, support_request {{count, plural, one {{count} prośba o pomoc} few {{count} prośby o pomoc} many {{count} próśb o pomoc} other {{count} prośby o pomoc}}} threadNewMessage {{count, plural, one {{count} wiadomość} few {{count} wiadomości} many {{count} wiadomości} other {{count} wiadomości}}} storeFileCreated {{count, plural, one {{count} plik} few {{count} pliki} many {{count} plików} other {{count} pliku}}} inboxEntryCreated {{count, plural, one {{count} wpis w skrzynce} few {{count} wpisy w skrzynce} many {{count} wpisów w skrzynce} other {{count} wpisu w skrzynce}}} ntfy_message {{count, plural, one {{count} wiadomość} few {{count} wiadomości} many {{count} wiadomości} other {{count} wiadomości}}} order {{count, plural, one {{count} zamówienie} few {{count} zamówienia} many {{count} zamówień} other {{count} zamówienia}}} table_request {{count, plural, one {{count} wezwanie od stolika} few {{count} wezwania od stolika} many {{count} wezwań od stolika} other {{count} wezwania od stolika}}} other {{count} × {words}}}',
  'summary.newOfKind':
    '{kind, select, support_request {{count, plural, one {{count} nowa prośba o pomoc} few {{count} nowe prośby o pomoc} many {{count} nowych próśb o pomoc} other {{count} nowej prośby o pomoc}}} threadNewMessage {{count, plural, one {{count} nowa wiadomość} few {{count} nowe wiadomości} many {{count} nowych wiadomości} other {{count} nowej wiadomości}}} storeFileCreated {{count, plural, one {{count} nowy plik} few {{count} nowe pliki} many {{count} nowych plików} other {{count} nowego pliku}}} inboxEntryCreated {{count, plural, one {{count} nowy wpis w skrzynce} few {{count} nowe wpisy w skrzynce} many {{count} nowych wpisów w skrzynce} other {{count} nowego wpisu w skrzynce}}} ntfy_message {{count, plural, one {{count} nowa wiadomość} few {{count} nowe wiadomości} many {{count} nowych wiadomości} other {{count} nowej wiadomości}}} order {{count, plural, one {{count} nowe zamówienie} few {{count} nowe zamówienia} many {{count} nowych zamówień} other {{count} nowego zamówienia}}} table_request {{count, plural, one {{count} nowe wezwanie od stolika} few {{count} nowe wezwania od stolika} many {{count} nowych wezwań od stolika} other {{count} nowego wezwania od stolika}}} other {{count, plural, one {{count} nowe powiadomienie} few {{count} nowe powiadomienia} many {{count} nowych powiadomień} other {{count} nowego powiadomienia}}}}',
  'notification.mute':
    '{kind, select, support_request {Wycisz prośby o pomoc na 1 godzinę} threadNewMessage {Wycisz wiadomości na 1 godzinę} storeFileCreated {Wycisz pliki na 1 godzinę} ntfy_message {Wycisz wiadomości ntfy na 1 godzinę} order {Wycisz zamówienia na 1 godzinę} new_order {Wycisz nowe zamówienia na 1 godzinę} nowords {Wycisz powiadomienia na 1 godzinę} other {Wycisz powiadomienia „{words}” na 1 godzinę}}',
  'summary.historyTotal':
    '{kind, select, support_request {{count, plural, one {{count} prośba o pomoc} few {{count} prośby o pomoc} many {{count} próśb o pomoc} other {{count} prośby o pomoc}}} threadNewMessage {{count, plural, one {{count} wiadomość} few {{count} wiadomości} many {{count} wiadomości} other {{count} wiadomości}}} storeFileCreated {{count, plural, one {{count} plik} few {{count} pliki} many {{count} plików} other {{count} pliku}}} inboxEntryCreated {{count, plural, one {{count} wpis w skrzynce} few {{count} wpisy w skrzynce} many {{count} wpisów w skrzynce} other {{count} wpisu w skrzynce}}} ntfy_message {{count, plural, one {{count} wiadomość} few {{count} wiadomości} many {{count} wiadomości} other {{count} wiadomości}}} order {{count, plural, one {{count} zamówienie} few {{count} zamówienia} many {{count} zamówień} other {{count} zamówienia}}} table_request {{count, plural, one {{count} wezwanie od stolika} few {{count} wezwania od stolika} many {{count} wezwań od stolika} other {{count} wezwania od stolika}}} other {{count, plural, one {{count} powiadomienie} few {{count} powiadomienia} many {{count} powiadomień} other {{count} powiadomienia}}}}',
  'summary.historyFrom':
    '{what} od {time}',
  'summary.historyFromFirst':
    '{what} od {time} (pierwsze {listed})',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
};
