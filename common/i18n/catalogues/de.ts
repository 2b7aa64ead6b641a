// Deutsch.
import type { Catalogue } from './en.js';

export const de: Catalogue = {
  'notification.joinMeeting': 'Meeting beitreten',
  'support.title': 'Hilfeanfrage',
  'support.body': '{who} bittet um Hilfe',
  'support.bodyAnonymous': 'Ein Gast bittet um Hilfe',
  'summary.moreSupport': '{count, plural, one {# weitere Hilfeanfrage} other {# weitere Hilfeanfragen}}',
  'summary.newAlerts': '{count, plural, one {# neue Meldung} other {# neue Meldungen}}',
  'test.title': 'Servicebell-Test',
  'test.body': 'Benachrichtigungen funktionieren. Gesendet um {time}.',
};
