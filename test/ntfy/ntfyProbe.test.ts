// `servicebell check`'s ntfy probe against a real ntfy server: connect + login + topic readable, bounded, read-only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeNtfy } from '../../main/core/sources/ntfy/ntfyProbe.js';
import { startFreezableProxy } from '../harness/servers/freezableProxy.js';
import { startNtfy, type NtfyServer } from '../harness/servers/ntfyServer.js';
import { BACKEND, options, OTHER_TOPIC, POS, TOPIC, USERS } from './ntfyHarness.js';

let server: NtfyServer;
beforeEach(async () => {
  server = await startNtfy({ users: USERS });
});
afterEach(async () => {
  await server.stop();
});
const tokenOf = (user: string): string => server.tokens[user] ?? '';

describe('ntfy check probe', () => {
  it('says each topic is readable with the login used, fails the other restaurant\'s topic, and never publishes', async () => {
    const token = tokenOf(POS);
    const lines = await probeNtfy(options(server.baseUrl, { topics: [TOPIC, OTHER_TOPIC] }), async () => token);
    expect(lines).toEqual([
      { name: `ntfy ${TOPIC}`, ok: true, detail: 'readable (access token accepted)' },
      { name: `ntfy ${OTHER_TOPIC}`, ok: false, detail: `not allowed to read topic ${OTHER_TOPIC} (403: forbidden, code 40301)` },
    ]);
    expect(JSON.stringify(lines)).not.toContain(token);
    const backend = Buffer.from(`${BACKEND}:backend-pw`).toString('base64');
    const cached = await fetch(`${server.baseUrl}/${TOPIC}/json?poll=1&since=all`, { headers: { Authorization: `Basic ${backend}` }, signal: AbortSignal.timeout(5_000) });
    expect(await cached.text()).toBe('');
  });

  it('a user name and password; a wrong password; a wrong token', async () => {
    expect(await probeNtfy(options(server.baseUrl, { username: POS }), async () => 'pos-r1-pw')).toEqual([{ name: `ntfy ${TOPIC}`, ok: true, detail: `readable (user ${POS} accepted)` }]);
    const [wrongPassword] = await probeNtfy(options(server.baseUrl, { username: POS }), async () => 'wrong-pw-1');
    expect(wrongPassword).toEqual({ name: `ntfy ${TOPIC}`, ok: false, detail: 'the server refused the user name or password (401: unauthorized, code 40101)' });
    const [wrongToken] = await probeNtfy(options(server.baseUrl), async () => 'tk_notarealtokennotarealtoken1');
    expect(wrongToken?.detail).toBe('the server refused the access token (401: unauthorized, code 40101)');
  });

  it('a server that accepts the connection and then says nothing fails at the deadline', async () => {
    const proxy = await startFreezableProxy(server.port);
    try {
      proxy.freeze();
      const t0 = Date.now();
      const lines = await probeNtfy(options(proxy.url('http')), async () => tokenOf(POS), { deadlineMs: 800 });
      // The deadline left for this topic after the secret was read: 800 ms less a moment.
      expect(lines).toEqual([{ name: `ntfy ${TOPIC}`, ok: false, detail: expect.stringMatching(/^no answer from the server within 0\.[78] s$/) as unknown }]);
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      await proxy.stop();
    }
  });

  it('a secret lookup that never answers, no server, and missing options are FAIL lines', async () => {
    expect(await probeNtfy(options(server.baseUrl), () => new Promise<string>(() => {}), { deadlineMs: 300 })).toEqual([{ name: 'ntfy', ok: false, detail: 'the ntfy secret could not be read within 300 ms' }]);
    const port = server.port;
    await server.stop();
    const [down] = await probeNtfy(options(`http://127.0.0.1:${port}`), async () => undefined);
    expect(down?.detail).toBe('connection refused (is the ntfy server running?)');
    expect(await probeNtfy({ enabled: true, topics: [] , baseUrl: server.baseUrl }, async () => undefined)).toEqual([{ name: 'ntfy', ok: false, detail: 'ntfy.topics is empty' }]);
  });
});
