// `servicebell check` for MQTT: one connect with the restaurant's login and one QoS 1 subscription to its topic,
// within a deadline, then a clean disconnect. It uses its own client id with a clean session, so a check never takes
// over, or leaves messages queued for, the running app's persistent session. It never publishes.
import os from 'node:os';
import type { CheckLine, ConnectionProbe } from '../../check/connectionCheck.js';
import { silentLogger } from '../../log/logger.js';
import { safeErrorMessage } from '../../log/redact.js';
import type { MqttSettings } from '../../settings/schema.js';
import type { SecretGetter } from '../../secrets/secretNames.js';
import { MqttConnection } from './mqttConnection.js';
import { clientOptions, defaultClientId } from './mqttOptions.js';
import { DEFAULT_MQTT_TIMING, type MqttTiming } from './mqttTiming.js';

export interface MqttProbeOptions {
  hostName?: string;
  restaurantId?: string;
  timing?: Partial<MqttTiming>;
}

/** The check's own client id: the app's with `-check`, so the broker never hands it the app's session. */
export function checkClientId(settings: MqttSettings, restaurantId: string, hostName: string): string {
  return `${(settings.clientId ?? defaultClientId(restaurantId, hostName)).slice(0, 100)}-check`;
}

export async function probeMqtt(settings: MqttSettings, getSecret: SecretGetter, probe: MqttProbeOptions = {}): Promise<CheckLine[]> {
  if (!settings.url || !settings.topic) return [{ name: 'mqtt', ok: false, detail: 'mqtt.url and mqtt.topic must be set' }];
  const timing: MqttTiming = { ...DEFAULT_MQTT_TIMING, ...probe.timing };
  const clientId = checkClientId(settings, probe.restaurantId ?? 'default', probe.hostName ?? os.hostname());
  const login = settings.username === undefined ? 'no login' : `user ${settings.username}`;
  let connection: MqttConnection | undefined;
  try {
    const password = settings.username === undefined ? undefined : await getSecret('mqtt.password');
    const options = await clientOptions(settings, clientId, password, timing);
    // A clean session that ends with the check: nothing is kept or queued for it on the broker.
    options.clean = true;
    delete options.properties;
    const opened = await MqttConnection.open({
      url: settings.url, options, topic: settings.topic, protocolVersion: settings.protocolVersion,
      requestTimeoutMs: timing.requestTimeoutMs, logger: silentLogger(),
      onMessage: async () => {}, onLost: () => {},
    });
    connection = opened.connection;
  } catch (err) {
    return [{ name: 'mqtt', ok: false, detail: `${settings.url}: ${safeErrorMessage(err)}` }];
  } finally {
    await connection?.close(timing.stopTimeoutMs);
  }
  return [{
    name: 'mqtt',
    ok: true,
    // Mosquitto 2.0 grants a subscription its ACL denies (and then delivers nothing): say what was proven.
    detail: `${settings.url}: ${login} accepted; subscription to ${settings.topic} granted (QoS 1; some brokers, Mosquitto among them, grant a topic their ACL denies and then deliver nothing)`,
  }];
}

export const mqttProbe: ConnectionProbe = {
  name: 'mqtt',
  applies: (settings) => settings.mqtt.enabled,
  run: (settings, getSecret) => probeMqtt(settings.mqtt, getSecret, { restaurantId: settings.id }),
};
