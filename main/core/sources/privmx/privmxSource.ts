import type { HttpFetch } from '../../connection/httpRequest.js';
import { Backoff } from '../../connection/backoff.js';
import { systemClock, type Clock, type TimerHandle } from '../../connection/clock.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import type { PrivmxSettings } from '../../settings/schema.js';
import type { Source, SourceSink, SourceState } from '../source.js';
import { EventPipeline } from './eventPipeline.js';
import { PrivmxAuth, PrivmxAuthProblem, sessionScope } from './privmxAuth.js';
import { PrivmxSession } from './privmxSession.js';
import { catchUpThreadIds, channelsFor } from './rules.js';
import type { CursorPort } from './threadCursors.js';
import { DEFAULT_PRIVMX_TIMING, type PrivmxTiming } from './privmxTiming.js';

export { DEFAULT_PRIVMX_TIMING, type PrivmxTiming } from './privmxTiming.js';

export interface PrivmxSourceDeps {
  settings: PrivmxSettings;
  getSecret: SecretGetter;
  sink: SourceSink;
  cursors: CursorPort;
  logger: Logger;
  hostName: string;
  clock?: Clock;
  timing?: Partial<PrivmxTiming>;
  fetchImpl?: HttpFetch;
  /** Queued frames at which the socket stops being read, and resumes (defaults: QUEUE_HIGH / QUEUE_LOW). */
  backPressure?: { high: number; low: number };
}

/**
 * PrivMX Bridge management socket → rules → alerts. This is the lifecycle: when to connect, catch up, retry and stop;
 * what is said on the socket is PrivmxSession's, what happens to the frames is EventPipeline's.
 */
export class PrivmxSource implements Source {
  readonly name = 'privmx' as const;
  private readonly timing: PrivmxTiming;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly channels: string[];
  private readonly events: EventPipeline;
  private readonly session: PrivmxSession;
  private running = false;
  private everConnected = false;
  private gen = 0;
  private retryTimer: TimerHandle | undefined;

  constructor(private readonly deps: PrivmxSourceDeps) {
    const { settings, logger } = deps;
    this.timing = { ...DEFAULT_PRIVMX_TIMING, ...deps.timing };
    this.clock = deps.clock ?? systemClock;
    this.backoff = new Backoff(this.timing.backoff);
    this.channels = channelsFor(settings.channels, settings.rules);
    const threads = catchUpThreadIds(settings.rules);
    const scopes = [sessionScope(deps.hostName), ...new Set([...this.channels, ...(threads.length ? ['thread'] : [])]), `solution:${settings.solution}`];
    const fetchImpl = deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {};
    const auth = new PrivmxAuth({
      apiUrl: this.apiUrl, apiKeyId: settings.apiKeyId, getSecret: () => deps.getSecret('privmx.apiKeySecret'), scopes, logger,
      now: () => this.clock.now(), timeoutMs: this.timing.requestTimeoutMs, ...fetchImpl,
    });
    this.events = new EventPipeline({
      rules: settings.rules, threads, sink: deps.sink, cursors: deps.cursors, logger, clock: this.clock, timing: this.timing,
      auth, apiUrl: this.apiUrl, ...fetchImpl,
      onPressure: (paused) => this.session.setPaused(paused),
      queueHigh: deps.backPressure?.high, queueLow: deps.backPressure?.low,
    });
    this.session = new PrivmxSession({
      url: this.apiUrl.replace(/^http/, 'ws'), auth, channels: this.channels, logger, clock: this.clock, timing: this.timing,
      generation: () => this.gen,
      onNotification: (frame) => this.events.live(frame),
      onLost: (reason) => this.onConnectionLost(reason),
      onAuthProblem: (detail) => this.status('auth_failed', detail),
    });
  }

  private get apiUrl(): string {
    return `${(this.deps.settings.bridgeUrl ?? '').replace(/\/+$/, '')}/api`;
  }

  async start(): Promise<void> {
    if (!this.deps.settings.enabled) return this.status('disabled');
    if (!this.deps.settings.bridgeUrl) return this.status('offline', 'privmx.bridgeUrl is not set');
    this.running = true;
    void this.connect();
  }

  reconnectNow(reason: string): void {
    if (!this.running) return;
    this.deps.logger.info({ reason }, 'privmx: reconnecting now');
    this.backoff.reset();
    this.session.drop(reason);
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.gen += 1;
    this.clearTimers();
    await this.session.close();
    await this.events.settle();
    // A stop is for shutdown or a settings change: the source is still wanted, just not running now.
    if (this.deps.settings.enabled) this.status('offline', 'stopped');
    else this.status('disabled');
  }

  private async connect(): Promise<void> {
    const gen = ++this.gen;
    this.clearTimers();
    this.status(this.everConnected ? 'reconnecting' : 'connecting');
    const release = this.events.reserveCatchUp(); // before the socket opens: no live event may overtake catch-up
    let subscribed = false;
    try {
      if (!(await this.session.open(gen))) return;
      subscribed = true;
      this.everConnected = true;
      this.backoff.reset();
      this.status('connected', `subscribed to ${this.channels.join(', ')}`);
      this.session.scheduleRefresh(gen);
    } catch (err) {
      if (gen !== this.gen || !this.running) return;
      this.session.drop('setup failed');
      this.scheduleRetry(err);
    } finally {
      release(subscribed);
    }
  }

  private onConnectionLost(reason: string): void {
    if (!this.running) return;
    this.deps.logger.info({ reason }, 'privmx: connection lost');
    this.scheduleRetry(new Error(`connection lost: ${reason}`));
  }

  private scheduleRetry(err: unknown): void {
    this.clearTimers();
    const authProblem = err instanceof PrivmxAuthProblem;
    const delay = authProblem ? this.timing.authRetryMs : this.backoff.next();
    const state: SourceState = authProblem ? 'auth_failed' : this.everConnected ? 'reconnecting' : 'connecting';
    this.status(state, `${safeErrorMessage(err)}; retrying in ${Math.round(delay / 1000)} s`);
    this.retryTimer = this.clock.setTimeout(() => void (this.running && this.connect()), delay);
  }

  private clearTimers(): void {
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.session.stopRefresh();
  }

  private status(state: SourceState, detail?: string): void {
    this.deps.sink.status({ state, ...(detail ? { detail } : {}) });
  }
}
