// One topic's subscription over time: connect with `since` from its cursor, hand each message on, advance the cursor
// once the alert is in history, reconnect with jittered backoff (slowly after a refusal, as asked after a 429).
import { Backoff } from '../../connection/backoff.js';
import type { Clock, TimerHandle } from '../../connection/clock.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { SourceState } from '../source.js';
import { decodeCursor, encodeCursor, RecentIds, sinceQuery, type CursorWriter, type NtfyCursor, type NtfyCursors } from './ntfyCursor.js';
import type { NtfyEvent } from './ntfyFrames.js';
import { topicStreamUrl, type NtfyAuth } from './ntfyOptions.js';
import { NtfyAuthProblem, NtfyRateLimited } from './ntfyRefusal.js';
import { NtfyStream } from './ntfyStream.js';
import type { NtfyTiming } from './ntfyTiming.js';

export interface TopicLinkDeps {
  baseUrl: string;
  topic: string;
  cursorKey: string;
  cursors: NtfyCursors;
  writer: CursorWriter;
  auth: () => Promise<NtfyAuth>;
  /** Alert (or log as unusable) one message; resolves once it is in history. */
  handle(event: NtfyEvent, topic: string): Promise<void>;
  onBadLine(reason: string, topic: string): void;
  onState(state: SourceState, detail: string): void;
  timing: NtfyTiming;
  clock: Clock;
  logger: Logger;
}

export class NtfyTopicLink {
  private readonly backoff: Backoff;
  private readonly rateBackoff: Backoff;
  private readonly recent = new RecentIds();
  private cursor: NtfyCursor | undefined;
  private stream: NtfyStream | undefined;
  private running = false;
  private everConnected = false;
  private gen = 0;
  private retryTimer: TimerHandle | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly d: TopicLinkDeps) {
    this.backoff = new Backoff(d.timing.backoff);
    this.rateBackoff = new Backoff(d.timing.rateLimitBackoff);
    this.cursor = decodeCursor(d.cursors.get(d.cursorKey));
  }

  start(): void {
    this.running = true;
    void this.connect();
  }

  reconnectNow(): void {
    if (!this.running) return;
    this.backoff.reset();
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.gen += 1;
    this.clearRetry();
    this.stream?.close();
    this.stream = undefined;
    const settle = new Promise<void>((resolve) => this.d.clock.setTimeout(resolve, this.d.timing.stopTimeoutMs));
    await Promise.race([this.inFlight, settle]);
  }

  private async connect(): Promise<void> {
    const gen = ++this.gen;
    this.clearRetry();
    this.stream?.close();
    this.stream = undefined;
    const { topic, timing, logger } = this.d;
    this.d.onState(this.everConnected ? 'reconnecting' : 'connecting', `subscribing to ${topic}`);
    try {
      const auth = await this.d.auth();
      if (gen !== this.gen) return;
      const floor = replayFloor(this.cursor, timing.replaySlackSeconds);
      const { stream, open } = await NtfyStream.open({
        url: topicStreamUrl(this.d.baseUrl, topic, sinceQuery(this.cursor)),
        headers: auth.headers, login: auth.login, topic, clock: this.d.clock,
        connectTimeoutMs: timing.connectTimeoutMs,
        silenceTimeoutMs: 2 * timing.keepaliveSeconds * 1000,
        messageTimeoutMs: timing.messageTimeoutMs,
        maxLineBytes: timing.maxLineBytes,
        onMessage: (event) => this.onMessage(gen, event, floor),
        onBadLine: (reason) => this.d.onBadLine(reason, topic),
        onEnd: (reason) => this.onEnd(gen, reason),
      });
      if (gen !== this.gen || !this.running) return stream.close();
      this.stream = stream;
      this.everConnected = true;
      this.backoff.reset();
      this.rateBackoff.reset();
      if (!this.cursor) {
        // First start: from now. Keep the server's time, so a reconnect before any message still misses nothing.
        this.cursor = { time: open.time };
        this.d.writer.write(this.d.cursorKey, encodeCursor(this.cursor));
      }
      this.d.onState('connected', `subscribed to ${topic}`);
    } catch (err) {
      if (gen !== this.gen || !this.running) return;
      logger.debug({ topic, err: safeErrorMessage(err) }, 'ntfy: subscription failed');
      this.scheduleRetry(err);
    }
  }

  private onMessage(gen: number, event: NtfyEvent, floor: number | undefined): Promise<void> {
    if (gen !== this.gen) return Promise.reject(new Error('stale connection'));
    const handled = this.handle(event, floor);
    this.inFlight = handled.catch(() => {});
    return handled;
  }

  private async handle(event: NtfyEvent, floor: number | undefined): Promise<void> {
    // Older than where this topic stood when the stream opened: a replay of the whole cache after an unknown `since` id.
    if (floor !== undefined && event.time < floor) return;
    if (this.recent.has(event.id)) return;
    await this.d.handle(event, this.d.topic);
    this.recent.add(event.id);
    this.cursor = { time: event.time, id: event.id };
    this.d.writer.write(this.d.cursorKey, encodeCursor(this.cursor));
  }

  private onEnd(gen: number, reason: string): void {
    if (gen !== this.gen || !this.running) return;
    this.stream = undefined;
    this.d.logger.info({ topic: this.d.topic, reason }, 'ntfy: stream ended');
    this.scheduleRetry(new Error(`connection lost: ${reason}`));
  }

  private scheduleRetry(err: unknown): void {
    this.clearRetry();
    let delay: number;
    let state: SourceState;
    if (err instanceof NtfyAuthProblem) {
      delay = this.d.timing.authRetryMs;
      state = 'auth_failed';
    } else if (err instanceof NtfyRateLimited) {
      delay = err.retryAfterMs ?? this.rateBackoff.next();
      state = this.everConnected ? 'reconnecting' : 'offline';
    } else {
      delay = this.backoff.next();
      state = this.everConnected ? 'reconnecting' : 'offline';
    }
    this.d.onState(state, `${this.d.topic}: ${safeErrorMessage(err)}; retrying in ${Math.max(1, Math.round(delay / 1000))} s`);
    this.retryTimer = this.d.clock.setTimeout(() => void (this.running && this.connect()), delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) this.d.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}

/**
 * With `since=<id>`, an id the server no longer knows makes it replay its whole cache: what is clearly older than the
 * cursor (by more than the slack, see NtfyTiming) is skipped. The floor is fixed when the stream opens (live messages
 * are never held to it), and absent for a time cursor, whose `since=<time>` the server filters itself.
 */
export function replayFloor(cursor: NtfyCursor | undefined, slackSeconds: number): number | undefined {
  return cursor?.id !== undefined ? cursor.time - slackSeconds : undefined;
}
