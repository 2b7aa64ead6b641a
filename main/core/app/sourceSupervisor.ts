import type { AlertInput } from '../alerts/alert.js';
import type { Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import type { SecretRef } from '../secrets/secretNames.js';
import type { RestaurantSettings, Settings } from '../settings/schema.js';
import type { Source, SourceContext, SourceFactory, SourceName, SourceSink, SourceStatus } from '../sources/source.js';

export interface SupervisorDeps {
  factories: readonly SourceFactory[];
  /** Everything a source gets but its sink and restaurant, which the supervisor supplies per start. */
  context: (restaurant: RestaurantSettings, kind: SourceName) => Omit<SourceContext, 'sink' | 'restaurant'>;
  /** Hands one alert of one restaurant to the pipeline. */
  ingest(restaurant: string, input: AlertInput): Promise<void>;
  /** Caught-up alerts of one restaurant too old or too many to show one by one (history + one summary). */
  ingestBacklog(restaurant: string, inputs: readonly AlertInput[]): Promise<void>;
  clock: Clock;
  logger: Logger;
}

/** A running connection is one restaurant's one source kind: `bistro-mokotow/privmx`. */
const keyOf = (restaurant: string, kind: SourceName): string => `${restaurant}/${kind}`;

/** Starts, stops and restarts one source per restaurant and kind, and keeps the latest status of each. */
export class SourceSupervisor {
  private readonly running = new Map<string, Source>();
  private readonly statuses = new Map<string, SourceStatus>();
  private readonly listeners = new Set<(s: SourceStatus) => void>();
  /** Restaurant order of the running settings, so status lists follow it. */
  private order: string[] = [];

  constructor(private readonly deps: SupervisorDeps) {}

  onStatus(listener: (s: SourceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One status per restaurant and kind, in the order of the settings (restaurants, then kinds). */
  statusList(): SourceStatus[] {
    const list: SourceStatus[] = [];
    for (const restaurant of this.order) {
      for (const factory of this.deps.factories) {
        const status = this.statuses.get(keyOf(restaurant, factory.kind));
        if (status) list.push(status);
      }
    }
    return list;
  }

  /** Every connection at once: none waits for another's module to load or its first request to go out. */
  async startAll(settings: Settings): Promise<void> {
    this.order = settings.restaurants.map((r) => r.id);
    await Promise.all(settings.restaurants.flatMap((restaurant) => this.deps.factories.map((factory) => this.start(factory, restaurant))));
  }

  reconnectAll(reason: string): void {
    for (const source of this.running.values()) source.reconnectNow(reason);
  }

  /**
   * Restarts only the connections whose own settings section or secret changed; a restaurant that was removed has its
   * connections stopped and its statuses dropped; one that was added is started.
   */
  async apply(previous: Settings, next: Settings, changedSecrets: readonly SecretRef[]): Promise<void> {
    const kept = new Set(next.restaurants.map((r) => r.id));
    for (const gone of previous.restaurants.filter((r) => !kept.has(r.id))) {
      for (const factory of this.deps.factories) {
        await this.stop(keyOf(gone.id, factory.kind));
        this.statuses.delete(keyOf(gone.id, factory.kind));
      }
    }
    this.order = next.restaurants.map((r) => r.id);
    for (const restaurant of next.restaurants) {
      const before = previous.restaurants.find((r) => r.id === restaurant.id);
      for (const factory of this.deps.factories) {
        const sectionChanged = !before || JSON.stringify(factory.section(before)) !== JSON.stringify(factory.section(restaurant));
        const secretChanged = changedSecrets.some((s) => s.restaurant === restaurant.id && factory.secrets.includes(s.name));
        if (sectionChanged || secretChanged) {
          await this.stop(keyOf(restaurant.id, factory.kind));
          await this.start(factory, restaurant);
        }
      }
    }
  }

  async stopAll(): Promise<void> {
    for (const key of [...this.running.keys()]) await this.stop(key);
  }

  private async start(factory: SourceFactory, restaurant: RestaurantSettings): Promise<void> {
    const at = (): number => this.deps.clock.now();
    const base = { source: factory.kind, restaurant: restaurant.id };
    if (!factory.enabled(restaurant)) {
      this.setStatus({ ...base, state: 'disabled', at: at() });
      return;
    }
    const key = keyOf(restaurant.id, factory.kind);
    const sink: SourceSink = {
      alert: (input) => this.deps.ingest(restaurant.id, input),
      backlog: (inputs) => this.deps.ingestBacklog(restaurant.id, inputs),
      status: (s) => this.setStatus({ ...s, ...base, at: at() }),
    };
    const source = factory.create({ ...this.deps.context(restaurant, factory.kind), restaurant, sink });
    this.running.set(key, source);
    try {
      await source.start();
    } catch (err) {
      // Sources report connection trouble themselves; this is a programming error, kept from crashing the app.
      this.deps.logger.error({ ...base, error: safeErrorMessage(err) }, 'source failed to start');
      this.setStatus({ ...base, state: 'offline', detail: safeErrorMessage(err), at: at() });
    }
  }

  private async stop(key: string): Promise<void> {
    const source = this.running.get(key);
    if (!source) return;
    this.running.delete(key);
    try {
      await source.stop();
    } catch (err) {
      this.deps.logger.warn({ connection: key, error: safeErrorMessage(err) }, 'source did not stop cleanly');
    }
  }

  private setStatus(status: SourceStatus): void {
    this.statuses.set(keyOf(status.restaurant, status.source), status);
    for (const listener of this.listeners) listener(status);
  }
}
