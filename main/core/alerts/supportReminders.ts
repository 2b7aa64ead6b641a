import { createTranslator, type Translator } from '../../../common/i18n/translator.js';
import type { Clock, TimerHandle } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import { keyOf, type Alert, type AlertKey } from './alert.js';
import type { HistoryChange, HistoryEntry, HistoryStore } from './history.js';

export const SUPPORT_REQUEST = 'support_request';

export interface ReminderOptions {
  /** Between the request and its first reminder, and between reminders. */
  afterMs: number;
  /** At most this many reminders; 0: none. */
  times: number;
}

export interface SupportRemindersDeps {
  clock: Clock;
  history: Pick<HistoryStore, 'find' | 'onChange'>;
  /** Read at every step, so a settings change applies to requests already waiting. */
  options: () => ReminderOptions;
  /** False while notifications are paused, in quiet hours, or the alert's restaurant is muted: that reminder is skipped. */
  mayRing: (alert: Alert) => boolean;
  /** Shows reminder `n` (1-based) of an unhandled request. */
  ring: (entry: HistoryEntry, n: number) => Promise<void>;
  /** Takes a handled request's notification off the screen (it was sent to stay until handled). */
  withdraw?: (key: AlertKey) => void;
  logger: Logger;
}

/** More than this many requests waiting at once is a flood, not service: the oldest stop being reminded. */
const MAX_WAITING = 100;
/** Shown requests followed until handled, to take their notification away then. */
const MAX_OPEN = 200;

interface Waiting {
  key: AlertKey;
  /** The reminder the timer will ring. */
  next: number;
  timer: TimerHandle;
}

/**
 * Follows the support requests this run showed until someone handles them, then withdraws their notification (sent
 * to stay until dismissed, it would otherwise linger after a join from the tray or History).
 * Rings an unanswered support request again: reminder n is due n × `afterMs` after the request was shown, for n up to
 * `times`, until someone joins it or dismisses it in History (its history entry is `handled`) or it leaves history.
 * A reminder due while notifications may not ring (pause, quiet hours, mute) is skipped, not postponed: the schedule
 * never runs past `times` × `afterMs`, so a pause does not end with a burst of stale reminders. After a restart
 * (`resume`), requests still within that span pick up at their next slot, counted from when this PC received them.
 */
export class SupportReminders {
  private readonly waiting = new Map<string, Waiting>();
  /** Requests this run showed and nobody has handled yet: their notification is withdrawn once someone does. */
  private readonly open = new Map<string, AlertKey>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: SupportRemindersDeps) {
    // Joins (pipeline.join) and dismissals (history:dismiss) both land in history: one place to stop at.
    this.unsubscribe = deps.history.onChange((change) => this.dropHandled(change));
  }

  /** A support request was just shown (or its showing failed): start its reminders. Other kinds are ignored. */
  track(alert: Alert): void {
    if (alert.kind !== SUPPORT_REQUEST) return;
    const id = waitingId(keyOf(alert));
    this.open.delete(id);
    this.open.set(id, keyOf(alert));
    if (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value ?? id);
    const { times } = this.deps.options();
    if (times <= 0) return;
    this.stop(id);
    this.schedule(id, keyOf(alert), 1);
    while (this.waiting.size > MAX_WAITING) {
      const oldest = this.waiting.keys().next().value;
      if (oldest === undefined) break;
      this.stop(oldest);
    }
  }

  /**
   * On start: the reminders the last run still owed, from history. A request counts if it was notified (shown, or
   * its notification failed) and nobody handled it; its next reminder is the first slot still ahead of now.
   */
  resume(entries: readonly HistoryEntry[]): void {
    const { afterMs, times } = this.deps.options();
    if (times <= 0 || afterMs <= 0) return;
    const now = this.deps.clock.now();
    for (const entry of entries) {
      const { alert } = entry;
      if (alert.kind !== SUPPORT_REQUEST || entry.handled !== undefined || entry.pending === true) continue;
      if (!entry.shown && entry.reason !== 'failed' && entry.reason !== 'os_dnd') continue;
      const next = Math.floor((now - alert.receivedAt) / afterMs) + 1;
      if (next < 1 || next > times || this.waiting.size >= MAX_WAITING) continue;
      const id = waitingId(keyOf(alert));
      if (this.waiting.has(id)) continue;
      this.schedule(id, keyOf(alert), next, alert.receivedAt + next * afterMs - now);
    }
  }

  /** How many requests still have a reminder to come. */
  get size(): number {
    return this.waiting.size;
  }

  dispose(): void {
    this.unsubscribe();
    this.open.clear();
    for (const id of [...this.waiting.keys()]) this.stop(id);
  }

  private schedule(id: string, key: AlertKey, next: number, inMs: number = this.deps.options().afterMs): void {
    const timer = this.deps.clock.setTimeout(() => this.due(id), inMs);
    this.waiting.set(id, { key, next, timer });
  }

  private due(id: string): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    const entry = this.deps.history.find(waiting.key);
    const { times } = this.deps.options();
    if (!entry || entry.handled !== undefined || waiting.next > times) return;
    const { restaurant, source, id: alertId } = waiting.key;
    if (this.deps.mayRing(entry.alert)) {
      this.deps.logger.info({ restaurant, source, alertId, reminder: waiting.next }, 'support request still unanswered: reminding');
      this.deps.ring(entry, waiting.next).catch((err: unknown) => {
        this.deps.logger.error({ restaurant, source, alertId, error: safeErrorMessage(err) }, 'reminder notification failed');
      });
    } else {
      this.deps.logger.info({ restaurant, source, alertId, reminder: waiting.next }, 'reminder skipped: notifications are paused or muted');
    }
    if (waiting.next < times) this.schedule(id, waiting.key, waiting.next + 1);
  }

  /**
   * Forgets (and withdraws) what a change ended. Only the keys it names are looked at: a look through every request
   * followed on each history change cost up to 300 lookups per alert in a flood.
   */
  private dropHandled(change: HistoryChange): void {
    if (change.ended === 'all') return this.dropAllHandled();
    if (this.open.size === 0 && this.waiting.size === 0) return;
    for (const key of change.ended) {
      const id = waitingId(key);
      const followed = this.open.get(id) ?? this.waiting.get(id)?.key;
      if (!followed) continue;
      const entry = this.deps.history.find(followed);
      if (entry && entry.handled === undefined) continue;
      if (this.open.delete(id) && entry) this.deps.withdraw?.(followed);
      this.stop(id);
    }
  }

  private dropAllHandled(): void {
    for (const [id, key] of this.open) {
      const entry = this.deps.history.find(key);
      if (entry && entry.handled === undefined) continue;
      this.open.delete(id);
      if (entry) this.deps.withdraw?.(key);
    }
    for (const [id, waiting] of this.waiting) {
      const entry = this.deps.history.find(waiting.key);
      if (!entry || entry.handled !== undefined) this.stop(id);
    }
  }

  private stop(id: string): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.deps.clock.clearTimeout(waiting.timer);
    this.waiting.delete(id);
  }
}

/** Unambiguous whatever the three hold: the first two carry their length (as the history's index does). */
function waitingId(key: AlertKey): string {
  return `${key.restaurant.length}:${key.restaurant}${key.source.length}:${key.source}${key.id}`;
}

const english = createTranslator('en');

/** A reminder's body: how long the guest has waited, then the request as first shown. */
export function reminderBody(body: string, waitedMs: number, t: Translator = english): string {
  const seconds = Math.round(waitedMs / 1000);
  const waited = seconds < 60 ? { unit: 's', n: seconds } : { unit: 'min', n: Math.round(seconds / 60) };
  return `${t.t('reminder.stillWaiting', waited)}\n${body}`;
}
