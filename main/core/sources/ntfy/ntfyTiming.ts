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
  /**
   * In a full-cache replay, messages up to this many seconds older than the cursor's message still go to the
   * pipeline's dedupe instead of being skipped: messages published in parallel get their times and their cache order
   * independently, so one may be stored after the cursor's message with an earlier time (a 10,000-message flood with
   * 8 parallel publishers lost 2 to a filter without this margin).
   */
  replaySlackSeconds: number;
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
  replaySlackSeconds: 5,
};
