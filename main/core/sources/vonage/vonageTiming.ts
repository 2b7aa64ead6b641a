// Timeouts and retry pacing. Defaults suit production; tests and benchmarks inject shorter ones.
import { z } from 'zod';

export const vonageTimingSchema = z.strictObject({
  jwtTimeoutMs: z.number().int().positive().default(10_000),
  /** createSession never settles on a silent server: give up after this. */
  loginTimeoutMs: z.number().int().positive().default(15_000),
  restTimeoutMs: z.number().int().positive().default(10_000),
  /** Fetch a new JWT this long before `exp` (or at 3/4 of a shorter lifetime). */
  refreshBeforeExpiryMs: z.number().int().nonnegative().default(60_000),
  reconnectBaseMs: z.number().int().positive().default(1_000),
  reconnectMaxMs: z.number().int().positive().default(60_000),
  /** After a 401/403 from /jwt: the staff token will not fix itself quickly. */
  authRetryMs: z.number().int().positive().default(300_000),
  /** socket.io-client's own reconnect loop, before the SDK gives up with reconnect_failed. */
  socketReconnectAttempts: z.number().int().positive().default(5),
  socketReconnectDelayMs: z.number().int().positive().default(2_000),
  socketReconnectDelayMaxMs: z.number().int().positive().default(15_000),
  /** Most events shown by one catch-up; older missed ones are skipped with a warning. */
  catchUpLimit: z.number().int().positive().default(1_000),
  /** Cursor advances within this window share one `cursors.json` write (also written at stop). */
  cursorFlushMs: z.number().int().positive().default(250),
});

export type VonageTiming = z.output<typeof vonageTimingSchema>;
export type VonageTimingInput = z.input<typeof vonageTimingSchema>;

export function resolveTiming(input: VonageTimingInput = {}): VonageTiming {
  return vonageTimingSchema.parse(input);
}

/** When to refresh a token that expires at `expMs`. */
export function refreshDelay(expMs: number, nowMs: number, timing: VonageTiming): number {
  const lifetime = expMs - nowMs;
  const delay = lifetime > 2 * timing.refreshBeforeExpiryMs ? lifetime - timing.refreshBeforeExpiryMs : lifetime * 0.75;
  return Math.max(250, Math.round(delay));
}
