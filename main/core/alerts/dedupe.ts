import type { AlertKey } from './alert.js';

/**
 * Remembers which (restaurant, source, id) triples were already seen. Bounded: the oldest keys are forgotten first.
 * Seeded from history on start, so a replay after restart is recognized too.
 */
export class Dedupe {
  private readonly seen = new Set<string>();
  /**
   * The keys in the order they were added, as a ring: the oldest is at `next` once it is full. Asking the Set for its
   * first key instead walks over every key deleted before it (V8 keeps them as holes until it rehashes), which made
   * each add past the capacity O(capacity).
   */
  private readonly order: string[] = [];
  private next = 0;

  constructor(private readonly capacity = 20_000) {}

  static key(alert: AlertKey): string {
    return `${alert.restaurant}\u0000${alert.source}\u0000${alert.id}`;
  }

  has(alert: AlertKey): boolean {
    return this.seen.has(Dedupe.key(alert));
  }

  /** Returns false when it was already seen. */
  add(alert: AlertKey): boolean {
    const key = Dedupe.key(alert);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.order.length < this.capacity) {
      this.order.push(key);
      return true;
    }
    const oldest = this.order[this.next];
    if (oldest !== undefined) this.seen.delete(oldest);
    this.order[this.next] = key;
    this.next = (this.next + 1) % this.capacity;
    return true;
  }
}
