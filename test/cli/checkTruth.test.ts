// `servicebell check` must tell the truth: every probe has a deadline and a line, a missing or wrong thing is never
// "ok", and a failure names the URL and the cause.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendEmulator, type BackendEmulator } from '../emulators/backend/index.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { runCli } from '../harness/runCli.js';

let backend: BackendEmulator;
let sms: SmsapiEmulator;
let closedPort: number;
const staff = { SERVICEBELL_VONAGE_BACKEND_TOKEN: 'truth-staff-token' };

/** A port nothing listens on: bound once, then released. */
async function freeClosedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function configFile(settings: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-truth-')), 'config.json');
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

const lines = (stdout: string): string[] => stdout.split('\n').filter(Boolean);

beforeAll(async () => {
  backend = await startBackendEmulator({ conversationId: 'CON-truth', staffTokens: [staff.SERVICEBELL_VONAGE_BACKEND_TOKEN] });
  sms = await startSmsapiEmulator({ tokens: ['good-sms-token'] });
  closedPort = await freeClosedPort();
});

afterAll(async () => {
  await Promise.all([backend.stop(), sms.stop()]);
});

describe('check: every probe has a deadline and a line (#14.6)', () => {
  it('an unreachable Vonage SDK URL (closed port) prints every line, names the URL and why, and exits 1', async () => {
    const sdkUrl = `http://127.0.0.1:${closedPort}`;
    const file = configFile({ vonage: { enabled: true, backendUrl: backend.url, username: 'desk', sdk: { url: sdkUrl, apiUrl: sdkUrl } } });
    const result = await runCli(['check', '--config', file], { env: staff, timeoutMs: 40_000 });
    expect(lines(result.stdout)).toEqual([
      'ok   settings: valid',
      'ok   secret vonage.backendToken: found in environment',
      'ok   vonage backend /jwt: token for conversation CON-truth',
      `FAIL vonage session: cannot reach ${sdkUrl}: connection refused (ECONNREFUSED)`,
      expect.stringMatching(/^ok {3}data folder: writable \(/),
    ]);
    expect(result.code).toBe(1);
  });

  it('an unknown SDK host says so (DNS)', async () => {
    const sdkUrl = 'https://no-such-host.invalid:9';
    const file = configFile({ vonage: { enabled: true, backendUrl: backend.url, username: 'desk', sdk: { url: sdkUrl, apiUrl: sdkUrl } } });
    const result = await runCli(['check', '--config', file], { env: staff, timeoutMs: 40_000 });
    expect(result.stdout).toContain('ok   settings: valid');
    expect(result.stdout).toMatch(/FAIL vonage session: cannot reach https:\/\/no-such-host\.invalid:9: host name not found \((ENOTFOUND|EAI_AGAIN)\)/);
    expect(result.code).toBe(1);
  });
});

describe('check: the settings file (#14.7)', () => {
  it('a missing file given with --config is an error (exit 2)', async () => {
    const result = await runCli(['check', '--config', '/no/such/file.json']);
    expect(result.stdout).not.toContain('ok   settings');
    expect(result.stdout).toContain('FAIL settings: no settings file at /no/such/file.json');
    expect(result.code).toBe(2);
  });

  it('the default file missing is a warning line, and the rest still runs', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'sb-truth-home-'));
    const result = await runCli(['check'], { env: { XDG_CONFIG_HOME: home } });
    expect(lines(result.stdout)[0]).toBe(`warn settings: no settings file at ${path.join(home, 'Servicebell', 'config.json')}; using defaults`);
    expect(result.code).toBe(0);
  });
});

describe('check: SMSAPI counts only a success (#14.8)', () => {
  const smsSettings = (apiUrl: string) => ({
    privmx: { enabled: true, bridgeUrl: `http://127.0.0.1:${closedPort}`, apiKeyId: 'k', rules: [{ match: { channel: 'thread', threadId: 't' }, title: 'Order', actions: ['desktop', 'sms'] }] },
    sms: { to: ['+48500100200'], apiUrl },
  });
  const smsLine = (stdout: string): string | undefined => lines(stdout).find((l) => / smsapi: /.test(l));

  it('a good token: the account answers', async () => {
    const result = await runCli(['check', '--config', configFile(smsSettings(sms.url))], { env: { SERVICEBELL_PRIVMX_API_KEY_SECRET: 's', SERVICEBELL_SMSAPI_TOKEN: 'good-sms-token' }, timeoutMs: 30_000 });
    expect(smsLine(result.stdout)).toBe(`ok   smsapi: token accepted by ${sms.url} (account emulator-user; nothing sent)`);
  });

  it('a wrong token fails', async () => {
    const result = await runCli(['check', '--config', configFile(smsSettings(sms.url))], { env: { SERVICEBELL_PRIVMX_API_KEY_SECRET: 's', SERVICEBELL_SMSAPI_TOKEN: 'wrong-sms-token' }, timeoutMs: 30_000 });
    expect(smsLine(result.stdout)).toBe(`FAIL smsapi: ${sms.url} refused the token (HTTP 401)`);
    expect(result.stdout + result.stderr).not.toContain('wrong-sms-token');
    expect(result.code).toBe(1);
  });

  it('a wrong URL (404) fails', async () => {
    const result = await runCli(['check', '--config', configFile(smsSettings(`${sms.url}/nothing-here`))], { env: { SERVICEBELL_PRIVMX_API_KEY_SECRET: 's', SERVICEBELL_SMSAPI_TOKEN: 'good-sms-token' }, timeoutMs: 30_000 });
    expect(smsLine(result.stdout)).toBe(`FAIL smsapi: ${sms.url}/nothing-here/profile answered HTTP 404; is sms.apiUrl right?`);
    expect(result.code).toBe(1);
  });
});

describe('check: settings that silently do nothing are warnings (#14.9)', () => {
  it('an sms rule with no sms.to, and links.allowedHosts: []', async () => {
    const file = configFile({
      privmx: { rules: [{ match: { channel: 'thread', threadId: 't' }, title: 'Order', actions: ['desktop', 'sms'] }] },
      links: { allowedHosts: [] },
    });
    const result = await runCli(['check', '--config', file]);
    expect(lines(result.stdout)).toEqual([
      'ok   settings: valid',
      'warn settings privmx.rules[0].actions: "sms" is set but sms.to is empty, so no SMS is ever sent',
      'warn settings links.allowedHosts: empty, so no alert ever gets a Join Meeting link',
      expect.stringMatching(/^ok {3}data folder: writable \(/),
    ]);
    expect(result.code).toBe(0);
  });
});

describe('check: unreachable hosts name the URL and the cause (#14.10)', () => {
  it('refused, TLS and timeout each say so', async () => {
    const refusedUrl = `http://127.0.0.1:${closedPort}`;
    const refused = await runCli(['check', '--config', configFile({ vonage: { enabled: true, backendUrl: refusedUrl, username: 'desk' } })], { env: staff });
    expect(refused.stdout).toContain(`FAIL vonage backend /jwt: cannot reach ${refusedUrl}/jwt: connection refused (ECONNREFUSED)`);

    // https:// to a plain-HTTP server: the TLS handshake fails.
    const tlsUrl = backend.url.replace(/^http:/, 'https:');
    const tls = await runCli(['check', '--config', configFile({ vonage: { enabled: true, backendUrl: tlsUrl, username: 'desk' } })], { env: staff });
    expect(tls.stdout).toMatch(new RegExp(`FAIL vonage backend /jwt: cannot reach ${tlsUrl.replace(/[.:/]/g, '\\$&')}/jwt: TLS handshake failed \\(`));

    // A gateway that accepts the connection and never answers.
    sms.failNext({ kind: 'hang' });
    const hung = await runCli(
      ['check', '--config', configFile({ privmx: { enabled: true, bridgeUrl: refusedUrl, apiKeyId: 'k', rules: [{ match: { channel: 'thread', threadId: 't' }, title: 'Order', actions: ['sms'] }] }, sms: { to: ['+48500100200'], apiUrl: sms.url } })],
      { env: { SERVICEBELL_PRIVMX_API_KEY_SECRET: 's', SERVICEBELL_SMSAPI_TOKEN: 'good-sms-token' }, timeoutMs: 40_000 },
    );
    expect(hung.stdout).toContain(`FAIL privmx auth: cannot reach ${refusedUrl}/api: connection refused (ECONNREFUSED)`);
    expect(hung.stdout).toContain(`FAIL smsapi: cannot reach ${sms.url}/profile: no answer within 10 s (timeout)`);
  });
});

describe('check: a folder as the settings path (#14.11)', () => {
  it('says so and exits 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-truth-dir-'));
    mkdirSync(path.join(dir, 'config.json'));
    const result = await runCli(['check', '--config', path.join(dir, 'config.json')]);
    expect(result.stdout + result.stderr).toContain(`${path.join(dir, 'config.json')} cannot be read (EISDIR): it is a folder, not a settings file`);
    expect(result.code).toBe(2);
  });
});
