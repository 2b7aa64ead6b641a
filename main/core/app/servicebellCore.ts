import os from 'node:os';
import type { Logger } from '../log/logger.js';
import { systemClock, type Clock } from '../connection/clock.js';
import { AlertPipeline } from '../alerts/pipeline.js';
import { DoNotDisturb } from '../alerts/doNotDisturb.js';
import { HistoryStore } from '../alerts/history.js';
import type { LinkOpener } from '../links/linkOpener.js';
import type { Notifier } from '../notify/notifier.js';
import type { SecretGetter } from '../secrets/secretNames.js';
import type { Settings } from '../settings/schema.js';
import type { Source, SourceName, SourceSink, SourceStatus } from '../sources/source.js';
import { CursorStore } from '../storage/cursorStore.js';
import { StorageHealth, type StorageChange, type StorageProblem } from '../storage/storageHealth.js';
import { SmsForwarder } from '../sms/smsForwarder.js';
import { SourceSupervisor } from './sourceSupervisor.js';

/** Everything a source factory may use. */
export interface SourceContext {
  settings: Settings;
  sink: SourceSink;
  cursors: CursorStore;
  getSecret: SecretGetter;
  logger: Logger;
  clock: Clock;
  hostName: string;
}

/** A line for the person or the admin that is not an alert (SMS limits and failures). */
export interface Notice {
  source: 'sms';
  level: 'info' | 'warn' | 'error';
  message: string;
  at: number;
}

/** Builds a source when its section is enabled. */
export interface SourceFactory {
  name: SourceName;
  enabled(settings: Settings): boolean;
  create(context: SourceContext): Source;
}

export interface CoreOptions {
  settings: Settings;
  dataDir: string;
  notifier: Notifier;
  opener: LinkOpener;
  getSecret: SecretGetter;
  logger: Logger;
  sources: readonly SourceFactory[];
  clock?: Clock;
  hostName?: string;
}

/**
 * The electron-free heart of Servicebell, shared by the tray app and the headless mode:
 * sources → pipeline (dedupe, history, DND, bursts, links) → notifier.
 * Usage: `const core = await ServicebellCore.open(opts); core.onStatus(...); await core.start(); … await core.stop();`
 */
export class ServicebellCore {
  readonly pipeline: AlertPipeline;
  private readonly sources: SourceSupervisor;
  private readonly noticeListeners = new Set<(n: Notice) => void>();
  private readonly clock: Clock;
  private sms: SmsForwarder;

  private constructor(
    private options: CoreOptions,
    readonly history: HistoryStore,
    readonly dnd: DoNotDisturb,
    readonly cursors: CursorStore,
    /** Data files moved aside at start-up or failing to save: the tray's status and the headless stream show them. */
    readonly storage: StorageHealth,
  ) {
    this.clock = options.clock ?? systemClock;
    const { settings } = options;
    this.pipeline = new AlertPipeline({
      history,
      dnd,
      notifier: options.notifier,
      opener: options.opener,
      allowedHosts: () => this.options.settings.links.allowedHosts,
      burst: burstOptions(settings),
      clock: this.clock,
      logger: options.logger,
    });
    this.sources = new SourceSupervisor({
      factories: options.sources,
      context: (name) => ({
        cursors,
        getSecret: options.getSecret,
        logger: options.logger.child({ source: name }),
        clock: this.clock,
        hostName: options.hostName ?? os.hostname(),
      }),
      ingest: async (input) => {
        const result = await this.pipeline.ingest(input);
        if (result.status === 'invalid') options.logger.warn({ problem: result.problem }, 'a source produced an invalid alert');
      },
      clock: this.clock,
      logger: options.logger,
    });
    this.sms = this.createSmsForwarder(settings);
    // Off the notification path: an SMS never delays or blocks the desktop notification.
    this.pipeline.onOutcome((o) => void this.sms.forward(o.alert));
  }

  static async open(options: CoreOptions): Promise<ServicebellCore> {
    const clock = options.clock ?? systemClock;
    const storage = new StorageHealth(options.logger, () => clock.now());
    const movedAside = (message: string, file: string): void => storage.movedAside(file, message);
    const history = await HistoryStore.open(options.dataDir, options.settings.notifications.historyLimit, movedAside);
    const dnd = await DoNotDisturb.open(options.dataDir, options.settings.notifications.quietHours, undefined, movedAside);
    const cursors = await CursorStore.open(options.dataDir, movedAside, { clock, onWriteProblem: (problem) => storage.writeProblem('cursors.json', problem) });
    return new ServicebellCore(options, history, dnd, cursors, storage);
  }

  get settings(): Settings {
    return this.options.settings;
  }

  onStatus(listener: (s: SourceStatus) => void): () => void {
    return this.sources.onStatus(listener);
  }

  onNotice(listener: (n: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  statusList(): SourceStatus[] {
    return this.sources.statusList();
  }

  storageProblems(): StorageProblem[] {
    return this.storage.list();
  }

  onStorage(listener: (change: StorageChange) => void): () => void {
    return this.storage.onChange(listener);
  }

  async start(): Promise<void> {
    await this.sources.startAll(this.options.settings);
  }

  /** Resume after sleep, regained network: every source reconnects and catches up now. */
  reconnectAll(reason: string): void {
    this.sources.reconnectAll(reason);
  }

  /** Applies new settings without a restart; only sources whose section or secret changed are restarted. */
  async applySettings(next: Settings, changedSecrets: readonly string[] = []): Promise<void> {
    const previous = this.options.settings;
    this.options = { ...this.options, settings: next };
    this.pipeline.configureBurst(burstOptions(next));
    this.dnd.configure(next.notifications.quietHours);
    if (JSON.stringify(previous.sms) !== JSON.stringify(next.sms)) this.sms = this.createSmsForwarder(next);
    await this.sources.apply(previous, next, changedSecrets);
  }

  async stop(): Promise<void> {
    await this.sources.stopAll();
    this.pipeline.dispose();
    await this.history.close();
    try {
      await this.cursors.flush();
    } finally {
      this.cursors.close();
      await this.options.notifier.close();
    }
  }

  private createSmsForwarder(settings: Settings): SmsForwarder {
    return new SmsForwarder({
      settings: settings.sms,
      getSecret: this.options.getSecret,
      logger: this.options.logger.child({ component: 'sms' }),
      clock: this.clock,
      onStatus: (line) => {
        const notice: Notice = { source: 'sms', ...line, at: this.clock.now() };
        for (const listener of this.noticeListeners) listener(notice);
      },
    });
  }
}

function burstOptions(settings: Settings): { count: number; windowMs: number } {
  return { count: settings.notifications.burst.count, windowMs: settings.notifications.burst.windowSeconds * 1000 };
}
