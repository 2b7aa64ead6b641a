import type { Clock, TimerHandle } from '../connection/clock.js';
import { foldedOf, type Alert, type FoldedAlert } from './alert.js';

export interface BurstOptions {
  /** How many alerts within the window are shown one by one. */
  count: number;
  windowMs: number;
  /**
   * Support requests have a lane of their own (see BurstRouter): this many within the window are shown one by one
   * (never fewer than `count`). Default 10.
   */
  supportCount?: number;
}

export const DEFAULT_SUPPORT_BURST_LIMIT = 10;

/**
 * Turns bursts into one summary: the first `count` alerts within `windowMs` are shown individually; later ones in
 * the window are held, and one summary for all held alerts is emitted `windowMs` after the first was held.
 */
export class BurstCoalescer {
  private recent: number[] = [];
  private held: FoldedAlert[] = [];
  private timer: TimerHandle | null = null;

  constructor(
    private options: BurstOptions,
    private readonly clock: Clock,
    private readonly onSummary: (held: readonly FoldedAlert[]) => void,
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
    // Only the newest `count` times can decide: a flood kept every one of its times for the window.
    if (this.recent.length > this.options.count) this.recent.shift();
    if (!burst) return 'show';
    this.held.push(foldedOf(alert));
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
