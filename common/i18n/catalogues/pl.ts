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
  'test.title': 'Test Servicebell',
  'test.body': 'Powiadomienia działają. Wysłano o {time}.',
  // ── end of notifications ──

  // ── Tray menu, About, connection lines, mute, the check command ──
  // ── end of tray ──

  // ── Windows: Settings and History ──
  // ── end of windows ──
};
