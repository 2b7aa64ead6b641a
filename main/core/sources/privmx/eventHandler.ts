import type { AlertInput } from '../../alerts/alert.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { SourceSink } from '../source.js';
import { eventDataSchemas, type NotificationFrame } from './bridgeFrames.js';
import { alertIdFor, toEventView } from './eventView.js';
import type { PrivmxRule } from './ruleSchema.js';
import { decide } from './rules.js';
import type { ThreadCursors } from './threadCursors.js';

export type EventOrigin = 'live' | 'catchup';

export interface EventHandlerDeps {
  rules: readonly PrivmxRule[];
  sink: SourceSink;
  cursors: ThreadCursors;
  /** Threads whose cursor we keep (the ones catch-up reads). */
  trackedThreads: ReadonlySet<string>;
  logger: Logger;
  now?: () => number;
  onUnusable?(kind: string): void;
  seenLimit?: number;
}

/**
 * One Bridge event → rule → alert. Remembers recent alert ids so an event seen live and again in catch-up
 * becomes one alert; moves a thread's cursor only after the sink has the alert in history.
 */
export class EventHandler {
  private seen = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly deps: EventHandlerDeps) {
    this.now = deps.now ?? Date.now;
  }

  async handle(frame: NotificationFrame, origin: EventOrigin): Promise<void> {
    const schema = eventDataSchemas[frame.type];
    if (!schema) return this.deps.onUnusable?.('unknown event type');
    const parsed = schema.safeParse(frame.data);
    if (!parsed.success) return this.deps.onUnusable?.(`bad ${frame.type} payload`);
    const data = parsed.data;
    const view = toEventView({ ...frame, data });
    const tracked = frame.type === 'threadNewMessage' && view.threadId !== undefined && this.deps.trackedThreads.has(view.threadId);
    const decision = decide(this.deps.rules, view);
    const id = alertIdFor(view, data);
    if (decision && !this.seen.has(id)) {
      const input: AlertInput = {
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
          origin,
          channel: view.channel,
          ...pickIds(view),
        },
      };
      try {
        await this.deps.sink.alert(input);
      } catch (err) {
        // Not remembered and no cursor move: a later catch-up can still deliver it.
        this.deps.logger.error({ id, err: safeErrorMessage(err) }, 'privmx: the pipeline refused an alert');
        return;
      }
      this.remember(id);
    }
    if (tracked && view.threadId && view.messageId) this.deps.cursors.advance(view.threadId, view.messageId);
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
