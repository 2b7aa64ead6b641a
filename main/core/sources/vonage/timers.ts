// Time and timers, injected so tests can use short real delays or fakes (structurally the core's Clock).
export type TimerHandle = unknown;

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending retry must never keep a stopping process alive.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not complete within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Rejects after `ms`; the SDK has no timeouts of its own (createSession, getConversation, updateToken). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, timers: Timers = realTimers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (err: unknown) => {
        timers.clearTimeout(handle);
        reject(err instanceof Error ? err : new Error(describeSdkError(err)));
      },
    );
  });
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
