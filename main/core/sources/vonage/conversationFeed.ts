// The conversation the current JWT names and its event processor: a token for another conversation gets a new
// processor, and catch-up always reads history with the latest token.
import type { SourceSink } from '../source.js';
import type { VonageSettings } from '../../settings/schema.js';
import type { Cursors } from '../../storage/cursorStore.js';
import type { Logger } from '../../log/logger.js';
import type { ClientToken } from './clientToken.js';
import { EventProcessor } from './eventProcessor.js';
import { fetchEventsAfter } from './eventHistory.js';
import { toConversationEvent } from './eventMapper.js';
import type { Timers } from './timers.js';
import type { VonageTiming } from './vonageTiming.js';

/** The SDK's own default REST base (nexmo-client 9.5.1), used for catch-up when `sdk.apiUrl` is not set. */
const DEFAULT_API_URL = 'https://api-us.vonage.com';

export interface ConversationFeedDeps {
  settings: VonageSettings;
  sink: SourceSink;
  cursors: Cursors;
  log: Logger;
  timers: Timers;
  timing: VonageTiming;
  /** Back-pressure from the processor: stop (true) or resume (false) reading the SDK's socket. */
  onPressure?(paused: boolean): void;
  backPressure?: { high: number; low: number };
}

export class ConversationFeed {
  private token?: string;
  private aclWarning?: string;
  private current?: EventProcessor;

  constructor(private readonly deps: ConversationFeedDeps) {}

  /** The processor for the conversation of the last adopted token (kept across stop and reconnects). */
  get processor(): EventProcessor | undefined {
    return this.current;
  }

  adopt(reply: ClientToken): void {
    const { settings, timing } = this.deps;
    this.token = reply.token;
    this.aclWarning = reply.aclWarning;
    if (this.aclWarning) this.deps.log.warn({ conversationId: reply.conversationId }, `vonage: ${this.aclWarning}`);
    if (this.current?.key === `vonage:${reply.conversationId}`) return;
    void this.current?.stop();
    this.current = new EventProcessor({
      conversationId: reply.conversationId,
      eventTypes: new Set(settings.eventTypes),
      sink: this.deps.sink,
      cursors: this.deps.cursors,
      logger: this.deps.log,
      now: () => this.deps.timers.now(),
      cursorFlushMs: timing.cursorFlushMs,
      onPressure: (paused) => this.deps.onPressure?.(paused),
      ...(this.deps.backPressure ? { backPressure: this.deps.backPressure } : {}),
      fetchAfter: (afterId) =>
        fetchEventsAfter({
          apiUrl: settings.sdk.apiUrl ?? DEFAULT_API_URL, conversationId: reply.conversationId, token: this.token ?? '', afterId,
          maxEvents: timing.catchUpMaxEvents, timeoutMs: timing.restTimeoutMs,
        }),
      showLimit: timing.catchUpLimit,
      showMaxAgeMs: timing.catchUpShowMaxAgeMs,
    });
  }

  /** One event as the SDK's listener hands it over (untrusted: anything without a usable id is dropped). */
  live(name: string, raw: unknown): void {
    if (raw === null || typeof raw !== 'object') return;
    const r = raw as Record<string, unknown>;
    const event = toConversationEvent({ id: r.id, type: name, body: r.body, timestamp: r.timestamp, from: r.from });
    if (event === undefined) return this.deps.log.warn({ type: name.slice(0, 64) }, 'vonage: ignored an event without a usable id');
    void this.current?.live(event);
  }

  connectedDetail(): string {
    const base = `signed in as ${this.deps.settings.username ?? '?'}`;
    return this.aclWarning ? `${base}; warning: ${this.aclWarning}` : base;
  }
}
