// Orchestration: JWT → session → catch-up, and every way back from a failure. One job per collaborator:
// jwtClient (token), sdkSession (SDK), eventProcessor (order, dedupe, cursor), eventHistory (catch-up).
import type { Source, SourceSink, SourceState } from '../source.js';
import type { VonageSettings } from '../../settings/schema.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import type { CursorStore } from '../../storage/cursorStore.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { Backoff } from '../../connection/backoff.js';
import { JwtAuthError } from './jwtClient.js';
import { MissingConfigError, obtainClientToken, type ClientToken } from './clientToken.js';
import { SdkSession, sessionOptions, type SessionHandlers } from './sdkSession.js';
import { EventProcessor } from './eventProcessor.js';
import { fetchEventsAfter, HistoryError } from './eventHistory.js';
import { toConversationEvent } from './eventMapper.js';
import { onReceiptFailure } from './sdkRuntime.js';
import { realTimers, type Timers } from './timers.js';
import { TimerSlots } from './timerSlots.js';
import { refreshDelay, resolveTiming, type VonageTiming, type VonageTimingInput } from './vonageTiming.js';

/** The SDK's own default REST base (nexmo-client 9.5.1), used for catch-up when `sdk.apiUrl` is not set. */
const DEFAULT_API_URL = 'https://api-us.vonage.com';

export interface VonageSourceDeps {
  settings: VonageSettings;
  getSecret: SecretGetter;
  sink: SourceSink;
  cursors: CursorStore;
  logger: Logger;
  timers?: Timers;
  timing?: VonageTimingInput;
  random?: () => number;
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
  private processor?: EventProcessor;
  private token?: string;
  private aclWarning?: string;
  private refreshing = false;
  private readonly slots: TimerSlots<'retry' | 'refresh' | 'catchUp'>;

  constructor(private readonly deps: VonageSourceDeps) {
    this.timing = resolveTiming(deps.timing);
    this.timers = deps.timers ?? realTimers;
    this.slots = new TimerSlots(this.timers);
    this.log = deps.logger.child({ source: 'vonage' });
    this.backoff = new Backoff({ baseMs: this.timing.reconnectBaseMs, maxMs: this.timing.reconnectMaxMs, random: deps.random });
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
    await this.processor?.stop();
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
      const reply = await this.fetchJwt();
      if (gen !== this.generation) return;
      this.adoptToken(reply);
      await this.processor?.baseline();
      if (gen !== this.generation) return;
      const session = await SdkSession.open(sessionOptions(this.deps.settings, this.timing, reply, this.timers), this.handlers(gen));
      if (gen !== this.generation) return session.close();
      this.session = session;
      this.backoff.reset();
      this.status('connected', this.connectedDetail());
      this.catchUp('connect');
    } catch (err) {
      if (gen === this.generation) this.failed(err, () => void this.connectCycle('retry'));
    }
  }

  private handlers(gen: number): SessionHandlers {
    const current = (): boolean => gen === this.generation && !this.stopped;
    return {
      onEvent: (name, raw) => {
        if (!current() || raw === null || typeof raw !== 'object') return;
        const r = raw as Record<string, unknown>;
        const event = toConversationEvent({ id: r.id, type: name, body: r.body, timestamp: r.timestamp, from: r.from });
        if (event === undefined) return this.log.warn({ type: name.slice(0, 64) }, 'vonage: ignored an event without a usable id');
        void this.processor?.live(event);
      },
      onReconnected: () => {
        if (!current()) return;
        this.backoff.reset();
        this.status('connected', this.connectedDetail());
        this.catchUp('reconnect');
      },
      onDisconnect: (reason) => {
        if (!current()) return;
        this.status('reconnecting', `disconnected (${reason})`);
        // A server-side disconnect without an expired-token notice is a kick: socket.io will not retry it.
        if (reason === 'TokenExpired' && !this.refreshing) this.schedule('retry', this.backoff.next(), () => this.session?.connect());
      },
      onReconnectFailed: () => current() && this.schedule('retry', this.backoff.next(), () => void this.connectCycle('reconnect failed')),
      onTokenRejected: (type) => current() && void this.refreshToken(type),
      onDropped: (reason) => this.log.warn({ reason: reason.slice(0, 200) }, 'vonage: dropped a malformed packet from the server'),
    };
  }

  private fetchJwt(): Promise<ClientToken> {
    return obtainClientToken(this.deps.settings, this.deps.getSecret, this.timing.jwtTimeoutMs);
  }

  private adoptToken(reply: ClientToken): void {
    this.token = reply.token;
    this.aclWarning = reply.aclWarning;
    if (this.aclWarning) this.log.warn({ conversationId: reply.conversationId }, `vonage: ${this.aclWarning}`);
    if (this.processor?.key !== `vonage:${reply.conversationId}`) {
      void this.processor?.stop();
      this.processor = new EventProcessor({
        conversationId: reply.conversationId,
        eventTypes: new Set(this.deps.settings.eventTypes),
        sink: this.deps.sink,
        cursors: this.deps.cursors,
        logger: this.log,
        now: () => this.timers.now(),
        fetchAfter: (afterId) =>
          fetchEventsAfter({ apiUrl: this.deps.settings.sdk.apiUrl ?? DEFAULT_API_URL, conversationId: reply.conversationId, token: this.token ?? '', afterId, maxEvents: this.timing.catchUpLimit, timeoutMs: this.timing.restTimeoutMs }),
      });
    }
    if (reply.expiresAt !== undefined) {
      this.schedule('refresh', refreshDelay(reply.expiresAt, this.timers.now(), this.timing), () => void this.refreshToken('scheduled'));
    }
  }

  /** New JWT, then `updateToken`; after an expiry (socket closed by the server) also `connect()`. */
  private async refreshToken(reason: string): Promise<void> {
    if (this.refreshing) return;
    const gen = this.generation;
    this.refreshing = true;
    try {
      const previousConversation = this.processor?.key;
      const reply = await this.fetchJwt();
      if (gen !== this.generation) return;
      this.adoptToken(reply);
      if (this.processor?.key !== previousConversation || !this.session) return void this.connectCycle('conversation changed');
      await this.session.updateToken(reply.token);
      this.session.connect();
      this.log.info({ reason }, 'vonage: token refreshed');
    } catch (err) {
      if (gen === this.generation) this.failed(err, () => void this.connectCycle('token refresh failed'));
    } finally {
      this.refreshing = false;
    }
  }

  private catchUp(reason: string): void {
    const processor = this.processor;
    if (!processor) return;
    this.slots.clear('catchUp');
    processor.catchUp(reason).catch((err: unknown) => {
      if (this.stopped || processor !== this.processor) return;
      this.log.warn({ reason, err: safeErrorMessage(err) }, 'vonage: catch-up failed; will retry');
      if (err instanceof HistoryError && err.status === 401) void this.refreshToken('history 401');
      this.schedule('catchUp', this.backoff.next(), () => this.catchUp(`${reason} retry`));
    });
  }

  private failed(err: unknown, retry: () => void): void {
    if (this.stopped) return;
    this.session?.close();
    this.session = undefined;
    if (err instanceof JwtAuthError) {
      const detail = err.status === 0 ? 'no staff token: set vonage.backendToken in the keychain or SERVICEBELL_VONAGE_BACKEND_TOKEN' : err.message;
      this.status('auth_failed', detail);
      return this.schedule('retry', this.timing.authRetryMs, retry);
    }
    if (err instanceof MissingConfigError) return this.status('offline', err.message);
    const delay = this.backoff.next();
    this.status('offline', `${safeErrorMessage(err)}; retrying in ${Math.round(delay / 100) / 10} s`);
    this.schedule('retry', delay, retry);
  }

  private connectedDetail(): string {
    const base = `signed in as ${this.deps.settings.username ?? '?'}`;
    return this.aclWarning ? `${base}; warning: ${this.aclWarning}` : base;
  }

  private schedule(slot: 'retry' | 'refresh' | 'catchUp', ms: number, fn: () => void): void {
    if (!this.stopped) this.slots.schedule(slot, ms, fn);
  }

  private status(state: SourceState, detail: string): void {
    this.deps.sink.status({ state, detail });
  }
}
