import type { Clock } from '../connection/clock.js';
import type { Alert, FoldedAlert } from './alert.js';
import { BurstCoalescer, DEFAULT_SUPPORT_BURST_LIMIT, type BurstOptions } from './burst.js';

/** Support requests (a guest waiting on a video call) never share a burst with other alerts. */
export const SUPPORT_KIND = 'support_request';

/** `support`: support requests only; `other`: every other kind. */
export type BurstLane = 'support' | 'other';

/** Whose burst a summary closes: one restaurant's one source, in one lane. */
export interface BurstKey {
  restaurant: string;
  source: string;
  lane: BurstLane;
}

export const laneOf = (alert: Pick<Alert, 'kind'>): BurstLane => (alert.kind === SUPPORT_KIND ? 'support' : 'other');

/**
 * The burst rule per restaurant, source and lane: a flood of PrivMX messages in one restaurant is summarized on its
 * own and never holds back another restaurant's (or another source's) support request; and support requests have a
 * lane of their own with a higher limit (`supportCount`), so a rush of orders never folds one away, nor do they
 * count against the orders' limit.
 */
interface Lane {
  key: BurstKey;
  coalescer: BurstCoalescer;
}

export class BurstRouter {
  private readonly coalescers = new Map<string, Lane>();
  private last: Lane | undefined;

  constructor(
    private options: BurstOptions,
    private readonly clock: Clock,
    private readonly onSummary: (key: BurstKey, held: readonly FoldedAlert[]) => void,
  ) {}

  configure(options: BurstOptions): void {
    this.options = options;
    for (const { key, coalescer } of this.coalescers.values()) coalescer.configure(this.laneOptions(key.lane));
  }

  offer(alert: Alert): 'show' | 'held' {
    const lane = laneOf(alert);
    // A flood is one restaurant's one source: the same coalescer as last time, found without building its id.
    const last = this.last;
    if (last && last.key.lane === lane && last.key.source === alert.source && last.key.restaurant === alert.restaurant) return last.coalescer.offer(alert);
    const id = `${alert.restaurant}\u0000${alert.source}\u0000${lane}`;
    let slot = this.coalescers.get(id);
    if (!slot) {
      const key: BurstKey = { restaurant: alert.restaurant, source: alert.source, lane };
      slot = { key, coalescer: new BurstCoalescer(this.laneOptions(lane), this.clock, (held) => this.onSummary(key, held)) };
      this.coalescers.set(id, slot);
    }
    this.last = slot;
    return slot.coalescer.offer(alert);
  }

  dispose(): void {
    for (const { coalescer } of this.coalescers.values()) coalescer.dispose();
    this.coalescers.clear();
    this.last = undefined;
  }

  /** The support lane shows at least as many as the others do: a support request is never folded away sooner. */
  private laneOptions(lane: BurstLane): BurstOptions {
    const { count, windowMs } = this.options;
    if (lane === 'other') return { count, windowMs };
    return { count: Math.max(count, this.options.supportCount ?? DEFAULT_SUPPORT_BURST_LIMIT), windowMs };
  }
}
