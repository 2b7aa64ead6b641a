import type { HttpFetch } from '../../connection/httpRequest.js';
import type { Clock } from '../../connection/clock.js';
import { withTimeout } from '../../connection/timeout.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { PrivmxSettings } from '../../settings/schema.js';
import type { SourceSink } from '../source.js';
import type { NotificationFrame } from './bridgeFrames.js';
import { catchUpThreads, type CatchUpDeps } from './catchUp.js';
import { EventHandler } from './eventHandler.js';
import { EventQueue } from './eventQueue.js';
import { InboxThreads } from './inboxThreads.js';
import type { PrivmxAuth } from './privmxAuth.js';
import { catchUpInboxes } from './rules.js';
import { ThreadCursors, type CursorPort } from './threadCursors.js';
import type { PrivmxTiming } from './privmxTiming.js';

export interface EventPipelineDeps {
  rules: PrivmxSettings['rules'];
  /** Thread ids the rules name for catch-up. */
  threads: string[];
  sink: SourceSink;
  cursors: CursorPort;
  logger: Logger;
  clock: Clock;
  timing: PrivmxTiming;
  /** Catch-up reads over HTTP with the same login as the socket. */
  auth: PrivmxAuth;
  apiUrl: string;
  fetchImpl?: HttpFetch;
  /** Back-pressure: called with true when this many frames wait (stop reading the socket), false once drained. */
  onPressure?(paused: boolean): void;
  queueHigh?: number;
  queueLow?: number;
}

/** Frames waiting to be handled before the socket stops being read, and the depth at which it reads again. */
export const QUEUE_HIGH = 1_000;
export const QUEUE_LOW = 100;

/** Bridge frames → rules → alerts, one at a time: live ones as they arrive, catch-up in the slot taken at connect. */
export class EventPipeline {
  private readonly handler: EventHandler;
  private readonly cursors: ThreadCursors;
  private readonly inboxes: InboxThreads;
  private readonly queue: EventQueue;

  constructor(private readonly deps: EventPipelineDeps) {
    const { rules, logger } = deps;
    this.inboxes = new InboxThreads(deps.cursors, catchUpInboxes(rules), logger);
    this.cursors = new ThreadCursors(deps.cursors, deps.timing.cursorFlushMs, (err) => logger.warn({ err: safeErrorMessage(err) }, 'privmx: cursor not saved'));
    const ruleThreads = new Set(deps.threads);
    this.handler = new EventHandler({
      rules, sink: deps.sink, cursors: this.cursors, logger,
      trackedThreads: { has: (threadId) => ruleThreads.has(threadId) || this.inboxes.tracks(threadId) },
      onInboxEntry: (inboxId, threadId) => this.inboxes.learn(inboxId, threadId),
      now: () => deps.clock.now(),
    });
    this.queue = new EventQueue((err) => logger.error({ err: safeErrorMessage(err) }, 'privmx: event handling failed'), {
      high: deps.queueHigh ?? QUEUE_HIGH,
      low: deps.queueLow ?? QUEUE_LOW,
      onPressure: (paused) => {
        logger.debug({ paused, depth: this.queue.depth }, paused ? 'privmx: work queue deep, socket paused' : 'privmx: work queue drained, socket resumed');
        deps.onPressure?.(paused);
      },
    });
  }

  live(frame: NotificationFrame): void {
    this.queue.push(() => this.handler.handle(frame, 'live'));
  }

  /**
   * Takes the queue's next slot for catch-up before the socket opens, so no live event can move a cursor past
   * messages not yet caught up. Call the result with true once subscribed (catch-up runs), false to give the slot up.
   */
  reserveCatchUp(): (run: boolean) => void {
    return this.queue.reserve(() => this.catchUp());
  }

  /** Lets queued work finish (bounded by the stop timeout), then saves cursors and learned inbox threads. */
  async settle(): Promise<void> {
    await withTimeout(this.queue.idle().then(() => this.handler.drain()), this.deps.timing.stopTimeoutMs, () => new Error('timeout')).catch(() => {});
    await this.cursors.flush();
    await this.inboxes.flush();
  }

  private async catchUp(): Promise<void> {
    await this.handler.drain(); // cursors reflect everything already delivered
    // Inbox threads as known when catch-up runs: learned from live entries, here or in an earlier run.
    await catchUpThreads(this.catchUpDeps(), [...new Set([...this.deps.threads, ...this.inboxes.threadIds()])]);
  }

  private catchUpDeps(): CatchUpDeps {
    const { deps } = this;
    return {
      apiUrl: deps.apiUrl, auth: deps.auth, cursors: this.cursors, logger: deps.logger, timeoutMs: deps.timing.requestTimeoutMs,
      handle: (frame) => this.handler.handle(frame, 'catchup'),
      unblock: (threadId) => this.handler.unblock(threadId),
      onMissing: (threadId) => !deps.threads.includes(threadId) && this.inboxes.forgetThread(threadId),
      ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    };
  }
}
