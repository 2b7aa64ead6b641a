import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import { withTimeout } from '../../connection/timeout.js';
import type { Logger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import { AckWindow, MQTT_ACK_WINDOW } from './ackWindow.js';
import { holdAcknowledgements, type HeldDelivery } from './heldAcknowledgements.js';
import { describeConnectError, subscriptionRefusal } from './mqttRefusal.js';

export interface MqttConnectionOptions {
  url: string;
  options: IClientOptions;
  topic: string;
  protocolVersion: 4 | 5;
  requestTimeoutMs: number;
  logger: Logger;
  /**
   * Each message in arrival order, up to MQTT_ACK_WINDOW at once; its PUBACK goes out only once this resolves (the
   * alert is in history) and every earlier message's has gone out.
   */
  onMessage(packet: IPublishPacket): Promise<void>;
  /** The link ended on its own (broker gone, keepalive lost), not by `close`/`drop`. */
  onLost(reason: string): void;
}

/**
 * One MQTT.js client for one connect attempt: CONNACK, then a QoS 1 subscription whose grant is checked.
 * A QoS 1 message is acknowledged only after `onMessage` resolves, so a crash before the alert is stored
 * means the broker delivers it again.
 */
export class MqttConnection {
  private ended = false;
  private lastError: string | undefined;
  private readonly window: AckWindow<HeldDelivery>;

  private constructor(private readonly client: MqttClient, private readonly o: MqttConnectionOptions) {
    this.window = new AckWindow({ size: MQTT_ACK_WINDOW, onFailure: (err, delivery) => this.storeFailed(err, delivery.packet) });
  }

  /** Resolves with CONNACK's `sessionPresent` once subscribed; rejects with the broker's reason otherwise. */
  static async open(o: MqttConnectionOptions): Promise<{ connection: MqttConnection; sessionPresent: boolean }> {
    const client = mqtt.connect(o.url, o.options);
    const connection = new MqttConnection(client, o);
    holdAcknowledgements(client, (delivery) => connection.window.admit(delivery, o.onMessage(delivery.packet)));
    client.on('error', (err) => {
      connection.lastError = safeErrorMessage(err);
    });
    try {
      const connack = new Promise<boolean>((resolve, reject) => {
        client.once('connect', (packet) => resolve(packet.sessionPresent));
        client.once('error', (err) => reject(describeConnectError(err, o.protocolVersion)));
        client.once('close', () => reject(new Error(connection.lastError ?? 'connection closed before CONNACK')));
      });
      const connectTimeoutMs = (o.options.connectTimeout ?? 10_000) + 1_000;
      const sessionPresent = await withTimeout(connack, connectTimeoutMs, () => new Error('no CONNACK in time'));
      const granted = await withTimeout(client.subscribeAsync(o.topic, { qos: 1 }), o.requestTimeoutMs, () => new Error('no SUBACK in time'));
      const refusal = subscriptionRefusal(granted[0]?.qos ?? 0x80, o.topic);
      if (refusal) throw refusal;
      client.on('close', () => connection.lost());
      return { connection, sessionPresent };
    } catch (err) {
      connection.drop();
      throw err;
    }
  }

  get connected(): boolean {
    return !this.ended && this.client.connected;
  }

  /** Resolves once every message handed to `onMessage` has settled. */
  idle(): Promise<void> {
    return this.window.idle();
  }

  /** Abandons the link at once (judged dead, being replaced, or setup failed). */
  drop(): void {
    this.ended = true;
    this.window.stop();
    this.client.removeAllListeners('close');
    this.client.end(true);
  }

  /** A clean DISCONNECT: with `clean: false` the broker keeps the session and queues what comes meanwhile. */
  async close(timeoutMs: number): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.client.removeAllListeners('close');
    await withTimeout(this.client.endAsync(false), timeoutMs, () => new Error('timeout')).catch(() => this.client.end(true));
  }

  private storeFailed(err: unknown, packet: IPublishPacket): void {
    // Neither it nor any later one is acknowledged: drop the link, so the broker delivers them again after the reconnect.
    this.o.logger.error({ err: safeErrorMessage(err), topic: packet.topic }, 'mqtt: a message could not be stored; reconnecting');
    this.drop();
    this.o.onLost('a message could not be stored');
  }

  private lost(): void {
    if (this.ended) return;
    this.ended = true;
    this.window.stop();
    this.client.end(true);
    this.o.onLost(this.lastError ?? 'connection closed');
  }
}
