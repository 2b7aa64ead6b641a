// MQTT source tests: a real broker, a bare MQTT.js client as the restaurant backend, the source under test.
import mqtt, { type MqttClient } from 'mqtt';
import os from 'node:os';
import { silentLogger, type Logger } from '../../main/core/log/logger.js';
import { mqttSettingsSchema, type MqttSettings } from '../../main/core/settings/schema.js';
import { MqttSource, type MqttTiming } from '../../main/core/sources/mqtt/mqttSource.js';
import type { PipelineSink } from '../push/pipelineSink.js';

export const FAST_MQTT_TIMING: Partial<MqttTiming> = {
  connectTimeoutMs: 2_000,
  requestTimeoutMs: 2_000,
  keepaliveSeconds: 1,
  backoff: { baseMs: 50, maxMs: 300 },
  authRetryMs: 300,
  stopTimeoutMs: 500,
};

export const POS = { username: 'pos-r1', password: 'pos-r1-pw' };
export const BACKEND = { username: 'backend', password: 'backend-pw' };
export const TOPIC = 'restaurants/r1/alerts';
/** The users of one test broker: the PC of restaurant r1 may read only its own topic; the backend may publish anywhere. */
export const USERS = [
  { ...POS, read: ['restaurants/r1/#'] },
  { username: 'pos-r2', password: 'pos-r2-pw', read: ['restaurants/r2/#'] },
  { ...BACKEND, write: ['restaurants/#'] },
];

export function settings(url: string, extra: Partial<MqttSettings> = {}): MqttSettings {
  return mqttSettingsSchema.parse({ enabled: true, url, topic: TOPIC, username: POS.username, clientId: `pos-r1-${os.hostname()}`.slice(0, 60), ...extra });
}

export function makeSource(sink: PipelineSink, s: MqttSettings, options: { password?: string; logger?: Logger } = {}): MqttSource {
  const password = 'password' in options ? options.password : POS.password;
  return new MqttSource({
    settings: s, password: async () => password, sink, marks: sink.cursors, logger: options.logger ?? silentLogger(), hostName: os.hostname(),
    timing: FAST_MQTT_TIMING,
  });
}

/** The restaurant backend: a bare MQTT.js client publishing QoS 1. */
export async function backend(url: string, auth = BACKEND, protocolVersion: 4 | 5 = 4): Promise<MqttClient & { send(payload: string | Buffer, opts?: { retain?: boolean; topic?: string }): Promise<void> }> {
  const client = await mqtt.connectAsync(url, { ...auth, clientId: `backend-${Math.random().toString(16).slice(2)}`, reconnectPeriod: 0, connectTimeout: 5_000, protocolVersion });
  return Object.assign(client, {
    async send(payload: string | Buffer, opts: { retain?: boolean; topic?: string } = {}) {
      await client.publishAsync(opts.topic ?? TOPIC, payload, { qos: 1, retain: opts.retain ?? false });
    },
  });
}
