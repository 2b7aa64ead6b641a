// Time and timers for the Vonage source: the core's Clock, injected so tests can use short real delays or fakes.
import { systemClock, type Clock, type TimerHandle as ClockTimerHandle } from '../../connection/clock.js';
import { withTimeout as bounded } from '../../connection/timeout.js';

export type Timers = Clock;
export type TimerHandle = ClockTimerHandle;
export const realTimers: Timers = systemClock;

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not complete within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Rejects after `ms`; the SDK has no timeouts of its own (createSession, getConversation, updateToken). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, timers: Timers = realTimers): Promise<T> {
  const readable = promise.catch((err: unknown) => {
    throw err instanceof Error ? err : new Error(describeSdkError(err));
  });
  return bounded(readable, ms, () => new TimeoutError(what, ms), timers);
}

/** SDK rejections are often plain objects or NexmoApiError with `type`/`message`; make them readable. */
export function describeSdkError(err: unknown): string {
  if (err instanceof Error) return err.message || (err as { type?: string }).type || err.name;
  if (err !== null && typeof err === 'object') {
    const e = err as { type?: unknown; description?: unknown; message?: unknown };
    return [e.type, e.description ?? e.message].filter((v) => typeof v === 'string' && v !== '').join(': ') || 'unknown SDK error';
  }
  return String(err);
}
