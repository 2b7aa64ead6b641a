import type { AlertInput } from '../../alerts/alert.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { MAX_ALERTS_IN_FLIGHT, type SourceSink } from '../source.js';
import type { NotificationFrame } from './bridgeFrames.js';
import { alertIdFor, toEventView, type EventView } from './eventView.js';
import type { PrivmxRule } from './ruleSchema.js';
import { DEFAULT_RULE_META } from '../../alerts/defaultRuleText.js';
import { CompiledRules } from './rules.js';
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
  private readonly rules: CompiledRules;

  constructor(private readonly deps: EventHandlerDeps) {
    this.now = deps.now ?? Date.now;
    this.rules = new CompiledRules(deps.rules);
  }

  /**
   * Resolves once the alert is dispatched (not yet confirmed); waits only when too many are in flight. `frame` was
   * validated by its event type's schema (the socket's one parse, or catch-up's list).
   */
  async handle(frame: NotificationFrame, origin: EventOrigin): Promise<void> {
    // New thread messages move cursors and teach inbox threads even when no rule alerts on them.
    if (frame.type !== 'threadNewMessage' && !this.rules.matchable(frame.channel, frame.type)) return;
    const view = toEventView(frame, undefined, this.rules.needs);
    const decision = this.rules.decide(view);
    const id = alertIdFor(view, frame.data);
    let delivered: Promise<boolean> = Promise.resolve(true);
    if (decision && !this.seen.has(id)) {
      this.remember(id);
      const { ruleMeta } = decision;
      // Built field by field, in the order it always had: actions, desktop, sms, rule, [defaultRule], origin, channel, ids.
      const meta: Record<string, unknown> = { actions: ruleMeta.actions, desktop: ruleMeta.desktop, sms: ruleMeta.sms, rule: ruleMeta.rule };
      if (decision.defaultRule) meta[DEFAULT_RULE_META] = decision.defaultRule;
      meta.origin = origin;
      meta.channel = view.channel;
      addIds(meta, view);
      delivered = this.deliver(id, { id, source: 'privmx', kind: frame.type, title: decision.title, body: decision.body, receivedAt: this.now(), meta });
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

const ID_KEYS = ['contextId', 'threadId', 'messageId', 'storeId', 'fileId', 'inboxId', 'streamRoomId', 'author'] as const;

function addIds(meta: Record<string, unknown>, view: EventView): void {
  for (const key of ID_KEYS) {
    const v = view[key];
    if (v !== undefined) meta[key] = v;
  }
}
