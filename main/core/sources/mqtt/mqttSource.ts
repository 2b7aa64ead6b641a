import type { IPublishPacket } from 'mqtt';
import { Backoff } from '../../connection/backoff.js';
import { systemClock, type Clock, type TimerHandle } from '../../connection/clock.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { MqttSettings } from '../../settings/schema.js';
import type { Source, SourceSink, SourceState } from '../source.js';
import { MqttConnection } from './mqttConnection.js';
import { MqttFeed } from './mqttFeed.js';
import { clientOptions, defaultClientId, MqttSetupProblem } from './mqttOptions.js';
import { MqttAuthProblem } from './mqttRefusal.js';
import { DEFAULT_MQTT_TIMING, type MqttTiming } from './mqttTiming.js';

export { DEFAULT_MQTT_TIMING, type MqttTiming } from './mqttTiming.js';

/** Where the source remembers that the broker once held its session (so a lost one can be told apart from a first start). */
export interface SessionMarks {
  get(key: string): string | undefined;
  set(key: string, value: string): Promise<void>;
}

export interface MqttSourceDeps {
  settings: MqttSettings;
  /** The broker password (the keychain secret), if any. */
  password: () => Promise<string | undefined>;
  sink: SourceSink;
  marks: SessionMarks;
  logger: Logger;
  hostName: string;
  /** The restaurant this connection belongs to (part of the default client id). */
  restaurantId?: string;
  clock?: Clock;
  timing?: Partial<MqttTiming>;
}

export const SESSION_LOST_DETAIL = 'the broker did not keep this PC’s session: support requests sent while it was offline may be missing';

/**
 * An MQTT broker (Mosquitto, NATS's MQTT listener, EMQX, HiveMQ…) → alerts, over a persistent session: what was
 * published while the PC was off arrives on reconnect. Lifecycle here; the link is MqttConnection's, messages MqttFeed's.
 */
export class MqttSource implements Source {
  readonly name = 'mqtt' as const;
  private readonly timing: MqttTiming;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly feed: MqttFeed;
  private readonly clientId: string;
  private connection: MqttConnection | undefined;
  private running = false;
  private everConnected = false;
  private gen = 0;
  private retryTimer: TimerHandle | undefined;

  constructor(private readonly deps: MqttSourceDeps) {
    this.timing = { ...DEFAULT_MQTT_TIMING, ...deps.timing };
    this.clock = deps.clock ?? systemClock;
    this.backoff = new Backoff(this.timing.backoff);
    this.clientId = deps.settings.clientId ?? defaultClientId(deps.restaurantId ?? 'default', deps.hostName);
    this.feed = new MqttFeed({ sink: deps.sink, logger: deps.logger, now: () => this.clock.now() });
  }

  async start(): Promise<void> {
    const { settings } = this.deps;
    if (!settings.enabled) return this.status('disabled');
    if (!settings.url) return this.status('offline', 'mqtt.url is not set');
    if (!settings.topic) return this.status('offline', 'mqtt.topic is not set');
    this.running = true;
    void this.connect();
  }

  reconnectNow(reason: string): void {
    if (!this.running) return;
    this.deps.logger.info({ reason }, 'mqtt: reconnecting now');
    this.backoff.reset();
    this.connection?.drop();
    this.connection = undefined;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.gen += 1;
    this.clearRetry();
    const connection = this.connection;
    this.connection = undefined;
    const settle = new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.timing.stopTimeoutMs));
    await Promise.race([connection?.idle(), settle]);
    await connection?.close(this.timing.stopTimeoutMs);
    if (this.deps.settings.enabled) this.status('offline', 'stopped');
    else this.status('disabled');
  }

  private get markKey(): string {
    return `mqtt:session:${this.clientId}@${this.deps.settings.url ?? ''}`;
  }

  private async connect(): Promise<void> {
    const gen = ++this.gen;
    this.clearRetry();
    this.connection?.drop();
    this.connection = undefined;
    const { settings, logger } = this.deps;
    this.status(this.everConnected ? 'reconnecting' : 'connecting');
    try {
      const options = await clientOptions(settings, this.clientId, await this.deps.password(), this.timing);
      if (gen !== this.gen) return;
      const { connection, sessionPresent } = await MqttConnection.open({
        url: settings.url ?? '', options, topic: settings.topic ?? '', protocolVersion: settings.protocolVersion,
        requestTimeoutMs: this.timing.requestTimeoutMs, logger,
        onMessage: (packet) => this.onMessage(gen, packet),
        onLost: (reason) => this.onLost(gen, reason),
      });
      if (gen !== this.gen || !this.running) return connection.drop();
      this.connection = connection;
      this.everConnected = true;
      this.backoff.reset();
      const hadSession = this.deps.marks.get(this.markKey) !== undefined;
      if (!sessionPresent && hadSession) {
        logger.warn({ clientId: this.clientId }, `mqtt: ${SESSION_LOST_DETAIL}`);
        this.status('connected', `subscribed to ${settings.topic}; ${SESSION_LOST_DETAIL}`);
      } else this.status('connected', `subscribed to ${settings.topic}${sessionPresent ? ' (session resumed)' : ''}`);
      if (!hadSession) await this.deps.marks.set(this.markKey, String(this.clock.now())).catch((err: unknown) => logger.warn({ err: safeErrorMessage(err) }, 'mqtt: session mark not saved'));
    } catch (err) {
      if (gen !== this.gen || !this.running) return;
      this.scheduleRetry(err);
    }
  }

  private onMessage(gen: number, packet: IPublishPacket): Promise<void> {
    return gen === this.gen ? this.feed.handle(packet) : Promise.reject(new Error('stale connection'));
  }

  private onLost(gen: number, reason: string): void {
    if (gen !== this.gen || !this.running) return;
    this.connection = undefined;
    this.deps.logger.info({ reason }, 'mqtt: connection lost');
    this.scheduleRetry(new Error(`connection lost: ${reason}`));
  }

  private scheduleRetry(err: unknown): void {
    this.clearRetry();
    const authProblem = err instanceof MqttAuthProblem;
    const setupProblem = err instanceof MqttSetupProblem;
    const delay = authProblem || setupProblem ? this.timing.authRetryMs : this.backoff.next();
    const state: SourceState = authProblem ? 'auth_failed' : setupProblem ? 'offline' : this.everConnected ? 'reconnecting' : 'offline';
    this.status(state, `${safeErrorMessage(err)}; retrying in ${Math.max(1, Math.round(delay / 1000))} s`);
    this.retryTimer = this.clock.setTimeout(() => void (this.running && this.connect()), delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private status(state: SourceState, detail?: string): void {
    this.deps.sink.status({ state, ...(detail ? { detail } : {}) });
  }
}
