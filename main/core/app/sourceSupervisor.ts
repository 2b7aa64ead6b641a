import type { Clock } from '../connection/clock.js';
import type { Logger } from '../log/logger.js';
import { safeErrorMessage } from '../log/redact.js';
import type { Settings } from '../settings/schema.js';
import type { Source, SourceName, SourceSink, SourceStatus } from '../sources/source.js';
import type { SourceContext, SourceFactory } from './servicebellCore.js';

export interface SupervisorDeps {
  factories: readonly SourceFactory[];
  /** Everything a source gets but its sink and settings, which the supervisor supplies per start. */
  context: (name: SourceName) => Omit<SourceContext, 'sink' | 'settings'>;
  ingest: SourceSink['alert'];
  clock: Clock;
  logger: Logger;
}

/** Starts, stops and restarts the sources, and keeps the latest status of each. */
export class SourceSupervisor {
  private readonly running = new Map<SourceName, Source>();
  private readonly statuses = new Map<SourceName, SourceStatus>();
  private readonly listeners = new Set<(s: SourceStatus) => void>();

  constructor(private readonly deps: SupervisorDeps) {}

  onStatus(listener: (s: SourceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  statusList(): SourceStatus[] {
    return [...this.statuses.values()];
  }

  async startAll(settings: Settings): Promise<void> {
    for (const factory of this.deps.factories) await this.start(factory, settings);
  }

  reconnectAll(reason: string): void {
    for (const source of this.running.values()) source.reconnectNow(reason);
  }

  /** Restarts only the sources whose settings section or secret changed. */
  async apply(previous: Settings, next: Settings, changedSecrets: readonly string[]): Promise<void> {
    for (const factory of this.deps.factories) {
      const sectionChanged = JSON.stringify(sectionOf(previous, factory.name)) !== JSON.stringify(sectionOf(next, factory.name));
      const secretChanged = changedSecrets.some((s) => secretBelongsTo(s, factory.name));
      if (sectionChanged || secretChanged) {
        await this.stop(factory.name);
        await this.start(factory, next);
      }
    }
  }

  async stopAll(): Promise<void> {
    for (const name of [...this.running.keys()]) await this.stop(name);
  }

  private async start(factory: SourceFactory, settings: Settings): Promise<void> {
    if (!factory.enabled(settings)) {
      this.setStatus({ source: factory.name, state: 'disabled', at: this.deps.clock.now() });
      return;
    }
    const sink: SourceSink = {
      alert: (input) => this.deps.ingest(input),
      status: (s) => this.setStatus({ ...s, source: factory.name, at: this.deps.clock.now() }),
    };
    const source = factory.create({ ...this.deps.context(factory.name), settings, sink });
    this.running.set(factory.name, source);
    try {
      await source.start();
    } catch (err) {
      // Sources report connection trouble themselves; this is a programming error, kept from crashing the app.
      this.deps.logger.error({ source: factory.name, error: safeErrorMessage(err) }, 'source failed to start');
      this.setStatus({ source: factory.name, state: 'offline', detail: safeErrorMessage(err), at: this.deps.clock.now() });
    }
  }

  private async stop(name: SourceName): Promise<void> {
    const source = this.running.get(name);
    if (!source) return;
    this.running.delete(name);
    try {
      await source.stop();
    } catch (err) {
      this.deps.logger.warn({ source: name, error: safeErrorMessage(err) }, 'source did not stop cleanly');
    }
  }

  private setStatus(status: SourceStatus): void {
    this.statuses.set(status.source, status);
    for (const listener of this.listeners) listener(status);
  }
}

function sectionOf(settings: Settings, name: SourceName): unknown {
  return name === 'vonage' ? settings.vonage : { privmx: settings.privmx, sms: settings.sms };
}

function secretBelongsTo(secret: string, name: SourceName): boolean {
  return name === 'vonage' ? secret.startsWith('vonage.') : secret.startsWith('privmx.') || secret.startsWith('smsapi.');
}
