import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startPrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startSmsapiEmulator } from '../emulators/smsapi/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
import { startPrivateDesktop } from '../harness/privateBus.js';
import { waitUntil } from '../harness/wait.js';
import { runCli, startCli } from '../harness/runCli.js';

// Distinctive values: any occurrence anywhere is a leak.
const STAFF_TOKEN = 'LEAKCHECK-staff-7f3a9c01';
const API_SECRET = 'LEAKCHECK-privmx-secret-5b1e2d77';
const SMS_TOKEN = 'LEAKCHECK-smsapi-token-c0ffee42';
const SECRETS = [STAFF_TOKEN, API_SECRET, SMS_TOKEN];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('secrets never leak', () => {
  it('a full session with reconnects and errors leaves no secret in files, stdout or stderr', async () => {
    const desktop = await startPrivateDesktop({ keyring: true });
    const backend = await startBackendEmulator({ conversationId: 'CON-leak', staffTokens: [STAFF_TOKEN], ttlSeconds: 4 });
    const vonage = await startVonageEmulator({ conversationId: 'CON-leak', publicKey: backend.publicKeyPem });
    const bridge = await startPrivmxBridgeEmulator();
    const sms = await startSmsapiEmulator({ tokens: [SMS_TOKEN] });
    const key = bridge.addApiKey({ secret: API_SECRET });
    const context = bridge.addContext();
    const orders = bridge.addThread(context.id);
    // One secret goes through `credentials set` into the real keychain on this bus; the others come from the environment.
    const stored = await runCli(['credentials', 'set', 'privmx.apiKeySecret'], { input: API_SECRET, env: { DBUS_SESSION_BUS_ADDRESS: desktop.busAddress } });
    expect(stored.code).toBe(0);

    const configDir = await mkdtemp(path.join(os.tmpdir(), 'sb-leak-config-'));
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-leak-data-'));
    const logDir = await mkdtemp(path.join(os.tmpdir(), 'sb-leak-logs-'));
    const bundleFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'sb-leak-bundle-')), 'diagnostics.txt');
    let diagnostics = { code: -1 as number | null, stdout: '', stderr: '' };
    const config = path.join(configDir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        vonage: { enabled: true, backendUrl: backend.url, username: 'desk', sdk: { url: vonage.url, apiUrl: vonage.url } },
        privmx: {
          enabled: true,
          bridgeUrl: bridge.url,
          apiKeyId: key.id,
          rules: [{ match: { channel: 'thread', threadId: orders.id }, title: 'New order', body: 'by {author}', actions: ['desktop', 'sms'] }],
        },
        sms: { to: ['+48500100200'], apiUrl: sms.url },
      }),
    );
    const run = startCli(['headless', '--json', '--config', config, '--data-dir', dataDir], {
      DBUS_SESSION_BUS_ADDRESS: desktop.busAddress,
      SERVICEBELL_VONAGE_BACKEND_TOKEN: STAFF_TOKEN,
      SERVICEBELL_PRIVMX_API_KEY_SECRET: '',
      SERVICEBELL_SMSAPI_TOKEN: SMS_TOKEN,
      SERVICEBELL_LOG_LEVEL: 'debug',
      SERVICEBELL_LOG_DIR: logDir,
    });
    try {
      const connected = (source: string, times = 1) => () => run.stdout().split(`"source":"${source}","state":"connected"`).length > times;
      await waitUntil(connected('vonage'), 20_000, 'vonage connected');
      await waitUntil(connected('privmx'), 20_000, 'privmx connected').catch((err: unknown) => {
        throw new Error(`${String(err)}\n${run.stdout()}\n${run.stderr().slice(-3000)}`);
      });

      vonage.push({ email: 'a@example.com', host_url: 'https://meetings.vonage.com/r/1' });
      bridge.sendMessage(orders.id, { author: 'anna' });
      await waitUntil(() => desktop.notifications.notifications.length >= 2, 15_000, 'two notifications');

      // Faults: transports dropped, tokens expired, a failing backend, a failing SMS gateway.
      sms.failNext({ kind: 'http', status: 500 }, 2);
      bridge.sendMessage(orders.id, { author: 'ben' });
      backend.fail(500, 1);
      vonage.expireToken();
      bridge.expireTokens('all');
      bridge.dropSockets();
      vonage.dropTransports();
      await waitUntil(connected('vonage', 2), 20_000, 'vonage reconnected');
      await waitUntil(connected('privmx', 2), 20_000, 'privmx reconnected');
      vonage.push({ email: 'b@example.com', host_url: 'https://meetings.vonage.com/r/2' });
      await waitUntil(() => run.stdout().includes('b@example.com'), 15_000, 'an alert after reconnecting');
      sms.failNext({ kind: 'message', error: 101, message: 'Authorization failed' }, 1);
      bridge.sendMessage(orders.id, { author: 'cleo' });
      await waitUntil(() => run.stdout().includes('by cleo'), 15_000, 'an order after reconnecting');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      // The support bundle, made while every secret is resolvable (env and keychain) and the services answer.
      diagnostics = await runCli(['diagnostics', '--config', config, '--output', bundleFile], {
        env: { DBUS_SESSION_BUS_ADDRESS: desktop.busAddress, SERVICEBELL_VONAGE_BACKEND_TOKEN: STAFF_TOKEN, SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: SMS_TOKEN, SERVICEBELL_LOG_DIR: logDir },
        timeoutMs: 60_000,
      });
      await Promise.all([vonage.stop(), backend.stop(), bridge.stop(), sms.stop()]);
      await desktop.stop();
    }

    const texts: Array<[string, string]> = [
      ['credentials set output', stored.stdout + stored.stderr],
      ['stdout', run.stdout()],
      ['stderr', run.stderr()],
      ...filesUnder(configDir).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ...filesUnder(dataDir).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ...filesUnder(logDir).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ['diagnostics output', diagnostics.stdout + diagnostics.stderr],
      ['diagnostics bundle', readFileSync(bundleFile, 'utf8')],
      ...desktop.notifications.notifications.map((n): [string, string] => [`notification ${n.id}`, `${n.summary} ${n.body}`]),
    ];
    expect(run.stderr().length).toBeGreaterThan(0);
    expect(filesUnder(dataDir).length).toBeGreaterThan(0);
    expect(diagnostics.code).toBe(0);
    const bundle = readFileSync(bundleFile, 'utf8');
    expect(bundle).toMatch(/ok {3}vonage session: signed in/);
    expect(bundle).toMatch(/== recent log \(.*headless\.log\) ==\n\{/);
    expect(bundle).not.toContain('+48500100200');
    const leaks = texts.flatMap(([where, text]) => SECRETS.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`));
    expect(leaks).toEqual([]);
    // Client JWTs are credentials too.
    expect(texts.filter(([, text]) => /eyJ[A-Za-z0-9_-]{5,}\.eyJ/.test(text)).map(([where]) => where)).toEqual([]);
  });
});
