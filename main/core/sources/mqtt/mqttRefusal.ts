// What a broker's refusal means for the person: a problem only they can fix (auth_failed), or one to retry.

/** CONNACK / SUBACK codes of MQTT 3.1.1 and 5 that mean "these credentials may not do this". */
const AUTH_CODES = new Set([4, 5, 0x86, 0x87, 0x8a, 0x8c]);
const VERSION_CODES = new Set([1, 0x84]);

/** Bad credentials, or not authorised for the topic: `auth_failed`, retried slowly. */
export class MqttAuthProblem extends Error {}

export function describeConnectError(err: unknown, protocolVersion: 4 | 5): Error {
  const code = typeof (err as { code?: unknown })?.code === 'number' ? (err as { code: number }).code : undefined;
  if (code !== undefined && AUTH_CODES.has(code)) {
    // Mosquitto answers a wrong password with 5 ("not authorised") under MQTT 3.1.1, so both name the login.
    return new MqttAuthProblem(code === 4 || code === 0x86 ? 'the broker refused the user name or password' : 'the broker refused the login: wrong user name or password, or this user may not connect');
  }
  if (code !== undefined && VERSION_CODES.has(code)) {
    return new Error(`the broker refused MQTT ${protocolVersion === 5 ? '5 (set mqtt.protocolVersion to 4)' : '3.1.1'}`);
  }
  if (code === 2 || code === 0x85) return new Error('the broker refused the client id (set mqtt.clientId)');
  const message = err instanceof Error ? err.message : String(err);
  return new Error(message || 'connection failed');
}

/** A SUBACK grant of 128 (3.1.1) or ≥ 0x80 (5) is a refusal; 0x87 and 128 on Mosquitto mean the ACL denies it. */
export function subscriptionRefusal(qos: number, topic: string): Error | undefined {
  if (qos < 0x80) return undefined;
  if (qos === 128 || qos === 0x87) return new MqttAuthProblem(`not authorised to read topic ${topic}`);
  return new Error(`the broker refused the subscription to ${topic} (code ${qos})`);
}
