import type { BackoffOptions } from '../../connection/backoff.js';

/** Every delay the PrivMX source uses; tests shorten them instead of sleeping. */
export interface PrivmxTiming {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Silence (no ping, no frame) that means a dead connection; the Bridge pings every 10 s. */
  deadAfterMs: number;
  backoff: BackoffOptions;
  /** Retry delay after a problem only the user can fix (key, secret, scopes). */
  authRetryMs: number;
  refreshRetryMs: number;
  cursorFlushMs: number;
  stopTimeoutMs: number;
}

export const DEFAULT_PRIVMX_TIMING: PrivmxTiming = {
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  deadAfterMs: 25_000,
  backoff: { baseMs: 1_000, maxMs: 60_000 },
  authRetryMs: 60_000,
  refreshRetryMs: 5_000,
  cursorFlushMs: 250,
  stopTimeoutMs: 1_000,
};
