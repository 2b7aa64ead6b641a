import type { Writable } from 'node:stream';
import { redact, redactValue } from '../log/redact.js';
import type { AlertOutcome, JoinAction, SummaryOutcome } from '../alerts/pipeline.js';
import type { SourceStatus } from '../sources/source.js';
import type { Notice } from '../app/servicebellCore.js';
import type { StorageChange, StorageState } from '../storage/storageHealth.js';

/**
 * The `--json` stream: one object per line on stdout. Logs never go here. `restaurant` (the restaurant's settings id)
 * comes last, after every field that existed before restaurants did, so lines read by position or prefix still match.
 */
export type JsonEvent =
  | { type: 'status'; source: string; restaurant: string; state: string; detail?: string; at: string }
  | { type: 'alert'; id: string; source: string; restaurant: string; title: string; body: string; link?: string; shown: boolean; reason?: string; at: string }
  | { type: 'summary'; count: number; text: string; shown: boolean; at: string; restaurant: string; source: string }
  | { type: 'action'; alertId: string; source: string; restaurant: string; action: 'join'; url: string; at: string }
  | { type: 'notice'; source: string; restaurant: string; level: string; message: string; at: string }
  | { type: 'storage'; file: string; state: StorageState; message: string; at: string };

const iso = (ms: number): string => new Date(ms).toISOString();

export function statusEvent(s: SourceStatus): JsonEvent {
  return { type: 'status', source: s.source, state: s.state, ...(s.detail ? { detail: s.detail } : {}), at: iso(s.at), restaurant: s.restaurant };
}

export function alertEvent(o: AlertOutcome, now: number): JsonEvent {
  return {
    type: 'alert',
    id: o.alert.id,
    source: o.alert.source,
    title: o.alert.title,
    body: o.alert.body,
    ...(o.joinUrl ? { link: o.joinUrl } : {}),
    shown: o.shown,
    ...(o.reason ? { reason: o.reason } : {}),
    at: iso(now),
    restaurant: o.alert.restaurant,
  };
}

export function summaryEvent(s: SummaryOutcome, now: number): JsonEvent {
  return { type: 'summary', count: s.count, text: s.text, shown: s.shown, at: iso(now), restaurant: s.restaurant, source: s.source };
}

export function actionEvent(a: JoinAction, now: number): JsonEvent {
  return { type: 'action', alertId: a.alertId, source: a.source, action: 'join', url: a.url, at: iso(now), restaurant: a.restaurant };
}

export function noticeEvent(n: Notice): JsonEvent {
  return { type: 'notice', source: n.source, level: n.level, message: n.message, at: iso(n.at), restaurant: n.restaurant };
}

/** A data file moved aside, failing to save, or (`ok`) saving again. */
export function storageEvent(c: StorageChange): JsonEvent {
  return { type: 'storage', file: c.file, state: c.state, message: c.message, at: iso(c.at) };
}

export function writeJsonEvent(out: Writable, event: JsonEvent): void {
  out.write(`${JSON.stringify(redactedEvent(event))}\n`);
}

/**
 * An alert's line, as `writeJsonEvent(out, alertEvent(o, now))` writes it, built redacted in one object: one per event,
 * written right after its history write, so its building is part of every event's latency (the event, its shallow
 * redacted copy and their spreads were ≈ 30 µs of it, measured in the latency bench).
 */
export function writeAlertLine(out: Writable, o: AlertOutcome, now: number): void {
  const { alert } = o;
  const line: Record<string, unknown> = { type: 'alert', id: redact(alert.id), source: alert.source, title: redact(alert.title), body: redact(alert.body) };
  if (o.joinUrl) line.link = redact(o.joinUrl);
  line.shown = o.shown;
  if (o.reason) line.reason = o.reason;
  line.at = iso(now);
  line.restaurant = alert.restaurant;
  out.write(`${JSON.stringify(line)}\n`);
}

/**
 * The line as it may leave the process. An alert line has four strings that come from outside (id, title, body,
 * link): only those are redacted, on a shallow copy. The rest are rare and take the generic deep copy.
 */
function redactedEvent(event: JsonEvent): unknown {
  if (event.type !== 'alert') return redactValue(event);
  const line = { ...event, id: redact(event.id), title: redact(event.title), body: redact(event.body) };
  if (event.link !== undefined) line.link = redact(event.link);
  return line;
}
