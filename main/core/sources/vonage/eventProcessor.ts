// One conversation's ordered, exactly-once hand-over of events to the sink, with a persisted cursor.
// The cursor only ever covers ids whose alert the sink accepted, so a crash can repeat at most, never lose.
import { MAX_ALERTS_IN_FLIGHT, type SourceSink } from '../source.js';
import type { Cursors } from '../../storage/cursorStore.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { mapEventToAlert, type ConversationEvent } from './eventMapper.js';
import type { HistoryResult } from './eventHistory.js';

export interface EventProcessorDeps {
  conversationId: string;
  eventTypes: ReadonlySet<string>;
  sink: SourceSink;
  cursors: CursorPort;
  logger: Logger;
  now: () => number;
  /** REST history after an id (undefined: just the latest id). */
  fetchAfter: (afterId: number | undefined) => Promise<HistoryResult>;
  /** How long cursor advances are gathered into one `cursors.json` write (and always at stop). */
  cursorFlushMs?: number;
  /** Back-pressure: true when this many live events wait (stop reading the socket), false once drained. */
  onPressure?(paused: boolean): void;
  backPressure?: { high: number; low: number };
  /** Alerts waiting for history at once; the next live event waits for one of them beyond this. */
  maxInFlight?: number;
  /** Most caught-up events shown one by one (the newest); the rest go to the sink's backlog (history + one summary). */
  showLimit: number;
  /** A caught-up event sent longer ago than this goes to the backlog too. */
  showMaxAgeMs: number;
}

/** Live events waiting before the socket stops being read, and the depth at which it reads again. */
export const VONAGE_QUEUE_HIGH = 1_000;
export const VONAGE_QUEUE_LOW = 100;

export type CursorPort = Pick<Cursors, 'get' | 'set' | 'flush'>;

export class EventProcessor {
  private cursor: number | undefined;
  /** Handled ids above the cursor (a live event seen past a gap that catch-up has not closed yet). */
  private readonly above = new Set<number>();
  private readonly inFlight = new Map<number, Promise<boolean>>();
  private readonly failed = new Set<number>();
  private chain: Promise<unknown> = Promise.resolve();
  /** The last cursor write, serialized; `written` is the value it saved. */
  private persisting: Promise<void> = Promise.resolve();
  private written: number | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  /** Live events handed to `live` and not handled yet; `paused` once it crossed the high mark. */
  private queued = 0;
  /** Jobs of `enqueue` not settled yet (with none, a live event skips the queue). */
  private jobs = 0;
  private paused = false;
  private stopped = false;
  private restLatest: number | undefined;
  readonly key: string;

  constructor(private readonly deps: EventProcessorDeps) {
    this.key = `vonage:${deps.conversationId}`;
    const stored = Number(deps.cursors.get(this.key));
    this.cursor = Number.isSafeInteger(stored) && stored >= 0 && deps.cursors.get(this.key) !== undefined ? stored : undefined;
  }

  get conversationId(): string {
    return this.deps.conversationId;
  }

  get lastSeenId(): number | undefined {
    return this.cursor;
  }

  /** The largest id known to exist: the cursor, or what REST history last listed when that is further. */
  get lastKnownId(): number | undefined {
    if (this.cursor === undefined) return this.restLatest;
    return Math.max(this.cursor, this.restLatest ?? this.cursor);
  }

  /** The newest id the REST history lists now (for the live-events watchdog); also raises `lastKnownId`. */
  async serverLatestId(): Promise<number | undefined> {
    const { latestId } = await this.deps.fetchAfter(undefined);
    if (latestId !== undefined) this.restLatest = Math.max(this.restLatest ?? latestId, latestId);
    return latestId;
  }

  /**
   * A live event: closes a gap through catch-up first so alerts stay in order. The hand-over is not awaited, so the
   * next event never queues behind the previous one's history write; the cursor still only advances on success.
   */
  live(event: ConversationEvent): Promise<void> {
    // An event that comes alone (nothing queued, nothing in flight, no gap) is handed over now, inside the SDK's
    // listener, so its history write leaves before the SDK's own work after the listener (a job's hop waited for that:
    // ≈ 40 µs an event when they come one at a time, the latency bench). Order holds: nothing before it is waiting. A
    // flood takes the queue as before, so its depth still pauses the socket.
    if (this.jobs === 0 && this.inFlight.size === 0 && !this.stopped && !this.gapBefore(event)) {
      void this.dispatch(event);
      return Promise.resolve();
    }
    this.queued += 1;
    this.pressure();
    const run = this.enqueue(async () => {
      if (this.gapBefore(event)) await this.catchUpNow('gap').catch(() => undefined);
      void this.dispatch(event);
      // Bounded: beyond this many alerts waiting for history, the queue waits (and may pause the socket).
      const max = this.deps.maxInFlight ?? MAX_ALERTS_IN_FLIGHT;
      while (this.inFlight.size >= max) await Promise.race(this.inFlight.values());
    });
    const done = (): void => {
      this.queued -= 1;
      this.pressure();
    };
    run.then(done, done);
    return run;
  }

  /** Ids between what is handled (or on its way) and this live event are missing: catch up first. */
  private gapBefore(event: ConversationEvent): boolean {
    return this.cursor !== undefined && event.id > this.frontier() + 1 && !this.isHandled(event.id);
  }

  private pressure(): void {
    const { high, low } = this.deps.backPressure ?? { high: VONAGE_QUEUE_HIGH, low: VONAGE_QUEUE_LOW };
    if (!this.paused && this.queued >= high) {
      this.paused = true;
      this.deps.logger.debug({ depth: this.queued }, 'vonage: work queue deep, socket paused');
      this.deps.onPressure?.(true);
    } else if (this.paused && this.queued <= low) {
      this.paused = false;
      this.deps.logger.debug({ depth: this.queued }, 'vonage: work queue drained, socket resumed');
      this.deps.onPressure?.(false);
    }
  }

  /** On a first run, take the latest id as the starting point; done before connecting so no live event is mistaken for history. */
  baseline(): Promise<void> {
    return this.enqueue(async () => {
      if (this.cursor === undefined) await this.catchUpNow('baseline');
    });
  }

  /** Fetches and hands over everything after the cursor. Rejects when the history could not be read. */
  catchUp(reason: string): Promise<void> {
    return this.enqueue(() => this.catchUpNow(reason));
  }

  private async catchUpNow(reason: string): Promise<void> {
    const result = await this.deps.fetchAfter(this.cursor);
    if (result.latestId !== undefined) this.restLatest = Math.max(this.restLatest ?? result.latestId, result.latestId);
    if (this.cursor === undefined) {
      // First run: start from now; history before the app was ever connected is not news.
      // An empty conversation starts at 0, so its very first event counts as news.
      this.advanceTo(result.latestId ?? 0);
      this.deps.logger.info({ conversationId: this.deps.conversationId, baseline: result.latestId }, 'vonage: first run, cursor set to the latest event');
      return;
    }
    if (result.truncated) this.deps.logger.error({ read: result.events.length }, 'vonage: more missed events than one catch-up reads; the oldest were not read');
    if (result.unavailable > 0) {
      this.deps.logger.warn({ unavailable: result.unavailable, after: this.cursor }, 'vonage: the server no longer lists some missed events (older than it keeps)');
    }
    // Too many or too old to show one by one: into history with one summary (oldest first, before the rest).
    const backlog = this.backlogOf(result.events);
    if (backlog.length > 0) await this.dispatchBacklog(backlog);
    const backlogIds = new Set(backlog.map((e) => e.id));
    const outcomes = await Promise.all(result.events.filter((e) => !backlogIds.has(e.id)).map((event) => this.dispatch(event)));
    await Promise.all(this.inFlight.values());
    // Ids the history did not list (or listed malformed) count as seen, but never past an alert the sink refused.
    const firstFailure = Math.min(...this.failed);
    if (result.latestId !== undefined) this.advanceTo(Math.min(result.latestId, firstFailure - 1));
    if (outcomes.length > 0) this.deps.logger.info({ reason, count: outcomes.length }, 'vonage: caught up');
  }

  /** Of caught-up events, those not shown one by one: all but the newest `showLimit`, and any older than `showMaxAgeMs`. */
  private backlogOf(events: readonly ConversationEvent[]): ConversationEvent[] {
    const news = events.filter((e) => this.deps.eventTypes.has(e.type) && !this.isHandled(e.id) && !this.inFlight.has(e.id));
    const now = this.deps.now();
    const firstShown = Math.max(0, news.length - this.deps.showLimit);
    return news.filter((e, index) => {
      if (index < firstShown) return true;
      const sent = e.timestamp === undefined ? Number.NaN : Date.parse(e.timestamp);
      return Number.isFinite(sent) && now - sent > this.deps.showMaxAgeMs;
    });
  }

  /** Hands the backlog over as one batch; on failure every one of them stays unhandled for the next catch-up. */
  private async dispatchBacklog(events: readonly ConversationEvent[]): Promise<void> {
    const inputs = events.map((e) => mapEventToAlert(this.deps.conversationId, e, this.deps.now()));
    const sink = this.deps.sink;
    try {
      if (sink.backlog) await sink.backlog(inputs);
      else for (const input of inputs) await sink.alert(input);
    } catch (err) {
      for (const e of events) this.failed.add(e.id);
      this.deps.logger.error({ count: events.length, err: safeErrorMessage(err) }, 'vonage: the pipeline did not accept the caught-up backlog');
      return;
    }
    for (const e of events) {
      this.failed.delete(e.id);
      this.markHandled(e.id);
    }
    this.deps.logger.info({ count: events.length }, 'vonage: caught-up backlog stored, announced as one summary');
  }

  /** The highest id up to which everything is handled or being handed over. */
  private frontier(): number {
    let f = this.cursor ?? 0;
    while (this.inFlight.has(f + 1) || this.above.has(f + 1)) f += 1;
    return f;
  }

  private isHandled(id: number): boolean {
    return (this.cursor !== undefined && id <= this.cursor) || this.above.has(id);
  }

  /** Resolves false when the sink failed (the event stays unhandled and is retried by the next catch-up). */
  private dispatch(event: ConversationEvent): Promise<boolean> {
    if (this.isHandled(event.id)) return Promise.resolve(true);
    const running = this.inFlight.get(event.id);
    if (running) return running;
    if (!this.deps.eventTypes.has(event.type)) {
      this.markHandled(event.id);
      return Promise.resolve(true);
    }
    const handover = this.handOver(event).then(
      () => {
        this.failed.delete(event.id);
        this.markHandled(event.id);
        return true;
      },
      (err: unknown) => {
        this.failed.add(event.id);
        this.deps.logger.error({ eventId: event.id, err: safeErrorMessage(err) }, 'vonage: the pipeline did not accept an alert');
        return false;
      },
    ).finally(() => this.inFlight.delete(event.id));
    this.inFlight.set(event.id, handover);
    return handover;
  }

  /** The sink's promise for the event's alert; a mapping that throws is a rejection like the sink's own (never a throw). */
  private handOver(event: ConversationEvent): Promise<void> {
    try {
      return this.deps.sink.alert(mapEventToAlert(this.deps.conversationId, event, this.deps.now()));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private markHandled(id: number): void {
    if (this.cursor === undefined || id === this.cursor + 1) this.advanceTo(id);
    else if (id > this.cursor) this.above.add(id);
  }

  private advanceTo(id: number): void {
    if (this.cursor !== undefined && id <= this.cursor) return;
    this.cursor = id;
    for (const handled of this.above) if (handled <= id) this.above.delete(handled);
    while (this.above.delete(this.cursor + 1)) this.cursor += 1;
    this.persist();
  }

  /**
   * Coalesced writes: every advance within `cursorFlushMs` shares one `cursors.json` write (write, fsync, rename),
   * instead of one per event competing with the history journal's fsync. Losing the last interval to a crash is
   * harmless: those alerts are already in history, so the catch-up after a restart replays them into dedupe.
   */
  private persist(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      void this.writeCursor();
    }, this.deps.cursorFlushMs ?? 250);
  }

  /** Saves the latest cursor (if it moved since the last save); serialized, never rejects. */
  private writeCursor(): Promise<void> {
    this.persisting = this.persisting.then(async () => {
      const value = this.cursor;
      if (value === undefined || value === this.written) return;
      try {
        await this.deps.cursors.set(this.key, String(value));
        this.written = value;
      } catch (err) {
        this.deps.logger.error({ err: safeErrorMessage(err) }, 'vonage: could not persist the cursor');
      }
    });
    return this.persisting;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => (this.stopped ? (undefined as T) : job()));
    this.jobs += 1;
    const settled = (): void => void (this.jobs -= 1);
    this.chain = run.then(settled, settled);
    return run;
  }

  /** Waits for queued work and the last cursor write. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.chain;
    await Promise.all(this.inFlight.values());
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.writeCursor();
    await this.deps.cursors.flush();
  }
}
