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
import { safeErrorMessage } from '../log/redact.js';
import { SmsForwarder } from '../sms/smsForwarder.js';

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
  private readonly sources = new Map<SourceName, Source>();
  private readonly statuses = new Map<SourceName, SourceStatus>();
  private readonly statusListeners = new Set<(s: SourceStatus) => void>();
  private readonly noticeListeners = new Set<(n: Notice) => void>();
  private readonly clock: Clock;
  private sms: SmsForwarder;

  private constructor(
    private options: CoreOptions,
    readonly history: HistoryStore,
    readonly dnd: DoNotDisturb,
    readonly cursors: CursorStore,
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
    this.sms = this.createSmsForwarder(settings);
    // Off the notification path: an SMS never delays or blocks the desktop notification.
    this.pipeline.onOutcome((o) => void this.sms.forward(o.alert));
  }

  static async open(options: CoreOptions): Promise<ServicebellCore> {
    const warn = (message: string): void => options.logger.warn(message);
    const history = await HistoryStore.open(options.dataDir, options.settings.notifications.historyLimit, warn);
    const dnd = await DoNotDisturb.open(options.dataDir, options.settings.notifications.quietHours);
    const cursors = await CursorStore.open(options.dataDir, warn);
    return new ServicebellCore(options, history, dnd, cursors);
  }

  get settings(): Settings {
    return this.options.settings;
  }

  onStatus(listener: (s: SourceStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onNotice(listener: (n: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  statusList(): SourceStatus[] {
    return [...this.statuses.values()];
  }

  async start(): Promise<void> {
    for (const factory of this.options.sources) await this.startSource(factory);
  }

  /** Resume after sleep, regained network: every source reconnects and catches up now. */
  reconnectAll(reason: string): void {
    for (const source of this.sources.values()) source.reconnectNow(reason);
  }

  /** Applies new settings without a restart; only sources whose section or secret changed are restarted. */
  async applySettings(next: Settings, changedSecrets: readonly string[] = []): Promise<void> {
    const previous = this.options.settings;
    this.options = { ...this.options, settings: next };
    this.pipeline.configureBurst(burstOptions(next));
    this.dnd.configure(next.notifications.quietHours);
    if (JSON.stringify(previous.sms) !== JSON.stringify(next.sms)) this.sms = this.createSmsForwarder(next);
    for (const factory of this.options.sources) {
      const sectionChanged = JSON.stringify(sectionOf(previous, factory.name)) !== JSON.stringify(sectionOf(next, factory.name));
      const secretChanged = changedSecrets.some((s) => secretBelongsTo(s, factory.name));
      if (sectionChanged || secretChanged) {
        await this.stopSource(factory.name);
        await this.startSource(factory);
      }
    }
  }

  async stop(): Promise<void> {
    for (const name of [...this.sources.keys()]) await this.stopSource(name);
    this.pipeline.dispose();
    await this.history.flush();
    await this.cursors.flush();
    await this.options.notifier.close();
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

  private async startSource(factory: SourceFactory): Promise<void> {
    if (!factory.enabled(this.options.settings)) {
      this.setStatus({ source: factory.name, state: 'disabled', at: this.clock.now() });
      return;
    }
    const sink: SourceSink = {
      alert: async (input) => {
        const result = await this.pipeline.ingest(input);
        if (result.status === 'invalid') this.options.logger.warn({ source: factory.name, problem: result.problem }, 'source produced an invalid alert');
      },
      status: (s) => this.setStatus({ ...s, source: factory.name, at: this.clock.now() }),
    };
    const source = factory.create({
      settings: this.options.settings,
      sink,
      cursors: this.cursors,
      getSecret: this.options.getSecret,
      logger: this.options.logger.child({ source: factory.name }),
      clock: this.clock,
      hostName: this.options.hostName ?? os.hostname(),
    });
    this.sources.set(factory.name, source);
    try {
      await source.start();
    } catch (err) {
      // Sources report connection trouble themselves; this is a programming error, kept from crashing the app.
      this.options.logger.error({ source: factory.name, error: safeErrorMessage(err) }, 'source failed to start');
      this.setStatus({ source: factory.name, state: 'offline', detail: safeErrorMessage(err), at: this.clock.now() });
    }
  }

  private async stopSource(name: SourceName): Promise<void> {
    const source = this.sources.get(name);
    if (!source) return;
    this.sources.delete(name);
    try {
      await source.stop();
    } catch (err) {
      this.options.logger.warn({ source: name, error: safeErrorMessage(err) }, 'source did not stop cleanly');
    }
  }

  private setStatus(status: SourceStatus): void {
    this.statuses.set(status.source, status);
    for (const listener of this.statusListeners) listener(status);
  }
}

function burstOptions(settings: Settings): { count: number; windowMs: number } {
  return { count: settings.notifications.burst.count, windowMs: settings.notifications.burst.windowSeconds * 1000 };
}

function sectionOf(settings: Settings, name: SourceName): unknown {
  return name === 'vonage' ? settings.vonage : { privmx: settings.privmx, sms: settings.sms };
}

function secretBelongsTo(secret: string, name: SourceName): boolean {
  return name === 'vonage' ? secret.startsWith('vonage.') : secret.startsWith('privmx.') || secret.startsWith('smsapi.');
}
