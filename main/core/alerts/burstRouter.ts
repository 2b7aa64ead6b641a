import type { Clock } from '../connection/clock.js';
import type { Alert } from './alert.js';
import { BurstCoalescer, type BurstOptions } from './burst.js';

/** Whose burst a summary closes: one restaurant's one source. */
export interface BurstKey {
  restaurant: string;
  source: string;
}

/**
 * The burst rule per restaurant and source: a flood of PrivMX messages in one restaurant is summarized on its own and
 * never holds back another restaurant's (or another source's) support request.
 */
export class BurstRouter {
  private readonly coalescers = new Map<string, BurstCoalescer>();

  constructor(
    private options: BurstOptions,
    private readonly clock: Clock,
    private readonly onSummary: (key: BurstKey, held: readonly Alert[]) => void,
  ) {}

  configure(options: BurstOptions): void {
    this.options = options;
    for (const coalescer of this.coalescers.values()) coalescer.configure(options);
  }

  offer(alert: Alert): 'show' | 'held' {
    const id = `${alert.restaurant}\u0000${alert.source}`;
    let coalescer = this.coalescers.get(id);
    if (!coalescer) {
      const key: BurstKey = { restaurant: alert.restaurant, source: alert.source };
      coalescer = new BurstCoalescer(this.options, this.clock, (held) => this.onSummary(key, held));
      this.coalescers.set(id, coalescer);
    }
    return coalescer.offer(alert);
  }

  dispose(): void {
    for (const coalescer of this.coalescers.values()) coalescer.dispose();
    this.coalescers.clear();
  }
}
