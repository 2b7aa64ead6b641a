import type { BackoffOptions } from '../../connection/backoff.js';

/** Every delay the ntfy source uses; tests shorten them instead of sleeping. */
export interface NtfyTiming {
  /** TCP/TLS + response headers + ntfy's `open` event. */
  connectTimeoutMs: number;
  /** The server's keepalive interval (ntfy's `keepalive-interval`, 45 s by default): no frame for two of them = dead link. */
  keepaliveSeconds: number;
  /** The most handing one message to the pipeline may take before the link is dropped (and the message fetched again). */
  messageTimeoutMs: number;
  backoff: BackoffOptions;
  /** After a 429 without `Retry-After` (ntfy sends none): the server refills one request per 5 s by default. */
  rateLimitBackoff: BackoffOptions;
  /** Retry delay after a refusal only the user can fix (token, password, topic access). */
  authRetryMs: number;
  stopTimeoutMs: number;
  /** A longer line is not an ntfy message (the server's own limit is 4 KB by default): the link is dropped. */
  maxLineBytes: number;
}

export const DEFAULT_NTFY_TIMING: NtfyTiming = {
  connectTimeoutMs: 10_000,
  keepaliveSeconds: 45,
  messageTimeoutMs: 30_000,
  backoff: { baseMs: 1_000, maxMs: 60_000 },
  rateLimitBackoff: { baseMs: 10_000, maxMs: 300_000, minMs: 10_000 },
  authRetryMs: 60_000,
  stopTimeoutMs: 1_000,
  maxLineBytes: 2 * 1024 * 1024,
};
