// The wired path, end to end: `servicebell headless` (the real CLI, a child process) with one restaurant on a real
// Mosquitto and one on a real ntfy server, notifying over a real D-Bus notification server. A support request
// published by the restaurant backend becomes a notification with Join Meeting (the click opens the meeting), and
// across a restart of the app and of each server, nothing published is lost or shown twice.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { installRecordingXdgOpen } from '../harness/recordingOpener.js';
import { startCli } from '../harness/runCli.js';
import { startMosquitto, type MosquittoServer } from '../harness/servers/mosquittoServer.js';
import { startNtfy, type NtfyServer } from '../harness/servers/ntfyServer.js';
import { sleep, waitUntil } from '../harness/wait.js';
import { backend } from '../mqtt/mqttHarness.js';
import { supportRequest } from './pipelineSink.js';

const MQTT_TOPIC = 'restaurants/centrum/alerts';
const NTFY_TOPIC = 'bistro-alerts';
const MQTT_USERS = [
  { username: 'pos-centrum', password: 'pos-centrum-pw', read: ['restaurants/centrum/#'] },
  { username: 'backend', password: 'backend-pw', write: ['restaurants/#'] },
];
const NTFY_USERS = [
  { username: 'pos-bistro', password: 'pos-bistro-pw', access: { [NTFY_TOPIC]: 'read-only' as const } },
  { username: 'backend', password: 'backend-pw', access: { [NTFY_TOPIC]: 'read-write' as const } },
];

let desktop: PrivateDesktop;
let xdg: ReturnType<typeof installRecordingXdgOpen>;
let broker: MosquittoServer;
let ntfy: NtfyServer;
let dir: string;
const stops: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  xdg = installRecordingXdgOpen();
  desktop = await startPrivateDesktop({ keyring: true });
  broker = await startMosquitto({ users: MQTT_USERS });
  ntfy = await startNtfy({ users: NTFY_USERS });
  dir = mkdtempSync(path.join(os.tmpdir(), 'sb-headless-push-'));
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
  xdg.restore();
  await Promise.all([broker.stop(), ntfy.stop()]);
  await desktop.stop();
});

function writeConfig(mqttTopic = MQTT_TOPIC): string {
  const file = path.join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      version: 2,
      restaurants: [
        {
          id: 'centrum', name: 'Trattoria Centrum',
          mqtt: { enabled: true, url: broker.url, topic: mqttTopic, username: 'pos-centrum' },
          links: { allowedHosts: ['meet.example.com'] },
        },
        { id: 'bistro', name: 'Bistro', ntfy: { enabled: true, baseUrl: ntfy.baseUrl, topics: [NTFY_TOPIC] }, links: { allowedHosts: ['meet.example.com'] } },
      ],
      notifications: { burst: { count: 50, windowSeconds: 10 } },
    }),
  );
  return file;
}

interface Line { type: string; source?: string; restaurant?: string; state?: string; id?: string; detail?: string }

/** One headless run on the test's data folder; resolves once both connections are up. */
async function headless(config: string) {
  const run = startCli(['headless', '--json', '--config', config, '--data-dir', dir], {
    DBUS_SESSION_BUS_ADDRESS: desktop.busAddress,
    SERVICEBELL_MQTT_PASSWORD__CENTRUM: 'pos-centrum-pw',
    SERVICEBELL_NTFY_TOKEN__BISTRO: ntfy.tokens['pos-bistro'] ?? '',
    SERVICEBELL_LOG_DIR: path.join(dir, 'logs'),
  });
  const lines = (): Line[] => run.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  const alerts = (): string[] => lines().filter((l) => l.type === 'alert').map((l) => `${l.restaurant ?? ''}/${l.source ?? ''}/${l.id ?? ''}`);
  const connections = (): number => lines().filter((l) => l.type === 'status' && l.state === 'connected').length;
  const stop = async (): Promise<void> => {
    if (run.child.exitCode !== null) return;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  };
  stops.push(async () => run.child.kill('SIGKILL'));
  await waitUntil(() => ['centrum/mqtt', 'bistro/ntfy'].every((c) => lines().some((l) => l.type === 'status' && l.state === 'connected' && `${l.restaurant ?? ''}/${l.source ?? ''}` === c)), 20_000, `both connected\n${run.stderr()}`);
  return { run, lines, alerts, connections, stop };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const publishNtfy = (id: string): Promise<string> => ntfy.publish('backend', { topic: NTFY_TOPIC, message: supportRequest(id) });

describe('headless with a restaurant on MQTT and one on ntfy', () => {
  it('a published support request is a D-Bus notification with Join Meeting; nothing lost or doubled across restarts', async () => {
    const config = writeConfig();
    const first = await headless(config);
    const pub = await backend(broker.url, { username: 'backend', password: 'backend-pw' });
    stops.push(() => pub.endAsync());
    await pub.send(supportRequest('m-1'), { topic: MQTT_TOPIC });
    await publishNtfy('n-1');

    const mqttShown = await desktop.notifications.waitFor((n) => n.body === 'guest-m-1@example.com has requested support', 10_000);
    expect(mqttShown.summary).toBe('Trattoria Centrum · Support request');
    expect(mqttShown.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    const ntfyShown = await desktop.notifications.waitFor((n) => n.body === 'guest-n-1@example.com has requested support', 10_000);
    expect(ntfyShown.summary).toBe('Bistro · Support request');
    expect(ntfyShown.actions).toContain('join');
    desktop.notifications.click(mqttShown.id, 'join');
    desktop.notifications.click(ntfyShown.id, 'join');
    await waitUntil(() => xdg.opened().length >= 2, 5_000, 'both Join Meeting clicks opened');
    expect(xdg.opened().sort()).toEqual(['https://meet.example.com/r/m-1', 'https://meet.example.com/r/n-1']);

    // Each server restarts under the running app (Mosquitto keeps its sessions, ntfy its cache): it reconnects.
    const before = first.connections();
    await broker.restart({ persistence: true });
    await ntfy.restart();
    await waitUntil(() => first.connections() >= before + 2, 20_000, 'both reconnected after the server restarts');
    await pub.endAsync().catch(() => {});
    const pub2 = await backend(broker.url, { username: 'backend', password: 'backend-pw' });
    stops.push(() => pub2.endAsync());
    await pub2.send(supportRequest('m-2'), { topic: MQTT_TOPIC });
    await publishNtfy('n-2');
    await waitUntil(() => first.alerts().length >= 4, 10_000, 'the alerts after the server restarts');

    // The app is off while more requests come, and each server restarts meanwhile: the next run gets each once.
    await first.stop();
    await pub2.send(supportRequest('m-3'), { topic: MQTT_TOPIC });
    await pub2.send(supportRequest('m-3'), { topic: MQTT_TOPIC }); // a backend retry: same id
    await publishNtfy('n-3');
    await pub2.endAsync();
    await broker.restart({ persistence: true });
    await ntfy.restart();
    const second = await headless(config);
    await waitUntil(() => second.alerts().length >= 2, 15_000, 'the requests sent while the app was off');
    await sleep(1_000);
    expect(second.alerts().sort()).toEqual(['bistro/ntfy/n-3', 'centrum/mqtt/m-3']);
    await second.stop();

    const bodies = desktop.notifications.notifications.map((n) => n.body).filter((b) => b.endsWith('has requested support'));
    expect(bodies.sort()).toEqual(['m-1', 'm-2', 'm-3', 'n-1', 'n-2', 'n-3'].sort().map((id) => `guest-${id}@example.com has requested support`));
    expect(first.alerts().sort()).toEqual(['bistro/ntfy/n-1', 'bistro/ntfy/n-2', 'centrum/mqtt/m-1', 'centrum/mqtt/m-2']);

    // Neither secret is in any output, log, history, cursor or notification.
    const everything = [first, second].map((r) => r.run.stdout() + r.run.stderr()).join('\n') + filesUnder(dir).map((f) => readFileSync(f, 'utf8')).join('\n') + JSON.stringify(desktop.notifications.notifications);
    expect(filesUnder(dir).some((f) => f.endsWith('.log'))).toBe(true);
    for (const secret of ['pos-centrum-pw', ntfy.tokens['pos-bistro'] ?? 'no token']) expect(everything).not.toContain(secret);
  }, 120_000);

  it('an edit of the MQTT section restarts only that connection', async () => {
    const config = writeConfig();
    const run = await headless(config);
    const ntfyLines = (): number => run.lines().filter((l) => l.type === 'status' && l.source === 'ntfy').length;
    const ntfyBefore = ntfyLines();
    writeConfig('restaurants/centrum/kitchen');
    await waitUntil(() => run.lines().some((l) => l.type === 'status' && l.source === 'mqtt' && l.state === 'connected' && (l.detail ?? '').includes('restaurants/centrum/kitchen')), 15_000, 'mqtt on the new topic');
    const pub = await backend(broker.url, { username: 'backend', password: 'backend-pw' });
    stops.push(() => pub.endAsync());
    await pub.send(supportRequest('kitchen-1'), { topic: 'restaurants/centrum/kitchen' });
    await waitUntil(() => run.alerts().includes('centrum/mqtt/kitchen-1'), 10_000, 'the request on the new topic');
    expect(ntfyLines()).toBe(ntfyBefore);
    await run.stop();
  }, 60_000);
});
