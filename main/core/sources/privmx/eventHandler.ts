import type { AlertInput } from '../../alerts/alert.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { MAX_ALERTS_IN_FLIGHT, type SourceSink } from '../source.js';
import { eventDataSchemas, type NotificationFrame } from './bridgeFrames.js';
import { alertIdFor, toEventView } from './eventView.js';
import type { PrivmxRule } from './ruleSchema.js';
import { DEFAULT_RULE_META } from '../../alerts/defaultRuleText.js';
import { decide, matchableEvents } from './rules.js';
import type { ThreadCursors } from './threadCursors.js';

export type EventOrigin = 'live' | 'catchup';

export interface EventHandlerDeps {
  rules: readonly PrivmxRule[];
  sink: SourceSink;
  cursors: ThreadCursors;
  /** Threads whose cursor we keep (the ones catch-up reads); may grow as inbox threads are learned. */
  trackedThreads: { has(threadId: string): boolean };
  /** Every inbox entry names its inbox's hidden thread: the only way to learn it (see InboxThreads). */
  onInboxEntry?(inboxId: string, threadId: string): void;
  logger: Logger;
  now?: () => number;
  onUnusable?(kind: string): void;
  seenLimit?: number;
  /** Back-pressure: how many alerts may wait for history at once. */
  maxInFlight?: number;
}

/**
 * One Bridge event → rule → alert. Alerts are handed to the sink without waiting for the previous one to reach
 * history (so history can group-commit and a slow disk never delays the next notification), while each thread's
 * cursor still moves in order and only past alerts the sink has confirmed. Recent alert ids are remembered, so an
 * event seen live and again in catch-up becomes one alert.
 */
export class EventHandler {
  private seen = new Set<string>();
  private inFlight = new Set<Promise<boolean>>();
  private cursorChain: Promise<unknown> = Promise.resolve();
  /** Threads where a delivery failed: their cursor stays put until the next catch-up re-reads from it. */
  private blocked = new Set<string>();
  private readonly now: () => number;
  private readonly matchable: (channel: string, type: string) => boolean;

  constructor(private readonly deps: EventHandlerDeps) {
    this.now = deps.now ?? Date.now;
    this.matchable = matchableEvents(deps.rules);
  }

  /** Resolves once the alert is dispatched (not yet confirmed); waits only when too many are in flight. */
  async handle(frame: NotificationFrame, origin: EventOrigin): Promise<void> {
    const schema = eventDataSchemas[frame.type];
    if (!schema) return this.deps.onUnusable?.('unknown event type');
    // New thread messages move cursors and teach inbox threads even when no rule alerts on them.
    if (frame.type !== 'threadNewMessage' && !this.matchable(frame.channel, frame.type)) return;
    const parsed = schema.safeParse(frame.data);
    if (!parsed.success) return this.deps.onUnusable?.(`bad ${frame.type} payload`);
    const data = parsed.data;
    const view = toEventView({ ...frame, data });
    const decision = decide(this.deps.rules, view);
    const id = alertIdFor(view, data);
    let delivered: Promise<boolean> = Promise.resolve(true);
    if (decision && !this.seen.has(id)) {
      this.remember(id);
      delivered = this.deliver(id, {
        id,
        source: 'privmx',
        kind: frame.type,
        title: decision.title,
        body: decision.body,
        receivedAt: this.now(),
        meta: {
          actions: decision.actions,
          desktop: decision.actions.includes('desktop'),
          sms: decision.actions.includes('sms'),
          rule: decision.rule.name ?? `rule ${decision.index + 1}`,
          ...(decision.defaultRule ? { [DEFAULT_RULE_META]: decision.defaultRule } : {}),
          origin,
          channel: view.channel,
          ...pickIds(view),
        },
      });
    }
    const { threadId, messageId } = view;
    // Before the cursor check below, so the entry that teaches us the thread already sets its cursor.
    if (frame.type === 'threadNewMessage' && threadId && view.inboxId) this.deps.onInboxEntry?.(view.inboxId, threadId);
    if (frame.type === 'threadNewMessage' && threadId && messageId && this.deps.trackedThreads.has(threadId)) {
      // Chained: a thread's cursor passes an id only after it and everything before it were confirmed.
      this.cursorChain = this.cursorChain.then(async () => {
        if (!(await delivered)) this.blocked.add(threadId);
        else if (!this.blocked.has(threadId)) this.deps.cursors.advance(threadId, messageId);
      });
    }
    if (this.inFlight.size >= (this.deps.maxInFlight ?? MAX_ALERTS_IN_FLIGHT)) await Promise.race(this.inFlight);
  }

  /** Catch-up re-reads from the cursor, so a thread blocked by a failed delivery may move again. */
  unblock(threadId: string): void {
    this.blocked.delete(threadId);
  }

  /** Every dispatched alert confirmed (or failed) and every cursor move applied. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    await this.cursorChain;
  }

  private deliver(id: string, input: AlertInput): Promise<boolean> {
    const p = this.deps.sink.alert(input).then(
      () => true,
      (err: unknown) => {
        // Forgotten, so a later catch-up can still deliver it.
        this.seen.delete(id);
        this.deps.logger.error({ id, err: safeErrorMessage(err) }, 'privmx: the pipeline refused an alert');
        return false;
      },
    );
    this.inFlight.add(p);
    void p.then(() => this.inFlight.delete(p));
    return p;
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > (this.deps.seenLimit ?? 20_000)) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}

function pickIds(view: ReturnType<typeof toEventView>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['contextId', 'threadId', 'messageId', 'storeId', 'fileId', 'inboxId', 'streamRoomId', 'author'] as const) {
    const v = view[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
