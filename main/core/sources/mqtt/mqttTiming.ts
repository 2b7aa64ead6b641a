import type { BackoffOptions } from '../../connection/backoff.js';

/** Every delay the MQTT source uses; tests shorten them instead of sleeping. */
export interface MqttTiming {
  /** TCP/TLS/WebSocket + CONNACK. */
  connectTimeoutMs: number;
  /** SUBACK. */
  requestTimeoutMs: number;
  /** MQTT keepalive in seconds: MQTT.js pings when idle and drops the link when no PINGRESP comes back. */
  keepaliveSeconds: number;
  backoff: BackoffOptions;
  /** Retry delay after a refusal only the user can fix (password, ACL). */
  authRetryMs: number;
  stopTimeoutMs: number;
  /** MQTT 5 session expiry: how long the broker keeps this PC's session and queue while it is off. */
  sessionExpirySeconds: number;
}

export const DEFAULT_MQTT_TIMING: MqttTiming = {
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  keepaliveSeconds: 30,
  backoff: { baseMs: 1_000, maxMs: 60_000 },
  authRetryMs: 60_000,
  stopTimeoutMs: 1_000,
  // Two weeks: a PC switched off over a holiday still gets what was sent meanwhile.
  sessionExpirySeconds: 14 * 24 * 3600,
};
