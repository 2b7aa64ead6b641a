import { systemClock, type Clock } from './clock.js';

/**
 * Bounds a promise in time: rejects with `timeoutError()` after `ms` (the promise itself cannot be cancelled).
 * Non-Error rejections are wrapped so callers always get an Error.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, timeoutError: () => Error, clock: Clock = systemClock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = clock.setTimeout(() => reject(timeoutError()), ms);
    promise.then(
      (value) => {
        clock.clearTimeout(handle);
        resolve(value);
      },
      (err: unknown) => {
        clock.clearTimeout(handle);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
