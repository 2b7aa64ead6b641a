import type { Logger } from '../../log/logger.js';

/**
 * Logs why a message could not be used, with where it came from, never its content. Sparse under a flood:
 * the 1st, 10th, 100th… of each reason, each with the running count.
 */
export class UnusableLog {
  private readonly counts = new Map<string, number>();

  constructor(private readonly logger: Logger, private readonly source: string) {}

  note(reason: string, where: Record<string, unknown>): void {
    const key = reason.slice(0, 200);
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (this.counts.size > 1000) this.counts.clear();
    if (Number.isInteger(Math.log10(n))) this.logger.warn({ ...where, reason: key, count: n }, `${this.source}: ignored an unusable message`);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }
}
