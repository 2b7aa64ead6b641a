// Orchestration: JWT → session → catch-up, and every way back from a failure. One job per collaborator:
// tokenRefresh (JWT), sdkSession (SDK), conversationFeed (processor for the token's conversation),
// failureOutcome (what a failure shows, when to retry), timerSlots (retry, refresh and catch-up timers).
import type { Source, SourceSink, SourceState } from '../source.js';
import type { VonageSettings } from '../../settings/schema.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import type { Cursors } from '../../storage/cursorStore.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { Backoff } from '../../connection/backoff.js';
import { SdkSession, sessionOptions, type SessionHandlers } from './sdkSession.js';
import { ConversationFeed } from './conversationFeed.js';
import { HistoryError } from './eventHistory.js';
import { failureOutcome } from './failureOutcome.js';
import { TokenRefresh } from './tokenRefresh.js';
import { onReceiptFailure } from './sdkRuntime.js';
import { realTimers, type Timers } from './timers.js';
import { TimerSlots } from './timerSlots.js';
import { resolveTiming, type VonageTiming, type VonageTimingInput } from './vonageTiming.js';

export interface VonageSourceDeps {
  settings: VonageSettings;
  getSecret: SecretGetter;
  sink: SourceSink;
  cursors: Cursors;
  logger: Logger;
  timers?: Timers;
  timing?: VonageTimingInput;
  random?: () => number;
  /** Queued live events at which the SDK's socket stops being read, and resumes (defaults 1,000 / 100). */
  backPressure?: { high: number; low: number };
}

export class VonageSource implements Source {
  readonly name = 'vonage' as const;
  private readonly timing: VonageTiming;
  private readonly timers: Timers;
  private readonly backoff: Backoff;
  private readonly log: Logger;
  private generation = 0;
  private stopped = false;
  private session?: SdkSession;
  private readonly feed: ConversationFeed;
  private readonly token: TokenRefresh;
  private readonly slots: TimerSlots<'retry' | 'refresh' | 'catchUp' | 'watchdog'>;
  /** The watchdog's last look: REST was ahead of the cursor, which stood here. */
  private suspect?: { cursor: number; serverId: number };

  constructor(private readonly deps: VonageSourceDeps) {
    this.timing = resolveTiming(deps.timing);
    this.timers = deps.timers ?? realTimers;
    this.slots = new TimerSlots(this.timers);
    this.log = deps.logger.child({ source: 'vonage' });
    this.backoff = new Backoff({ baseMs: this.timing.reconnectBaseMs, maxMs: this.timing.reconnectMaxMs, random: deps.random });
    this.feed = new ConversationFeed({
      settings: deps.settings, sink: deps.sink, cursors: deps.cursors, log: this.log, timers: this.timers, timing: this.timing,
      onPressure: (paused) => {
        const applied = this.session?.setPaused(paused) ?? false;
        this.log.debug({ paused, applied }, 'vonage: back-pressure on the SDK socket');
      },
      ...(deps.backPressure ? { backPressure: deps.backPressure } : {}),
    });
    this.token = new TokenRefresh({
      settings: deps.settings, getSecret: deps.getSecret, timing: this.timing, timers: this.timers, log: this.log, feed: this.feed,
      schedule: (ms, fn) => this.schedule('refresh', ms, fn),
      host: {
        generation: () => this.generation,
        session: () => this.session,
        reconnect: (reason) => void this.connectCycle(reason),
        failed: (err, retry) => this.failed(err, retry),
      },
    });
    onReceiptFailure((err) => this.log.debug({ err: safeErrorMessage(err) }, 'vonage: the SDK could not send a delivery receipt (read-only token); ignored'));
  }

  async start(): Promise<void> {
    if (!this.deps.settings.enabled) return this.status('disabled', 'vonage.enabled is false');
    this.stopped = false;
    this.slots.open();
    void this.connectCycle('start');
  }

  reconnectNow(reason: string): void {
    if (this.stopped || !this.deps.settings.enabled) return;
    this.backoff.reset();
    void this.connectCycle(reason);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation += 1;
    this.slots.close();
    this.session?.close();
    this.session = undefined;
    await this.feed.processor?.stop();
    this.status('offline', 'stopped');
  }

  private async connectCycle(reason: string): Promise<void> {
    const gen = ++this.generation;
    this.slots.clear('retry');
    this.slots.clear('refresh');
    this.session?.close();
    this.session = undefined;
    this.status(reason === 'start' ? 'connecting' : 'reconnecting', reason);
    try {
      const reply = await this.token.fetch();
      if (gen !== this.generation) return;
      this.token.adopt(reply);
      await this.feed.processor?.baseline();
      if (gen !== this.generation) return;
      const session = await SdkSession.open(sessionOptions(this.deps.settings, this.timing, reply, this.timers), this.handlers(gen));
      if (gen !== this.generation) return session.close();
      this.session = session;
      this.backoff.reset();
      this.status('connected', this.feed.connectedDetail());
      this.catchUp('connect');
      this.watch(gen);
    } catch (err) {
      if (gen === this.generation) this.failed(err, () => void this.connectCycle('retry'));
    }
  }

  private handlers(gen: number): SessionHandlers {
    const current = (): boolean => gen === this.generation && !this.stopped;
    return {
      onEvent: (name, raw) => current() && this.feed.live(name, raw),
      onReconnected: () => {
        if (!current()) return;
        this.backoff.reset();
        this.status('connected', this.feed.connectedDetail());
        this.catchUp('reconnect');
      },
      onDisconnect: (reason) => {
        if (!current()) return;
        this.status('reconnecting', `disconnected (${reason})`);
        // A server-side disconnect without an expired-token notice is a kick: socket.io will not retry it.
        if (reason === 'TokenExpired' && !this.token.inProgress) this.schedule('retry', this.backoff.next(), () => this.session?.connect());
      },
      onReconnectFailed: () => current() && this.schedule('retry', this.backoff.next(), () => void this.connectCycle('reconnect failed')),
      onTokenRejected: (type) => current() && void this.token.refresh(type),
      onDropped: (reason) => this.log.warn({ reason: reason.slice(0, 200) }, 'vonage: dropped a malformed packet from the server'),
      lastKnownId: (cid) => (this.feed.processor?.conversationId === cid ? this.feed.processor.lastKnownId : undefined),
      onImplausibleId: (reason) => this.log.warn({ reason: reason.slice(0, 200) }, 'vonage: dropped a live event with an implausible event id'),
    };
  }

  /** Live-events watchdog (see `liveWatchdogMs`); runs while this connection generation lasts. */
  private watch(gen: number): void {
    this.suspect = undefined;
    const tick = async (): Promise<void> => {
      const processor = this.feed.processor;
      if (gen !== this.generation || this.stopped || !processor) return;
      let serverId: number | undefined;
      try {
        serverId = await processor.serverLatestId();
      } catch (err) {
        this.log.debug({ err: safeErrorMessage(err) }, 'vonage: watchdog could not read the event history');
      }
      if (gen !== this.generation || this.stopped) return;
      const cursor = processor.lastSeenId;
      if (serverId === undefined || cursor === undefined || serverId <= cursor) {
        this.suspect = undefined;
      } else if (this.suspect && this.suspect.cursor === cursor && this.suspect.serverId > cursor) {
        const detail = `live events stopped while the server history moved on (last handled id ${cursor}, server has ${serverId}): caught up from history, starting a new session`;
        this.log.warn({ cursor, serverId }, `vonage: ${detail}`);
        this.suspect = undefined;
        this.catchUp('watchdog');
        void this.connectCycle(detail);
        return;
      } else {
        this.suspect = { cursor, serverId };
      }
      this.schedule('watchdog', this.timing.liveWatchdogMs, () => void tick());
    };
    this.schedule('watchdog', this.timing.liveWatchdogMs, () => void tick());
  }

  private catchUp(reason: string): void {
    const processor = this.feed.processor;
    if (!processor) return;
    this.slots.clear('catchUp');
    processor.catchUp(reason).catch((err: unknown) => {
      if (this.stopped || processor !== this.feed.processor) return;
      this.log.warn({ reason, err: safeErrorMessage(err) }, 'vonage: catch-up failed; will retry');
      if (err instanceof HistoryError && err.status === 401) void this.token.refresh('history 401');
      this.schedule('catchUp', this.backoff.next(), () => this.catchUp(`${reason} retry`));
    });
  }

  private failed(err: unknown, retry: () => void): void {
    if (this.stopped) return;
    this.session?.close();
    this.session = undefined;
    const outcome = failureOutcome(err, this.backoff, this.timing.authRetryMs);
    this.status(outcome.state, outcome.detail);
    if (outcome.retryInMs !== undefined) this.schedule('retry', outcome.retryInMs, retry);
  }

  private schedule(slot: 'retry' | 'refresh' | 'catchUp' | 'watchdog', ms: number, fn: () => void): void {
    if (!this.stopped) this.slots.schedule(slot, ms, fn);
  }

  private status(state: SourceState, detail: string): void {
    this.deps.sink.status({ state, detail });
  }
}
