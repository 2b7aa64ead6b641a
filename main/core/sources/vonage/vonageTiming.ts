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
  /**
   * Most caught-up events shown one by one (the newest); older missed ones go into history too, announced by one
   * summary that opens History. Nothing is skipped.
   */
  catchUpLimit: z.number().int().positive().default(200),
  /** Cursor advances within this window share one `cursors.json` write (also written at stop). */
  cursorFlushMs: z.number().int().positive().default(250),
  /** A caught-up event sent longer ago than this is not shown one by one either (it is in that summary). */
  catchUpShowMaxAgeMs: z.number().int().positive().default(3_600_000),
  /**
   * Live-events watchdog: this often, while connected, compare the REST history's newest id with the cursor. Ahead
   * twice in a row with the cursor not moving means live events stopped (a wedged SDK queue): catch up from REST and
   * start a new session.
   */
  liveWatchdogMs: z.number().int().positive().default(60_000),
  /** Memory bound for one catch-up read (far above any real backlog); beyond it the oldest are not read, with an error in the log. */
  catchUpMaxEvents: z.number().int().positive().default(50_000),
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
