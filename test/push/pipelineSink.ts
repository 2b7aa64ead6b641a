// A source sink backed by the real pipeline and history in a data folder, so "shown once, also across restarts"
// is tested on the real dedupe seeded from history. `reopen` is the next run of the app on the same folder.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AlertOutcome } from '../../main/core/alerts/pipeline.js';
import { AlertPipeline } from '../../main/core/alerts/pipeline.js';
import { DoNotDisturb } from '../../main/core/alerts/doNotDisturb.js';
import { HistoryStore } from '../../main/core/alerts/history.js';
import { systemClock } from '../../main/core/connection/clock.js';
import { silentLogger, type Logger } from '../../main/core/log/logger.js';
import { CursorStore } from '../../main/core/storage/cursorStore.js';
import type { SourceSink, SourceState } from '../../main/core/sources/source.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';

export class PipelineSink implements SourceSink {
  readonly statuses: Array<{ state: SourceState; detail?: string }> = [];
  readonly outcomes: AlertOutcome[] = [];
  duplicates = 0;

  private constructor(
    readonly dataDir: string,
    readonly notifier: RecordingNotifier,
    private readonly history: HistoryStore,
    readonly cursors: CursorStore,
    private readonly pipeline: AlertPipeline,
  ) {}

  static async open(dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-push-')), logger: Logger = silentLogger()): Promise<PipelineSink> {
    const history = await HistoryStore.open(dataDir, 100_000);
    const dnd = await DoNotDisturb.open(dataDir, { enabled: false, start: '23:00', end: '07:00' });
    const cursors = await CursorStore.open(dataDir);
    const notifier = new RecordingNotifier();
    const pipeline = new AlertPipeline({
      history, dnd, notifier, opener: { open: async () => {} }, allowedHosts: () => ['*.vonage.com', 'meet.example.com'],
      burst: { count: 100_000, windowMs: 10_000 }, clock: systemClock, logger,
    });
    return new PipelineSink(dataDir, notifier, history, cursors, pipeline);
  }

  async alert(input: Parameters<SourceSink['alert']>[0]): Promise<void> {
    const result = await this.pipeline.ingest(input);
    if (result.status === 'accepted') this.outcomes.push(result.outcome);
    else if (result.status === 'duplicate') this.duplicates += 1;
    else throw new Error(`invalid alert: ${result.problem}`);
  }

  status(s: { state: SourceState; detail?: string }): void {
    this.statuses.push(s);
  }

  /** Ids shown (or stored) in this run, in arrival order. */
  get ids(): string[] {
    return this.outcomes.map((o) => o.alert.id);
  }
  /** Every id in history (all runs on this folder), oldest first. */
  historyIds(): string[] {
    return this.history.list().map((e) => e.alert.id).reverse();
  }
  get lastState(): SourceState | undefined {
    return this.statuses[this.statuses.length - 1]?.state;
  }
  get lastDetail(): string {
    return this.statuses[this.statuses.length - 1]?.detail ?? '';
  }
  count(state: SourceState): number {
    return this.statuses.filter((s) => s.state === state).length;
  }

  /** Closes this run and opens the next one on the same folder (history, cursors, dedupe carried over). */
  async reopen(): Promise<PipelineSink> {
    await this.close();
    return PipelineSink.open(this.dataDir);
  }

  async close(): Promise<void> {
    this.pipeline.dispose();
    await this.history.close();
    await this.cursors.flush();
  }

  async destroy(): Promise<void> {
    await this.close().catch(() => {});
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function supportRequest(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'support_request', id, email: `guest-${id}@example.com`, host_url: `https://meet.example.com/r/${id}`, ...extra });
}
