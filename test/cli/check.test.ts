import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendEmulator, type BackendEmulator } from '../emulators/backend/index.js';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { startVonageEmulator, type VonageEmulator } from '../emulators/vonage/index.js';
import { runCli } from '../harness/runCli.js';

let backend: BackendEmulator;
let vonage: VonageEmulator;
let bridge: PrivmxBridgeEmulator;
let sms: SmsapiEmulator;
let config: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  backend = await startBackendEmulator({ conversationId: 'CON-check', staffTokens: ['check-staff-token'] });
  vonage = await startVonageEmulator({ conversationId: 'CON-check', publicKey: backend.publicKeyPem });
  bridge = await startPrivmxBridgeEmulator();
  sms = await startSmsapiEmulator({ tokens: ['check-sms-token'] });
  const key = bridge.addApiKey();
  const thread = bridge.addThread(bridge.addContext().id);
  config = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-check-')), 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      vonage: { enabled: true, backendUrl: backend.url, username: 'desk', sdk: { url: vonage.url, apiUrl: vonage.url } },
      privmx: { enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id, rules: [{ match: { channel: 'thread', threadId: thread.id }, title: 'Order', actions: ['desktop', 'sms'] }] },
      sms: { to: ['+48500100200'], apiUrl: sms.url },
    }),
  );
  env = { SERVICEBELL_VONAGE_BACKEND_TOKEN: 'check-staff-token', SERVICEBELL_PRIVMX_API_KEY_SECRET: key.secret, SERVICEBELL_SMSAPI_TOKEN: 'check-sms-token' };
});

afterAll(async () => {
  await Promise.all([vonage.stop(), backend.stop(), bridge.stop(), sms.stop()]);
});

describe('servicebell check', () => {
  it('passes every check against working services, sending nothing', async () => {
    const result = await runCli(['check', '--config', config], { env, timeoutMs: 40_000 });
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'ok   settings: valid',
      'ok   secret vonage.backendToken: found in environment',
      'ok   secret privmx.apiKeySecret: found in environment',
      'ok   secret smsapi.token: found in environment',
      'ok   vonage backend /jwt: token for conversation CON-check',
      'ok   vonage session: signed in and joined CON-check',
      expect.stringMatching(/^ok {3}privmx auth: API key .+ accepted$/),
      'ok   privmx bind: WebSocket bound',
      `ok   smsapi: token accepted by ${sms.url} (account emulator-user; nothing sent)`,
      expect.stringMatching(/^ok {3}data folder: writable \(/),
    ]);
    expect(result.code).toBe(0);
    expect(sms.messages).toHaveLength(0);
  });

  it('fails with clear reasons, and never prints a secret', async () => {
    const bad = { ...env, SERVICEBELL_VONAGE_BACKEND_TOKEN: 'wrong-staff-token', SERVICEBELL_PRIVMX_API_KEY_SECRET: 'wrong-api-secret', SERVICEBELL_SMSAPI_TOKEN: 'wrong-sms-token' };
    const result = await runCli(['check', '--config', config], { env: bad, timeoutMs: 40_000 });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL vonage backend \/jwt: .*(401|refused|rejected)/i);
    expect(result.stdout).toMatch(/FAIL privmx auth: /);
    for (const secret of ['wrong-staff-token', 'wrong-api-secret', 'wrong-sms-token']) expect(result.stdout + result.stderr).not.toContain(secret);
  });
});
