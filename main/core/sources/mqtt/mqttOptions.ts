import { readFile } from 'node:fs/promises';
import type { IClientOptions } from 'mqtt';
import { withTimeout } from '../../connection/timeout.js';
import type { MqttSettings } from '../../settings/schema.js';
import { MQTT_ACK_WINDOW } from './ackWindow.js';
import type { MqttTiming } from './mqttTiming.js';

/** `servicebell-<restaurant>-<host>`: stable per PC and restaurant, so the broker keeps this PC's session. */
export function defaultClientId(restaurantId: string, hostName: string): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `servicebell-${clean(restaurantId) || 'default'}-${clean(hostName) || 'pc'}`.slice(0, 100);
}

export class MqttSetupProblem extends Error {}

/**
 * MQTT.js options for a persistent session: `clean: false`, a stable client id, no reconnects of its own (the
 * source schedules them, with jitter), MQTT 5 with a session expiry interval and a Receive Maximum of the ack window
 * (the broker then sends no more unacknowledged messages than the window holds).
 */
export async function clientOptions(
  settings: MqttSettings,
  clientId: string,
  password: string | undefined,
  timing: MqttTiming,
): Promise<IClientOptions> {
  const options: IClientOptions = {
    clientId,
    clean: false,
    protocolVersion: settings.protocolVersion,
    keepalive: timing.keepaliveSeconds,
    connectTimeout: timing.connectTimeoutMs,
    reconnectPeriod: 0,
    resubscribe: false,
    queueQoSZero: false,
  };
  if (settings.protocolVersion === 5) options.properties = { sessionExpiryInterval: timing.sessionExpirySeconds, receiveMaximum: MQTT_ACK_WINDOW };
  if (settings.username !== undefined) options.username = settings.username;
  if (password !== undefined) options.password = password;
  if (settings.ca !== undefined) {
    try {
      options.ca = await withTimeout(readFile(settings.ca, 'utf8'), 5_000, () => new Error('timed out'));
    } catch (err) {
      throw new MqttSetupProblem(`cannot read mqtt.ca (${settings.ca}): ${(err as Error).message}`);
    }
  }
  return options;
}
