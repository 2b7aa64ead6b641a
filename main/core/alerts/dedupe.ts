import type { AlertKey } from './alert.js';

/**
 * Remembers which (restaurant, source, id) triples were already seen. Bounded: the oldest keys are forgotten first.
 * Seeded from history on start, so a replay after restart is recognized too.
 */
export class Dedupe {
  private readonly seen = new Set<string>();

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
    if (this.seen.size > this.capacity) {
      // Sets iterate in insertion order: the first key is the oldest.
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
