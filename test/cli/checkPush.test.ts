// `servicebell check` with one restaurant on a real Mosquitto and one on a real ntfy server: each probe connects with
// the restaurant's own login, says what it proved, fails with the broker's or server's reason, and never prints a secret.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoServer } from '../harness/servers/mosquittoServer.js';
import { startNtfy, type NtfyServer } from '../harness/servers/ntfyServer.js';
import { runCli } from '../harness/runCli.js';

let broker: MosquittoServer;
let ntfy: NtfyServer;
let dir: string;

const MQTT_PASSWORD = 'pos-centrum-mqtt-pw';
beforeAll(async () => {
  broker = await startMosquitto({ users: [{ username: 'pos-centrum', password: MQTT_PASSWORD, read: ['restaurants/centrum/#'] }] });
  ntfy = await startNtfy({
    users: [
      { username: 'pos-bistro', password: 'pos-bistro-pw', access: { 'bistro-alerts': 'read-only' } },
      { username: 'pos-other', password: 'pos-other-pw', access: { 'other-alerts': 'read-only' } },
    ],
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'sb-check-push-'));
});
afterAll(async () => {
  await Promise.all([broker.stop(), ntfy.stop()]);
});

function config(topics: string[] = ['bistro-alerts']): string {
  const file = path.join(dir, `config-${topics.join('-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      version: 2,
      restaurants: [
        { id: 'centrum', name: 'Trattoria Centrum', mqtt: { enabled: true, url: broker.url, topic: 'restaurants/centrum/alerts', username: 'pos-centrum' } },
        { id: 'bistro', name: 'Bistro', ntfy: { enabled: true, baseUrl: ntfy.baseUrl, topics } },
      ],
    }),
  );
  return file;
}

const noKeychainSecrets = { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' };

describe('servicebell check with MQTT and ntfy restaurants', () => {
  it('passes against the real servers, each restaurant with its own secret, sending nothing', async () => {
    const env = { ...noKeychainSecrets, SERVICEBELL_MQTT_PASSWORD__CENTRUM: MQTT_PASSWORD, SERVICEBELL_NTFY_TOKEN__BISTRO: ntfy.tokens['pos-bistro'] ?? '' };
    const result = await runCli(['check', '--config', config(), '--data-dir', dir], { env, timeoutMs: 40_000 });
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'ok   settings: valid',
      'ok   [centrum] secret mqtt.password: found in environment',
      `ok   [centrum] mqtt: ${broker.url}: user pos-centrum accepted; subscription to restaurants/centrum/alerts granted (QoS 1; some brokers, Mosquitto among them, grant a topic their ACL denies and then deliver nothing)`,
      'ok   [bistro] ntfy bistro-alerts: readable (access token accepted)',
      expect.stringMatching(/^ok {3}data folder: writable \(/),
    ]);
    expect(result.code, result.stderr).toBe(0);
    // Nothing was published: the ntfy topic's cache is empty.
    const cached = await fetch(`${ntfy.baseUrl}/bistro-alerts/json?poll=1&since=all`, { headers: { Authorization: `Bearer ${ntfy.tokens['pos-bistro'] ?? ''}` }, signal: AbortSignal.timeout(5_000) });
    expect(await cached.text()).toBe('');
  });

  it('a wrong MQTT password, a missing one, and an ntfy topic of another restaurant are FAIL lines with the reason', async () => {
    const env = { ...noKeychainSecrets, SERVICEBELL_MQTT_PASSWORD__CENTRUM: 'wrong-mqtt-pw-4242', SERVICEBELL_NTFY_TOKEN__BISTRO: ntfy.tokens['pos-bistro'] ?? '' };
    const result = await runCli(['check', '--config', config(['bistro-alerts', 'other-alerts']), '--data-dir', dir], { env, timeoutMs: 40_000 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL [centrum] mqtt: ${broker.url}: the broker refused the login: wrong user name or password, or this user may not connect`);
    expect(result.stdout).toContain('ok   [bistro] ntfy bistro-alerts: readable (access token accepted)');
    expect(result.stdout).toContain('FAIL [bistro] ntfy other-alerts: not allowed to read topic other-alerts (403: forbidden, code 40301)');
    expect(result.stdout + result.stderr).not.toContain('wrong-mqtt-pw-4242');
    expect(result.stdout + result.stderr).not.toContain(ntfy.tokens['pos-bistro']);

    const missing = await runCli(['check', '--config', config(), '--data-dir', dir], { env: { ...env, SERVICEBELL_MQTT_PASSWORD__CENTRUM: '' }, timeoutMs: 40_000 });
    expect(missing.stdout).toMatch(/FAIL \[centrum\] secret mqtt\.password: missing: set it with `servicebell credentials set mqtt\.password --restaurant centrum`/);
    expect(missing.code).toBe(1);
  });
});
