/**
 * Bounded exponential backoff with full jitter (the AWS architecture-blog variant):
 * delay = random(0, min(max, base * 2^attempt)), never below `min`.
 * Stateless and injectable (`random`) so schedules are testable without sleeping.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  minMs?: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const min = Math.min(options.minMs ?? options.baseMs / 2, ceiling);
  return Math.round(min + random() * (ceiling - min));
}

/** Tracks the attempt count for one connection; `reset` after a connection proves healthy. */
export class Backoff {
  private attempt = 0;
  constructor(private readonly options: BackoffOptions) {}

  next(): number {
    const delay = backoffDelay(this.attempt, this.options);
    this.attempt += 1;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
