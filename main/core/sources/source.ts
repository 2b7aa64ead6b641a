import type { AlertInput } from '../alerts/alert.js';
import type { Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import type { SecretGetter, SecretName } from '../secrets/secretNames.js';
import type { RestaurantSettings } from '../settings/schema.js';
import type { Cursors } from '../storage/cursorStore.js';

export type SourceName = 'vonage' | 'privmx' | 'mqtt' | 'ntfy';

export const SOURCE_STATES = [
  'connecting',
  'connected',
  'reconnecting',
  'auth_failed',
  'offline',
  'disabled',
] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

export interface SourceStatus {
  source: SourceName;
  /** The id of the restaurant this connection belongs to. */
  restaurant: string;
  state: SourceState;
  /** Human-readable, already redacted: never a secret. */
  detail?: string;
  at: number;
}

/**
 * How many alerts a source that hands them over without waiting (PrivMX, Vonage) lets wait for history at once: enough
 * for the journal to batch them, few enough that a flood holds little in memory (PrivMX with 2,000 peaked ≈ 12 MiB
 * higher in the flood bench, and drained no faster).
 */
export const MAX_ALERTS_IN_FLIGHT = 500;

/** What a source is given by the composition root. */
export interface SourceSink {
  /** Hand one alert to the pipeline. Resolves once it is in history (safe to advance cursors). */
  alert(input: AlertInput): Promise<void>;
  /**
   * Caught-up events too old or too many to show one by one: all go into history (resolves once they are there), each
   * gets an alert line, and one summary with their count opens History. A sink without it gets them via `alert`.
   */
  backlog?(inputs: readonly AlertInput[]): Promise<void>;
  status(status: Omit<SourceStatus, 'source' | 'restaurant' | 'at'>): void;
}

/**
 * A live connection that turns remote events into alerts.
 * `start` must not throw for connection problems: it reports them through `sink.status` and retries.
 */
export interface Source {
  readonly name: SourceName;
  start(): Promise<void>;
  /** Reconnect and catch up now (resume after sleep, regained network). */
  reconnectNow(reason: string): void;
  stop(): Promise<void>;
}

/** Everything a source factory may use: one restaurant's settings, cursors and secrets. */
export interface SourceContext {
  restaurant: RestaurantSettings;
  sink: SourceSink;
  cursors: Cursors;
  /** The restaurant's own secrets, by name. */
  getSecret: SecretGetter;
  logger: Logger;
  clock: Clock;
  hostName: string;
}

/** One source kind: the core builds one per restaurant whose section is enabled. */
export interface SourceFactory {
  kind: SourceName;
  /** What this kind reads of a restaurant's settings: a change to it restarts this connection, and only it. */
  section(restaurant: RestaurantSettings): unknown;
  enabled(restaurant: RestaurantSettings): boolean;
  /** The secrets it reads: setting or deleting one of its restaurant's restarts it. */
  secrets: readonly SecretName[];
  create(context: SourceContext): Source;
}
