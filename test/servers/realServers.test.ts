// The harness itself: each real server starts on a free 127.0.0.1 port with its generated config, enforces what
// the config says, and is gone afterwards.
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { startMosquitto } from '../harness/servers/mosquittoServer.js';
import { startNatsServer } from '../harness/servers/natsServer.js';
import { startNtfy } from '../harness/servers/ntfyServer.js';
import { waitForPort } from '../harness/servers/serverProcess.js';

async function roundTrip(url: string, auth: { username: string; password: string }, topic: string, publisher = auth): Promise<string> {
  const sub = await mqtt.connectAsync(url, { ...auth, clientId: `rt-sub-${Date.now()}`, reconnectPeriod: 0, connectTimeout: 5_000 });
  const pub = await mqtt.connectAsync(url, { ...publisher, clientId: `rt-pub-${Date.now()}`, reconnectPeriod: 0, connectTimeout: 5_000 });
  try {
    await sub.subscribeAsync(topic, { qos: 1 });
    const got = new Promise<string>((resolve) => sub.on('message', (_t, payload) => resolve(payload.toString())));
    await pub.publishAsync(topic, 'hello', { qos: 1 });
    return await got;
  } finally {
    await sub.endAsync();
    await pub.endAsync();
  }
}

describe('real servers for the push sources', () => {
  it('Mosquitto: password file and ACL are enforced; stop frees the port', async () => {
    const broker = await startMosquitto({
      users: [
        { username: 'pos', password: 'pos-pw', read: ['restaurants/r1/#'] },
        { username: 'backend', password: 'be-pw', write: ['restaurants/#'] },
      ],
    });
    try {
      expect(await roundTrip(broker.url, { username: 'pos', password: 'pos-pw' }, 'restaurants/r1/alerts', { username: 'backend', password: 'be-pw' })).toBe('hello');
      await expect(mqtt.connectAsync(broker.url, { username: 'pos', password: 'wrong', reconnectPeriod: 0, connectTimeout: 5_000 })).rejects.toThrow(/Not authorized|Bad username/i);
    } finally {
      await broker.stop();
    }
    await expect(waitForPort(broker.port, 200, 'stopped mosquitto')).rejects.toThrow();
  });

  it('nats-server: JetStream and the MQTT listener accept an MQTT 3.1.1 client', async () => {
    const nats = await startNatsServer({ users: [{ username: 'pos', password: 'pos-pw' }] });
    try {
      expect(await roundTrip(nats.mqttUrl, { username: 'pos', password: 'pos-pw' }, 'restaurants/r1/alerts')).toBe('hello');
    } finally {
      await nats.stop();
    }
  });

  it('ntfy: deny-all by default, per-topic access, tokens, a JSON stream', async () => {
    const server = await startNtfy({
      users: [
        { username: 'backend', password: 'be-pw', access: { 'r1-alerts': 'read-write' } },
        { username: 'pos', password: 'pos-pw', access: { 'r1-alerts': 'read-only' } },
      ],
    });
    try {
      const anonymous = await fetch(`${server.baseUrl}/r1-alerts/json?poll=1`);
      expect(anonymous.status).toBe(403);
      const id = await server.publish('backend', { topic: 'r1-alerts', message: 'hi' });
      const polled = await fetch(`${server.baseUrl}/r1-alerts/json?poll=1&since=all`, { headers: { Authorization: `Bearer ${server.tokens.pos}` } });
      expect(polled.status).toBe(200);
      expect((await polled.text()).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([id]);
      const other = await fetch(`${server.baseUrl}/r2-alerts/json?poll=1`, { headers: { Authorization: `Bearer ${server.tokens.pos}` } });
      expect(other.status).toBe(403);
    } finally {
      await server.stop();
    }
  });
});
