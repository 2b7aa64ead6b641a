import type { Clock, TimerHandle } from '../connection/clock.js';
import type { Alert } from './alert.js';

export interface BurstOptions {
  /** How many alerts within the window are shown one by one. */
  count: number;
  windowMs: number;
}

/**
 * Turns bursts into one summary: the first `count` alerts within `windowMs` are shown individually; later ones in
 * the window are held, and one summary for all held alerts is emitted `windowMs` after the first was held.
 */
export class BurstCoalescer {
  private recent: number[] = [];
  private held: Alert[] = [];
  private timer: TimerHandle | null = null;

  constructor(
    private options: BurstOptions,
    private readonly clock: Clock,
    private readonly onSummary: (held: readonly Alert[]) => void,
  ) {}

  configure(options: BurstOptions): void {
    this.options = options;
  }

  /** `show` to notify now, `held` when it will be part of a summary. */
  offer(alert: Alert): 'show' | 'held' {
    const now = this.clock.now();
    const since = now - this.options.windowMs;
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= since) this.recent.shift();
    const burst = this.recent.length >= this.options.count;
    this.recent.push(now);
    if (!burst) return 'show';
    this.held.push(alert);
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.options.windowMs);
    return 'held';
  }

  /** Emits the pending summary now (also used on shutdown so nothing waits forever). */
  flush(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const held = this.held;
    this.held = [];
    if (held.length > 0) this.onSummary(held);
  }

  get pending(): number {
    return this.held.length;
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.held = [];
  }
}

const KIND_PLURALS: Record<string, [string, string]> = {
  support_request: ['support request', 'support requests'],
  threadNewMessage: ['message', 'messages'],
  storeFileCreated: ['file', 'files'],
};

/** "3 support requests, 150 messages": a count per kind, support requests first; unnamed kinds count as alerts. */
export function countsByKind(alerts: readonly Alert[]): string {
  const counts = new Map<string, number>();
  for (const a of alerts) {
    const label = KIND_PLURALS[a.kind] ? a.kind : '';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const order = [...Object.keys(KIND_PLURALS), ''];
  return [...counts]
    .sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]))
    .map(([kind, n]) => {
      const [one, many] = KIND_PLURALS[kind] ?? ['alert', 'alerts'];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

/** The start-up summary for alerts the last run stored but never announced. */
export function whileClosedText(alerts: readonly Alert[]): string {
  return `While Servicebell was closed: ${countsByKind(alerts)}`;
}

/** The summary for caught-up alerts too old or too many to show one by one. */
export function backlogText(alerts: readonly Alert[]): string {
  return `Missed while offline: ${countsByKind(alerts)} (see History)`;
}

/** "5 new support requests", or "5 new alerts" for a mix. */
export function summaryText(held: readonly Alert[]): string {
  const kinds = new Set(held.map((a) => a.kind));
  const only = kinds.size === 1 ? KIND_PLURALS[held[0]?.kind ?? ''] : undefined;
  const [one, many] = only ?? ['alert', 'alerts'];
  return `${held.length} new ${held.length === 1 ? one : many}`;
}
