/**
 * Remembers which (source, id) pairs were already seen. Bounded: the oldest keys are forgotten first.
 * Seeded from history on start, so a replay after restart is recognized too.
 */
export class Dedupe {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 20_000) {}

  static key(source: string, id: string): string {
    return `${source}\u0000${id}`;
  }

  has(source: string, id: string): boolean {
    return this.seen.has(Dedupe.key(source, id));
  }

  /** Returns false when the pair was already seen. */
  add(source: string, id: string): boolean {
    const key = Dedupe.key(source, id);
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
