import { systemClock, type Clock } from '../../connection/clock.js';
import { withTimeout } from '../../connection/timeout.js';
import type { Logger } from '../../log/logger.js';
import type { Source, SourceSink, SourceState } from '../source.js';
import { UnusableLog } from '../push/unusableLog.js';
import { cursorKey, CursorWriter, type NtfyCursors } from './ntfyCursor.js';
import type { NtfyEvent } from './ntfyFrames.js';
import { ntfyAlert } from './ntfyMessage.js';
import { ntfyAuth, optionsProblem, type NtfySourceOptions } from './ntfyOptions.js';
import { NtfyTopicLink } from './ntfyTopicLink.js';
import { DEFAULT_NTFY_TIMING, type NtfyTiming } from './ntfyTiming.js';

export { DEFAULT_NTFY_TIMING, type NtfyTiming } from './ntfyTiming.js';
export type { NtfySourceOptions } from './ntfyOptions.js';
export type { NtfyCursors } from './ntfyCursor.js';

export interface NtfySourceDeps {
  options: NtfySourceOptions;
  /** The access token (tk_…), or the password when `options.username` is set; undefined = anonymous. */
  secret: () => Promise<string | undefined>;
  sink: SourceSink;
  /** Where each topic's `since` cursor is kept (the app's CursorStore). */
  cursors: NtfyCursors;
  logger: Logger;
  clock?: Clock;
  timing?: Partial<NtfyTiming>;
}

/** Worst first: the state shown for the whole source is that of its worst topic. */
const SEVERITY: readonly SourceState[] = ['auth_failed', 'offline', 'reconnecting', 'connecting', 'connected', 'disabled'];

/**
 * An ntfy server → alerts, one HTTP JSON stream per topic, each resuming from its own `since` cursor, so what was
 * published while the PC was off arrives on reconnect, once. Lifecycle and status here; one topic's link is
 * NtfyTopicLink's, one stream's NtfyStream's, turning a message into an alert ntfyAlert's.
 */
export class NtfySource implements Source {
  readonly name = 'ntfy' as const;
  private readonly timing: NtfyTiming;
  private readonly clock: Clock;
  private readonly writer: CursorWriter;
  private readonly unusable: UnusableLog;
  private readonly states = new Map<string, { state: SourceState; detail: string }>();
  private links: NtfyTopicLink[] = [];
  private lastShown = '';

  constructor(private readonly deps: NtfySourceDeps) {
    this.timing = { ...DEFAULT_NTFY_TIMING, ...deps.timing };
    this.clock = deps.clock ?? systemClock;
    this.writer = new CursorWriter(deps.cursors, deps.logger);
    this.unusable = new UnusableLog(deps.logger, 'ntfy');
  }

  async start(): Promise<void> {
    const { options, logger } = this.deps;
    if (!options.enabled) return this.show('disabled');
    const problem = optionsProblem(options);
    if (problem !== undefined) return this.show('offline', problem);
    const baseUrl = options.baseUrl ?? '';
    const topics = [...new Set(options.topics)];
    this.links = topics.map(
      (topic) =>
        new NtfyTopicLink({
          baseUrl, topic, cursorKey: cursorKey(baseUrl, topic), cursors: this.deps.cursors, writer: this.writer,
          auth: async () => ntfyAuth(options.username, await withTimeout(this.deps.secret(), 10_000, () => new Error('the ntfy secret could not be read in time'))),
          handle: (event, t) => this.handle(event, t),
          onBadLine: (reason, t) => this.unusable.note(reason, { topic: t }),
          onState: (state, detail) => this.topicState(topic, state, detail),
          timing: this.timing, clock: this.clock, logger,
        }),
    );
    for (const link of this.links) link.start();
  }

  reconnectNow(reason: string): void {
    if (this.links.length === 0) return;
    this.deps.logger.info({ reason }, 'ntfy: reconnecting now');
    for (const link of this.links) link.reconnectNow();
  }

  async stop(): Promise<void> {
    const links = this.links;
    this.links = [];
    await Promise.all(links.map((l) => l.stop()));
    await withTimeout(this.writer.flush(), this.timing.stopTimeoutMs, () => new Error('timeout')).catch(() => this.deps.logger.warn('ntfy: cursors not all saved before stop'));
    this.states.clear();
    if (this.deps.options.enabled) this.show('offline', 'stopped');
    else this.show('disabled');
  }

  /** Messages that could not be used so far (logged with a reason each). */
  get unusableCount(): number {
    return this.unusable.total();
  }

  private async handle(event: NtfyEvent, topic: string): Promise<void> {
    const result = ntfyAlert(event, topic, this.clock.now());
    if (!result.ok) return this.unusable.note(result.reason, { topic, ntfyId: event.id });
    await this.deps.sink.alert(result.alert);
  }

  private topicState(topic: string, state: SourceState, detail: string): void {
    if (this.links.length === 0) return; // stopped meanwhile
    this.states.set(topic, { state, detail });
    const all = [...this.states.entries()];
    const worst = SEVERITY.find((s) => all.some(([, v]) => v.state === s)) ?? 'connecting';
    if (worst === 'connected') {
      const pending = this.links.length - all.length;
      if (pending > 0) return this.show('connecting', `subscribed to ${all.map(([t]) => t).join(', ')}; ${pending} more to go`);
      return this.show('connected', `subscribed to ${all.map(([t]) => t).join(', ')}`);
    }
    const worstDetails = all.filter(([, v]) => v.state === worst).map(([, v]) => v.detail);
    this.show(worst, worstDetails.join('; '));
  }

  private show(state: SourceState, detail?: string): void {
    const key = `${state}\u0000${detail ?? ''}`;
    if (key === this.lastShown) return;
    this.lastShown = key;
    this.deps.sink.status({ state, ...(detail ? { detail } : {}) });
  }
}
