import { z } from 'zod';
import { Backoff } from '../../connection/backoff.js';
import { systemClock, type Clock, type TimerHandle } from '../../connection/clock.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import type { PrivmxSettings } from '../../settings/schema.js';
import type { Source, SourceSink, SourceState } from '../source.js';
import { catchUpThreads } from './catchUp.js';
import { EventHandler } from './eventHandler.js';
import { InboxThreads } from './inboxThreads.js';
import { PrivmxAuth, PrivmxAuthProblem, sessionScope } from './privmxAuth.js';
import { BRIDGE_CODE, GarbageLog, isRpcError } from './privmxRpc.js';
import { PrivmxSocket } from './privmxSocket.js';
import { catchUpInboxes, catchUpThreadIds, channelsFor } from './rules.js';
import { ThreadCursors, type CursorPort } from './threadCursors.js';
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
  fetchImpl?: typeof fetch;
}

const ok = z.literal('OK');

/** PrivMX Bridge management socket → rules → alerts: login, bind, subscribe, catch up, stay alive, reconnect. */
export class PrivmxSource implements Source {
  readonly name = 'privmx' as const;
  private readonly timing: PrivmxTiming;
  private readonly clock: Clock;
  private readonly auth: PrivmxAuth;
  private readonly handler: EventHandler;
  private readonly cursors: ThreadCursors;
  private readonly backoff: Backoff;
  private readonly channels: string[];
  private readonly threads: string[];
  private readonly inboxes: InboxThreads;
  private readonly garbage: GarbageLog;
  private running = false;
  private everConnected = false;
  private gen = 0;
  private socket: PrivmxSocket | undefined;
  private retryTimer: TimerHandle | undefined;
  private refreshTimer: TimerHandle | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PrivmxSourceDeps) {
    const { settings, logger } = deps;
    this.timing = { ...DEFAULT_PRIVMX_TIMING, ...deps.timing };
    this.clock = deps.clock ?? systemClock;
    this.backoff = new Backoff(this.timing.backoff);
    this.garbage = new GarbageLog(logger);
    this.channels = channelsFor(settings.channels, settings.rules);
    this.threads = catchUpThreadIds(settings.rules);
    this.inboxes = new InboxThreads(deps.cursors, catchUpInboxes(settings.rules), logger);
    this.cursors = new ThreadCursors(deps.cursors, this.timing.cursorFlushMs, (err) => logger.warn({ err: safeErrorMessage(err) }, 'privmx: cursor not saved'));
    const scopes = [sessionScope(deps.hostName), ...new Set([...this.channels, ...(this.threads.length ? ['thread'] : [])]), `solution:${settings.solution}`];
    this.auth = new PrivmxAuth({
      apiUrl: this.apiUrl, apiKeyId: settings.apiKeyId, getSecret: () => deps.getSecret('privmx.apiKeySecret'), scopes, logger,
      now: () => this.clock.now(), timeoutMs: this.timing.requestTimeoutMs, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    });
    const ruleThreads = new Set(this.threads);
    this.handler = new EventHandler({
      rules: settings.rules, sink: deps.sink, cursors: this.cursors, logger,
      trackedThreads: { has: (threadId) => ruleThreads.has(threadId) || this.inboxes.tracks(threadId) },
      onInboxEntry: (inboxId, threadId) => this.inboxes.learn(inboxId, threadId),
      now: () => this.clock.now(), onUnusable: (kind) => this.garbage.note(kind, 0),
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
    this.dropSocket(reason);
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.gen += 1;
    this.clearTimers();
    const socket = this.socket;
    this.socket = undefined;
    if (socket?.isOpen) {
      // Best effort: a clean unsubscribe, but never let a stuck Bridge hold up shutdown.
      await withTimeout(socket.request('manager/unsubscribeFromChannel', { channels: this.channels }, ok), this.timing.stopTimeoutMs).catch(() => {});
      socket.close();
    }
    await withTimeout(this.queue.then(() => this.handler.drain()), this.timing.stopTimeoutMs).catch(() => {});
    await this.cursors.flush();
    await this.inboxes.flush();
    // A stop is for shutdown or a settings change: the source is still wanted, just not running now.
    if (this.deps.settings.enabled) this.status('offline', 'stopped');
    else this.status('disabled');
  }

  private async connect(): Promise<void> {
    const gen = ++this.gen;
    this.clearTimers();
    this.status(this.everConnected ? 'reconnecting' : 'connecting');
    // Reserve the queue's next slot for catch-up, so no live event can move a cursor past messages not yet caught up.
    let release: (run: boolean) => void = () => {};
    const gate = new Promise<boolean>((resolve) => (release = resolve));
    this.enqueue(async () => {
      if (!(await gate)) return;
      await this.handler.drain(); // cursors reflect everything already delivered
      // Inbox threads as known when catch-up runs: learned from live entries, here or in an earlier run.
      await catchUpThreads(this.catchUpDeps(), [...new Set([...this.threads, ...this.inboxes.threadIds()])]);
    });
    let subscribed = false;
    try {
      await this.auth.validToken();
      const socket = await PrivmxSocket.open({
        url: this.apiUrl.replace(/^http/, 'ws'), logger: this.deps.logger,
        connectTimeoutMs: this.timing.connectTimeoutMs, requestTimeoutMs: this.timing.requestTimeoutMs, deadAfterMs: this.timing.deadAfterMs,
        onNotification: (frame) => this.enqueue(() => this.handler.handle(frame, 'live')),
        onClose: (reason) => this.onSocketClosed(socket, reason),
      });
      if (gen !== this.gen) return socket.close();
      this.socket = socket;
      await this.bind(socket);
      await this.subscribe(socket);
      if (gen !== this.gen) return;
      subscribed = true;
      this.everConnected = true;
      this.backoff.reset();
      this.status('connected', `subscribed to ${this.channels.join(', ')}`);
      this.scheduleRefresh(gen);
    } catch (err) {
      if (gen !== this.gen || !this.running) return;
      this.dropSocket('setup failed');
      this.scheduleRetry(err);
    } finally {
      release(subscribed);
    }
  }

  private async bind(socket: PrivmxSocket): Promise<void> {
    const token = await this.auth.validToken();
    try {
      await socket.request('manager/bindAccessToken', { accessToken: token.accessToken }, ok);
    } catch (err) {
      if (!isRpcError(err, BRIDGE_CODE.INVALID_TOKEN)) throw err;
      this.auth.invalidateAccess();
      const fresh = await this.auth.renew();
      await socket.request('manager/bindAccessToken', { accessToken: fresh.accessToken }, ok);
    }
  }

  private async subscribe(socket: PrivmxSocket, retried = false): Promise<void> {
    try {
      await socket.request('manager/subscribeToChannel', { channels: this.channels }, ok);
    } catch (err) {
      if (isRpcError(err, BRIDGE_CODE.INSUFFICIENT_SCOPE)) throw new PrivmxAuthProblem(`the token may not subscribe to channel ${String(err.data)}`);
      if (retried || !isRpcError(err, BRIDGE_CODE.UNAUTHORIZED)) throw err;
      this.auth.invalidateAccess();
      await this.bind(socket);
      await this.subscribe(socket, true);
    }
  }

  /** Refresh before the access token expires and re-bind on the same socket (subscriptions stay). */
  private scheduleRefresh(gen: number): void {
    this.clock.clearTimeout(this.refreshTimer as TimerHandle);
    this.refreshTimer = this.clock.setTimeout(() => {
      const socket = this.socket;
      if (gen !== this.gen || !socket) return;
      void this.auth.renew().then(() => this.bind(socket)).then(
        () => this.scheduleRefresh(gen),
        (err: unknown) => {
          if (gen !== this.gen) return;
          this.deps.logger.warn({ err: safeErrorMessage(err) }, 'privmx: token refresh failed; events still flow, retrying');
          if (err instanceof PrivmxAuthProblem) this.status('auth_failed', err.message);
          this.refreshTimer = this.clock.setTimeout(() => this.scheduleRefresh(gen), this.timing.refreshRetryMs);
        },
      );
    }, this.auth.renewDelayMs());
  }

  private onSocketClosed(socket: PrivmxSocket, reason: string): void {
    if (!this.running || this.socket !== socket) return;
    this.socket = undefined;
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

  private dropSocket(reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.terminate(reason);
  }

  private clearTimers(): void {
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    if (this.refreshTimer) this.clock.clearTimeout(this.refreshTimer);
    this.retryTimer = this.refreshTimer = undefined;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err: unknown) => this.deps.logger.error({ err: safeErrorMessage(err) }, 'privmx: event handling failed'));
  }

  private catchUpDeps() {
    return {
      apiUrl: this.apiUrl, auth: this.auth, cursors: this.cursors, logger: this.deps.logger, timeoutMs: this.timing.requestTimeoutMs,
      handle: (frame: Parameters<EventHandler['handle']>[0]) => this.handler.handle(frame, 'catchup'),
      unblock: (threadId: string) => this.handler.unblock(threadId),
      onMissing: (threadId: string) => !this.threads.includes(threadId) && this.inboxes.forgetThread(threadId),
      ...(this.deps.fetchImpl ? { fetchImpl: this.deps.fetchImpl } : {}),
    };
  }

  private status(state: SourceState, detail?: string): void {
    this.deps.sink.status({ state, ...(detail ? { detail } : {}) });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
