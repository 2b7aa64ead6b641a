// `npm run demo`: two restaurants, each on its own set of local emulators (Trattoria Centrum: restaurant backend,
// Vonage and a PrivMX Bridge; Bistro Mokotów: another PrivMX Bridge and SMSAPI), a real headless session against
// them, and a few sample events, so a newcomer sees real notifications — each naming its restaurant — within
// seconds, with nothing configured. On a desktop the notifications appear on screen; without a session bus the demo brings up a
// private one with a recording notification server and prints what it received.
// `--once`: exit after the sample events have been handled (used by the demo's own test).
// Ctrl-C (SIGINT to the whole process group) and SIGTERM both end it: the headless child is stopped (SIGTERM, then
// SIGKILL after 10 s), the emulators closed and the temp folder removed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startPrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startSmsapiEmulator } from '../emulators/smsapi/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
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
  const all = ['default/vonage', 'default/privmx', 'bistro-mokotow/privmx'];
  await waitFor(() => all.every((c) => connected.has(c)), 'every connection of both restaurants');
  say('both restaurants connected; sending sample events');
  vonage.push({ email: 'guest@example.com', host_url: 'https://meetings.vonage.com/demo-room' });
  bistroBridge.sendMessage(orders.id, { author: 'waiter-anna' });
  trattoriaBridge.sendInboxEntry(inbox.id);
  await waitFor(() => alerts.length >= 3, 'three alerts');
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
  await Promise.all([vonage.stop(), backend.stop(), trattoriaBridge.stop(), bistroBridge.stop(), sms.stop()]);
}
process.exit(exitCode);
