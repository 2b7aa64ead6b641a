import os from 'node:os';
import type { Logger } from '../log/logger.js';
import { systemClock, type Clock } from '../connection/clock.js';
import { AlertPipeline } from '../alerts/pipeline.js';
import { DoNotDisturb } from '../alerts/doNotDisturb.js';
import type { BurstOptions } from '../alerts/burst.js';
import { HistoryStore } from '../alerts/history.js';
import { Mutes } from '../alerts/mutes.js';
import type { LinkOpener } from '../links/linkOpener.js';
import type { Notifier } from '../notify/notifier.js';
import type { SecretLookup, SecretRef } from '../secrets/secretNames.js';
import { DEFAULT_RESTAURANT_ID, soundFor, type RestaurantSettings, type Settings } from '../settings/schema.js';
import type { SourceFactory, SourceStatus } from '../sources/source.js';
import { CursorStore } from '../storage/cursorStore.js';
import { StorageHealth, type StorageChange, type StorageProblem } from '../storage/storageHealth.js';
import { LanguageState } from './languageState.js';
import { RestaurantSms } from './restaurantSms.js';
import { SourceSupervisor } from './sourceSupervisor.js';

/** A line for the person or the admin that is not an alert (SMS limits and failures). */
export interface Notice {
  source: 'sms';
  restaurant: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  at: number;
}

export interface CoreOptions {
  settings: Settings;
  dataDir: string;
  notifier: Notifier;
  opener: LinkOpener;
  getSecret: SecretLookup;
  logger: Logger;
  sources: readonly SourceFactory[];
  clock?: Clock;
  hostName?: string;
  /** The system's languages, most preferred first, for `ui.language` "auto" (absent: none, so English). */
  systemLanguages?: readonly string[];
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
  /** One forwarder per restaurant: its own numbers, sender, token and hourly limit. */
  private readonly sms: RestaurantSms;
  /** The language spoken now (`ui.language`); texts are made in it when they are shown. */
  readonly language: LanguageState;

  private constructor(
    private options: CoreOptions,
    readonly history: HistoryStore,
    readonly dnd: DoNotDisturb,
    readonly cursors: CursorStore,
    /** Data files moved aside at start-up or failing to save: the tray's status and the headless stream show them. */
    readonly storage: StorageHealth,
    /** Mutes for a while of one restaurant or one kind (tray, notifications). */
    readonly mutes: Mutes,
  ) {
    this.clock = options.clock ?? systemClock;
    const { settings } = options;
    this.language = new LanguageState(settings.ui.language, options.systemLanguages ?? []);
    this.pipeline = new AlertPipeline({
      history,
      dnd,
      notifier: options.notifier,
      opener: options.opener,
      allowedHosts: (restaurant) => this.allowedHosts(restaurant),
      restaurants: {
        count: () => this.options.settings.restaurants.length,
        name: (id) => this.restaurant(id)?.name ?? id,
        muted: (id) => this.restaurant(id)?.muted ?? false,
      },
      burst: burstOptions(settings),
      sound: (kind) => soundFor(this.options.settings.notifications, kind),
      reminders: () => {
        const { afterSeconds, times } = this.options.settings.notifications.supportReminders;
        return { afterMs: afterSeconds * 1000, times };
      },
      clock: this.clock,
      logger: options.logger,
      mutes,
      translator: () => this.language.translator,
    });
    this.sources = new SourceSupervisor({
      factories: options.sources,
      context: (restaurant, kind) => ({
        cursors: cursors.scoped(restaurant.id, DEFAULT_RESTAURANT_ID),
        getSecret: (name) => options.getSecret({ restaurant: restaurant.id, name }),
        logger: options.logger.child({ restaurant: restaurant.id, source: kind }),
        clock: this.clock,
        hostName: options.hostName ?? os.hostname(),
      }),
      ingest: async (restaurant, input) => {
        const result = await this.pipeline.ingest({ ...input, restaurant });
        if (result.status === 'invalid') options.logger.warn({ problem: result.problem }, 'a source produced an invalid alert');
      },
      ingestBacklog: (restaurant, inputs) => this.pipeline.ingestBacklog(inputs.map((input) => ({ ...input, restaurant }))),
      clock: this.clock,
      logger: options.logger,
    });
    this.sms = new RestaurantSms({
      getSecret: options.getSecret,
      logger: options.logger,
      clock: this.clock,
      translator: () => this.language.translator,
      onStatus: (restaurant, line) => {
        const notice: Notice = { source: 'sms', restaurant, ...line, at: this.clock.now() };
        for (const listener of this.noticeListeners) listener(notice);
      },
    });
    this.sms.configure(undefined, settings);
    // Off the notification path: an SMS never delays or blocks the desktop notification. Muted alerts are texted too.
    this.pipeline.onOutcome((o) => this.sms.forward(o.alert.restaurant, o.alert));
  }

  static async open(options: CoreOptions): Promise<ServicebellCore> {
    const clock = options.clock ?? systemClock;
    const storage = new StorageHealth(options.logger, () => clock.now());
    const movedAside = (message: string, file: string): void => storage.movedAside(file, message);
    const history = await HistoryStore.open(options.dataDir, options.settings.notifications.historyLimit, movedAside);
    const dnd = await DoNotDisturb.open(options.dataDir, options.settings.notifications.quietHours, undefined, movedAside);
    const cursors = await CursorStore.open(options.dataDir, movedAside, { clock, onWriteProblem: (problem) => storage.writeProblem('cursors.json', problem) });
    const mutes = await Mutes.open(options.dataDir, movedAside);
    return new ServicebellCore(options, history, dnd, cursors, storage, mutes);
  }

  get settings(): Settings {
    return this.options.settings;
  }

  /** A restaurant's "Join Meeting" allow-list; none for a restaurant no longer configured (its old alerts keep their text). */
  allowedHosts(restaurant: string): readonly string[] {
    return this.restaurant(restaurant)?.links.allowedHosts ?? [];
  }

  restaurant(id: string): RestaurantSettings | undefined {
    return this.options.settings.restaurants.find((r) => r.id === id);
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
    // Before any source: what the last run stored but never announced goes out first, as one summary.
    await this.pipeline.announcePending();
    await this.sources.startAll(this.options.settings);
  }

  /** Resume after sleep, regained network: every source reconnects and catches up now. */
  reconnectAll(reason: string): void {
    this.sources.reconnectAll(reason);
  }

  /** Applies new settings without a restart; only connections whose section or secret changed are restarted. */
  async applySettings(next: Settings, changedSecrets: readonly SecretRef[] = []): Promise<void> {
    const previous = this.options.settings;
    this.options = { ...this.options, settings: next };
    this.pipeline.configureBurst(burstOptions(next));
    this.dnd.configure(next.notifications.quietHours);
    this.language.configure(next.ui.language);
    this.sms.configure(previous, next);
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
}

function burstOptions(settings: Settings): BurstOptions {
  const { burst, supportBurstLimit } = settings.notifications;
  return { count: burst.count, windowMs: burst.windowSeconds * 1000, supportCount: supportBurstLimit };
}
