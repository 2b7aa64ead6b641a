// Every word a summary notification shows, in one place: the catalogues' `summary.*` messages, in the language given.
import { createTranslator, type Translator } from '../../../common/i18n/translator.js';
import type { FoldedAlert } from './alert.js';

const english = createTranslator('en');

/** Kinds the catalogues name in words (`summary.kindCount` and the others have one sentence each); support requests first. */
const KNOWN_KINDS = ['support_request', 'threadNewMessage', 'storeFileCreated', 'inboxEntryCreated', 'ntfy_message', 'order', 'table_request'];
/** Support requests first; unknown kinds after the known ones. */
const KIND_ORDER = KNOWN_KINDS;
const MAX_KIND_WORDS = 40;
const isKnown = (kind: string): boolean => KNOWN_KINDS.includes(kind);

export const SUMMARY_TITLE = 'Servicebell';
/** The action a summary notification offers (its body click): History, filtered to what it holds. */

/**
 * "1 order", "3 table requests"; a kind with no known words by its name in words, no guessed plural: "3 × pizza
 * ready" (`summary.kindCountByName`, each language's form); a kind whose name has no words either: "3 alerts".
 */
export function kindCount(kind: string, n: number, t: Translator = english): string {
  if (isKnown(kind)) return t.t('summary.kindCount', { kind, count: n });
  const words = wordsOf(kind);
  return words === '' ? t.t('summary.kindCount', { kind: 'other', count: n }) : t.t('summary.kindCountByName', { count: n, words });
}

function wordsOf(kind: string): string {
  return kind
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.:/]+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, MAX_KIND_WORDS)
    .trim();
}

function orderOfKind(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** "3 support requests, 150 messages": a count per kind, support requests first. */
export function countsByKind(alerts: readonly FoldedAlert[], t: Translator = english): string {
  const counts = new Map<string, number>();
  for (const a of alerts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => orderOfKind(x[0]) - orderOfKind(y[0]))
    .map(([kind, n]) => kindCount(kind, n, t))
    .join(', ');
}

/** The start-up summary for alerts the last run stored but never announced. */
export function whileClosedText(alerts: readonly FoldedAlert[], t: Translator = english): string {
  return t.t('summary.whileClosed', { counts: countsByKind(alerts, t) });
}

/** The summary for caught-up alerts too old or too many to show one by one. */
export function backlogText(alerts: readonly FoldedAlert[], t: Translator = english): string {
  return t.t('summary.backlog', { counts: countsByKind(alerts, t) });
}

/** "5 new support requests" for one kind, "8 new alerts" for a mix. */
export function burstHeadline(held: readonly FoldedAlert[], t: Translator = english): string {
  const kinds = new Set(held.map((a) => a.kind));
  const first = held[0];
  const kind = kinds.size === 1 && first && isKnown(first.kind) ? first.kind : 'other';
  return t.t('summary.newOfKind', { kind, count: held.length });
}

/** The support lane's summary, for a flood beyond the support requests shown one by one. */
export function moreSupportRequestsHeadline(n: number, t: Translator = english): string {
  return t.t('summary.moreSupport', { count: n });
}

/**
 * One line per kind and restaurant, "2 orders · Pizzeria Wola"; the restaurant is named only when several are
 * configured (`name` undefined), as in every other notification.
 */
export function breakdownText(alerts: readonly FoldedAlert[], name: ((restaurant: string) => string) | undefined, t: Translator = english): string {
  const counts = new Map<string, { kind: string; restaurant: string; n: number }>();
  for (const a of alerts) {
    const id = JSON.stringify([a.kind, a.restaurant]);
    const line = counts.get(id) ?? { kind: a.kind, restaurant: a.restaurant, n: 0 };
    line.n++;
    counts.set(id, line);
  }
  return [...counts.values()]
    .sort((x, y) => orderOfKind(x.kind) - orderOfKind(y.kind))
    .map((l) => (name ? `${kindCount(l.kind, l.n, t)} · ${name(l.restaurant)}` : kindCount(l.kind, l.n, t)))
    .join('\n');
}

/** What History says it shows after a click on a summary: "8 alerts from 19:02". */
export function historyFilterLabel(alerts: readonly FoldedAlert[], total: number, firstAt: number, t: Translator = english): string {
  const kinds = new Set(alerts.map((a) => a.kind));
  const first = alerts[0];
  const kind = kinds.size === 1 && first && isKnown(first.kind) ? first.kind : 'other';
  const what = t.t('summary.historyTotal', { kind, count: total });
  const time = clockTime(firstAt);
  return alerts.length < total ? t.t('summary.historyFromFirst', { what, time, listed: alerts.length }) : t.t('summary.historyFrom', { what, time });
}

/** "19:02", local time. */
function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
