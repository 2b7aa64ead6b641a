// Summaries, reminders and the Mute label in Polish and German (#16): ICU plurals per kind, unknown kinds by name.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../common/i18n/translator.js';
import { muteText } from '../text/muteText.js';
import type { Alert } from './alert.js';
import { backlogText, breakdownText, burstHeadline, historyFilterLabel, whileClosedText } from './summaryText.js';
import { reminderBody } from './supportReminders.js';
import { supportRequestBody } from './supportText.js';

const pl = createTranslator('pl');
const de = createTranslator('de');
const alerts = (kind: string, n: number, restaurant = 'default'): Alert[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${kind}${i}`, restaurant, source: 'mqtt', kind, title: 't', body: 'b', receivedAt: 1, meta: {} }));

describe('summaries in Polish and German', () => {
  it('Polish burst headlines agree with each kind: one, few, many', () => {
    expect([1, 3, 5].map((n) => burstHeadline(alerts('order', n), pl))).toEqual(['1 nowe zamówienie', '3 nowe zamówienia', '5 nowych zamówień']);
    expect([1, 3, 5].map((n) => burstHeadline(alerts('threadNewMessage', n), pl))).toEqual(['1 nowa wiadomość', '3 nowe wiadomości', '5 nowych wiadomości']);
    expect(burstHeadline([...alerts('order', 2), ...alerts('storeFileCreated', 3)], pl)).toBe('5 nowych powiadomień');
    expect(burstHeadline(alerts('pizza.ready', 22), pl)).toBe('22 nowe powiadomienia');
  });

  it('German headlines and per-kind lines, the restaurant named after a middle dot', () => {
    expect(burstHeadline(alerts('support_request', 5), de)).toBe('5 neue Hilfeanfragen');
    expect(burstHeadline(alerts('table_request', 1), de)).toBe('1 neuer Tischruf');
    const held = [...alerts('order', 2, 'wola'), ...alerts('pizza.ready', 3, 'wola')];
    expect(breakdownText(held, () => 'Pizzeria Wola', de)).toBe('2 Bestellungen · Pizzeria Wola\n3 × „pizza ready“ · Pizzeria Wola');
  });

  it('a kind without words: its name, quoted, after a count that needs no agreement; a name without words: a count of alerts', () => {
    const held = [...alerts('support_request', 3), ...alerts('pizzaReady', 5)];
    expect(backlogText(held, pl)).toBe('Pominięte bez połączenia: 3 prośby o pomoc, 5 × „pizza ready” (zobacz historię)');
    expect(whileClosedText(alerts('table.call', 1), de)).toBe('Während Servicebell geschlossen war: 1 × „table call“');
    expect(breakdownText(alerts('pizza_ready', 2), undefined)).toBe('2 × pizza ready');
    expect([1, 3, 5].map((n) => breakdownText(alerts('---', n), undefined, pl))).toEqual(['1 powiadomienie', '3 powiadomienia', '5 powiadomień']);
    expect(breakdownText(alerts('::', 2), undefined, de)).toBe('2 Meldungen');
    expect(breakdownText(alerts('__', 1), undefined)).toBe('1 alert');
  });

  it('Polish catch-up and start-up summaries', () => {
    const held = [...alerts('support_request', 3), ...alerts('order', 5)];
    expect(backlogText(held, pl)).toBe('Pominięte bez połączenia: 3 prośby o pomoc, 5 zamówień (zobacz historię)');
    expect(whileClosedText(alerts('storeFileCreated', 1), pl)).toBe('Gdy Servicebell był zamknięty: 1 plik');
    expect(whileClosedText(alerts('storeFileCreated', 2), de)).toBe('Während Servicebell geschlossen war: 2 Dateien');
  });

  it('what History says a summary holds', () => {
    const at = new Date(2026, 11, 3, 19, 2).getTime();
    expect(historyFilterLabel(alerts('support_request', 5), 5, at, pl)).toBe('5 próśb o pomoc od 19:02');
    expect(historyFilterLabel(alerts('order', 2), 1500, at, de)).toBe('1500 Bestellungen ab 19:02 (die ersten 2)');
    expect(historyFilterLabel([...alerts('order', 1), ...alerts('x', 1)], 2, at, pl)).toBe('2 powiadomienia od 19:02');
  });

  it('English stays as it was', () => {
    expect(burstHeadline(alerts('order', 1))).toBe('1 new order');
    expect(burstHeadline([...alerts('order', 1), ...alerts('x', 7)])).toBe('8 new alerts');
    expect(breakdownText(alerts('inboxEntryCreated', 2), undefined)).toBe('2 inbox entries');
  });
});

describe('reminders, support text and the Mute label', () => {
  it('a reminder says how long the guest has waited', () => {
    expect(reminderBody('Gość prosi o pomoc', 120_000, pl)).toBe('Nadal bez odpowiedzi po 2 min.\nGość prosi o pomoc');
    expect(reminderBody('x', 30_000, de)).toBe('Noch immer unbeantwortet nach 30 s.\nx');
    expect(reminderBody('x', 120_000)).toBe('Still waiting after 2 min.\nx');
  });

  it('support request bodies', () => {
    expect(supportRequestBody({ typed: 'stolik 4' }, pl)).toBe('stolik 4 prosi o pomoc');
    expect(supportRequestBody({}, de)).toBe('Ein Gast bittet um Hilfe');
  });

  it('Mute labels: known kinds in words, others by their name', () => {
    expect(muteText.notificationAction('order', pl)).toBe('Wycisz zamówienia na 1 godzinę');
    expect(muteText.notificationAction('table.call', pl)).toBe('Wycisz powiadomienia „table call” na 1 godzinę');
    expect(muteText.notificationAction('threadNewMessage', de)).toBe('Nachrichten für 1 Stunde stummschalten');
    expect(muteText.notificationAction('table.call')).toBe('Mute table call alerts for 1 hour');
    expect(muteText.notificationAction('---')).toBe('Mute alerts for 1 hour');
  });
});
