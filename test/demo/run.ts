// `npm run demo`: three restaurants, each on its own local services (Trattoria Centrum: restaurant backend, Vonage
// and a PrivMX Bridge, emulated; Bistro Mokotów: another PrivMX Bridge and SMSAPI, emulated; Pizzeria Wola: what
// replaces Vonage, a real Mosquitto and a real ntfy server started here), a real headless session against them, and
// a few sample events, so a newcomer sees real notifications — each naming its restaurant — within seconds, with
// nothing configured. On a desktop the notifications appear on screen; without a session bus the demo brings up a
// private one with a recording notification server and prints what it received.
// `--once`: exit after the sample events have been handled (used by the demo's own test).
// Ctrl-C (SIGINT to the whole process group) and SIGTERM both end it: the headless child is stopped (SIGTERM, then
// SIGKILL after 10 s), the emulators closed and the temp folder removed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startPrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startSmsapiEmulator } from '../emulators/smsapi/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
import { startMosquitto } from '../harness/servers/mosquittoServer.js';
import { startNtfy } from '../harness/servers/ntfyServer.js';
import { startSessionBus } from '../harness/desktopSession.mjs';
import { RecordingNotificationServer } from '../harness/notificationServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const once = process.argv.includes('--once');
const say = (text: string): void => void process.stderr.write(`demo: ${text}\n`);

// From the first moment: a signal during start-up must not leave the headless child or the temp folder behind.
let stopSignal: string | undefined;
const stopWaiters: Array<() => void> = [];
const onStopSignal = (signal: string): void => {
  stopSignal ??= signal;
  for (const wake of stopWaiters.splice(0)) wake();
};
process.on('SIGINT', () => onStopSignal('SIGINT'));
process.on('SIGTERM', () => onStopSignal('SIGTERM'));
const stopRequested = (): Promise<void> => new Promise((resolve) => (stopSignal ? resolve() : stopWaiters.push(resolve)));

const STAFF_TOKEN = 'demo-staff-token';
const SMS_TOKEN = 'demo-smsapi-token';

const backend = await startBackendEmulator({ conversationId: 'CON-demo-pos-notifications', staffTokens: [STAFF_TOKEN] });
const vonage = await startVonageEmulator({ conversationId: 'CON-demo-pos-notifications', conversationName: 'pos-notifications', publicKey: backend.publicKeyPem });
// Trattoria Centrum's Bridge takes table bookings; Bistro Mokotów's takes orders (and texts the duty phone).
const trattoriaBridge = await startPrivmxBridgeEmulator();
const bistroBridge = await startPrivmxBridgeEmulator();
const sms = await startSmsapiEmulator({ tokens: [SMS_TOKEN] });
const trattoriaKey = trattoriaBridge.addApiKey();
const inbox = trattoriaBridge.addInbox(trattoriaBridge.addContext({ name: 'Trattoria' }).id, { publicMeta: { name: 'Table bookings' } });
const bistroKey = bistroBridge.addApiKey();
const orders = bistroBridge.addThread(bistroBridge.addContext({ name: 'Bistro' }).id, { publicMeta: { name: 'Orders' } });
// Pizzeria Wola's backend publishes to a real Mosquitto (its PC may only read its own topic) and to a real ntfy
// server (deny-all; the PC reads its topic with an access token): see docs/after-vonage.md.
const WOLA_TOPIC = 'restaurants/pizzeria-wola/alerts';
const WOLA_NTFY_TOPIC = 'pizzeria-wola-alerts';
const broker = await startMosquitto({
  users: [
    { username: 'pos-wola', password: 'demo-pos-wola-mqtt', read: ['restaurants/pizzeria-wola/#'] },
    { username: 'backend', password: 'demo-backend-mqtt', write: ['restaurants/#'] },
  ],
});
const ntfy = await startNtfy({
  users: [
    { username: 'pos-wola', password: 'demo-pos-wola-ntfy', access: { [WOLA_NTFY_TOPIC]: 'read-only' } },
    { username: 'backend', password: 'demo-backend-ntfy', access: { [WOLA_NTFY_TOPIC]: 'read-write' } },
  ],
});

// Without a desktop session (SSH, CI) there is nobody to show notifications to: record them instead.
let recorder: RecordingNotificationServer | undefined;
let privateBus: { address: string; stop(): Promise<void> } | undefined;
const env: NodeJS.ProcessEnv = { ...process.env };
if (!process.env.DBUS_SESSION_BUS_ADDRESS || once) {
  privateBus = await startSessionBus();
  recorder = await RecordingNotificationServer.start({ busAddress: privateBus.address });
  env.DBUS_SESSION_BUS_ADDRESS = privateBus.address;
  say('no desktop session bus (or --once): notifications go to a recording server and are printed here');
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'servicebell-demo-'));
const config = path.join(dir, 'config.json');
writeFileSync(
  config,
  JSON.stringify(
    {
      version: 2,
      restaurants: [
        {
          id: 'default',
          name: 'Trattoria Centrum',
          vonage: { enabled: true, backendUrl: backend.url, username: 'frontdesk@trattoria.example', sdk: { url: vonage.url, apiUrl: vonage.url } },
          privmx: {
            enabled: true,
            bridgeUrl: trattoriaBridge.url,
            apiKeyId: trattoriaKey.id,
            rules: [{ name: 'bookings', match: { channel: 'thread', type: 'threadNewMessage', inboxId: inbox.id }, title: 'New table booking', body: 'A guest filled in the booking form' }],
          },
        },
        {
          id: 'bistro-mokotow',
          name: 'Bistro Mokotów',
          privmx: {
            enabled: true,
            bridgeUrl: bistroBridge.url,
            apiKeyId: bistroKey.id,
            rules: [{ name: 'orders', match: { channel: 'thread', type: 'threadNewMessage', threadId: orders.id }, title: 'New order', body: 'From {author} at {time}', actions: ['desktop', 'sms'] }],
          },
          sms: { to: ['+48500100200'], from: 'Bistro', apiUrl: sms.url },
        },
        {
          id: 'pizzeria-wola',
          name: 'Pizzeria Wola',
          mqtt: { enabled: true, url: broker.url, topic: WOLA_TOPIC, username: 'pos-wola' },
          ntfy: { enabled: true, baseUrl: ntfy.baseUrl, topics: [WOLA_NTFY_TOPIC] },
        },
      ],
    },
    null,
    2,
  ),
);
say(`settings: ${config}`);

const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'headless', '--json', '--config', config, '--data-dir', dir], {
  cwd: root,
  env: {
    ...env,
    // The plain names are the `default` restaurant's; `__BISTRO_MOKOTOW` names the other restaurant's secrets.
    SERVICEBELL_VONAGE_BACKEND_TOKEN: STAFF_TOKEN,
    SERVICEBELL_PRIVMX_API_KEY_SECRET: trattoriaKey.secret,
    SERVICEBELL_PRIVMX_API_KEY_SECRET__BISTRO_MOKOTOW: bistroKey.secret,
    SERVICEBELL_SMSAPI_TOKEN__BISTRO_MOKOTOW: SMS_TOKEN,
    SERVICEBELL_MQTT_PASSWORD__PIZZERIA_WOLA: 'demo-pos-wola-mqtt',
    SERVICEBELL_NTFY_TOKEN__PIZZERIA_WOLA: ntfy.tokens['pos-wola'] ?? '',
    SERVICEBELL_LOG_LEVEL: process.env.SERVICEBELL_LOG_LEVEL ?? 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let childRunning = true;
const childExited = new Promise<void>((resolve) => child.once('exit', () => ((childRunning = false), resolve())));

say(`headless session pid ${child.pid}`);

const connected = new Set<string>();
const alerts: string[] = [];
child.stdout.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n').filter(Boolean)) {
    process.stdout.write(`${line}\n`);
    const event = JSON.parse(line) as { type: string; source?: string; restaurant?: string; state?: string; id?: string };
    if (event.type === 'status' && event.state === 'connected' && event.source) connected.add(`${event.restaurant ?? ''}/${event.source}`);
    if (event.type === 'alert' && event.id) alerts.push(event.id);
  }
});

class Stopped extends Error {}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (stopSignal) throw new Stopped(stopSignal);
    if (!childRunning) throw new Error(`demo: the headless session ended while waiting for ${what}`);
    if (Date.now() - start > timeoutMs) throw new Error(`demo: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
async function stopChild(): Promise<void> {
  if (!childRunning) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([childExited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
  if (childRunning) {
    say('the headless session did not stop within 10 s; killing it');
    child.kill('SIGKILL');
    await childExited;
  }
}

let exitCode = 0;
try {
  const all = ['default/vonage', 'default/privmx', 'bistro-mokotow/privmx', 'pizzeria-wola/mqtt', 'pizzeria-wola/ntfy'];
  await waitFor(() => all.every((c) => connected.has(c)), 'every connection of the three restaurants');
  say('all three restaurants connected; sending sample events');
  vonage.push({ email: 'guest@example.com', host_url: 'https://meetings.vonage.com/demo-room' });
  bistroBridge.sendMessage(orders.id, { author: 'waiter-anna' });
  trattoriaBridge.sendInboxEntry(inbox.id);
  // What the restaurant backend does instead of Vonage: publish the support request to MQTT (QoS 1)…
  const publisher = await mqtt.connectAsync(broker.url, { username: 'backend', password: 'demo-backend-mqtt', reconnectPeriod: 0, connectTimeout: 5_000 });
  await publisher.publishAsync(
    WOLA_TOPIC,
    JSON.stringify({ type: 'support_request', id: 'wola-order-17-call-1', email: 'table17@example.com', host_url: 'https://meetings.vonage.com/demo-mqtt-room' }),
    { qos: 1 },
  );
  await publisher.endAsync();
  // …or POST a native ntfy message (phones subscribed to the topic get it too), its meeting as a `view` action.
  await ntfy.publish('backend', {
    topic: WOLA_NTFY_TOPIC,
    title: 'Table 4 asks for a waiter',
    message: 'A guest pressed the call button at table 4',
    actions: [{ action: 'view', label: 'Join Meeting', url: 'https://meetings.vonage.com/demo-ntfy-room' }],
  });
  await waitFor(() => alerts.length >= 5, 'five alerts');
  await waitFor(() => sms.messages.length >= 1, 'the SMS', 15_000);
  for (const m of sms.messages) say(`SMS at the SMSAPI emulator: to ${m.to} "${m.message}"`);
  for (const n of recorder?.notifications ?? []) say(`notification: "${n.summary}" — ${n.body}${n.actions.length ? ` [${n.actions[1]}]` : ''}`);
  if (!once) {
    say('running; press Ctrl-C to stop (try: the Join Meeting button on the support request)');
    await Promise.race([stopRequested(), childExited]);
    if (!stopSignal) throw new Error('demo: the headless session ended on its own');
  }
} catch (err) {
  if (!(err instanceof Stopped)) {
    say(err instanceof Error ? err.message : String(err));
    exitCode = 1;
  }
} finally {
  if (stopSignal) say(`${stopSignal}: stopping`);
  await stopChild();
  rmSync(dir, { recursive: true, force: true });
  await recorder?.stop();
  await privateBus?.stop();
  await Promise.all([vonage.stop(), backend.stop(), trattoriaBridge.stop(), bistroBridge.stop(), sms.stop(), broker.stop(), ntfy.stop()]);
}
process.exit(exitCode);
