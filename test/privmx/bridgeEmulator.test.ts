import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpCall, RawBridgeClient, startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';

let emu: PrivmxBridgeEmulator;
let clients: RawBridgeClient[] = [];
beforeEach(async () => {
  emu = await startPrivmxBridgeEmulator({ pingIntervalMs: 200 });
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await emu.stop();
});

async function login(scope?: string[]) {
  const key = emu.addApiKey();
  const res = await httpCall(emu.url, 'manager/auth', { grantType: 'api_key_credentials', apiKeyId: key.id, apiKeySecret: key.secret, ...(scope ? { scope } : {}) });
  return res.result as { accessToken: string; refreshToken: string; scope: string[] };
}
async function client(): Promise<RawBridgeClient> {
  const c = await RawBridgeClient.connect(emu.url);
  clients.push(c);
  return c;
}

describe('PrivMX Bridge emulator (protocol behaviours from the spec)', () => {
  it('answers envelope errors like the Bridge', async () => {
    const bad = await fetch(`${emu.url}/api`, { method: 'POST', body: 'nope' });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error', data: null } });
    expect(await httpCall(emu.url, 'nope/nope', {})).toMatchObject({ id: 1, error: { code: -32601, data: null } });
    expect(await httpCall(emu.url, 'manager/bindAccessToken', { accessToken: 'x' })).toMatchObject({ error: { code: 24886 } });
    const extra = await httpCall(emu.url, 'manager/auth', { grantType: 'api_key_credentials', apiKeyId: 'a', apiKeySecret: 'b', x: 1 });
    expect(extra.error).toEqual({ code: -32602, message: 'Invalid params', data: "Unexpected key 'x'" });
    expect((await httpCall(emu.url, 'manager/auth', { grantType: 'api_key_credentials', apiKeyId: 'a', apiKeySecret: 'b' })).error).toMatchObject({ code: 24875 });
  });

  it('refuses subscribe before bind, binds, subscribes and delivers only with a solution scope', async () => {
    const ctx = emu.addContext();
    const thread = emu.addThread(ctx.id);
    const c = await client();
    expect((await c.call('manager/subscribeToChannel', { channels: ['thread'] })).error).toMatchObject({ code: 24879 });
    const full = await login();
    expect((await c.call('manager/bindAccessToken', { accessToken: full.accessToken })).result).toBe('OK');
    expect((await c.call('manager/subscribeToChannel', { channels: ['nope'] })).error).toMatchObject({ code: -32602, data: 'channels -> 0 -> Expected value to be one of enums' });
    expect((await c.call('manager/subscribeToChannel', { channels: ['thread'] })).result).toBe('OK');
    const narrow = await login(['thread']);
    const blind = await client();
    await blind.call('manager/bindAccessToken', { accessToken: narrow.accessToken });
    expect((await blind.call('manager/subscribeToChannel', { channels: ['thread'] })).result).toBe('OK');
    const msg = emu.sendMessage(thread.id);
    await expect.poll(() => c.notifications.length).toBe(2);
    expect(c.notifications[0]).toMatchObject({ channel: 'thread', type: 'threadNewMessage', data: { id: msg.id } });
    expect(c.notifications[0]).not.toHaveProperty('id');
    expect(blind.notifications).toHaveLength(0);
  });

  it('keeps delivering after expiry, fails manager calls, and refresh + rebind fixes that', async () => {
    const ctx = emu.addContext();
    const thread = emu.addThread(ctx.id);
    const t = await login();
    const c = await client();
    await c.call('manager/bindAccessToken', { accessToken: t.accessToken });
    await c.call('manager/subscribeToChannel', { channels: ['thread'] });
    emu.expireTokens();
    emu.sendMessage(thread.id);
    await expect.poll(() => c.notifications.length).toBe(2);
    expect((await c.call('manager/subscribeToChannel', { channels: ['thread'] })).error).toMatchObject({ code: 24879 });
    const r = (await httpCall(emu.url, 'manager/auth', { grantType: 'refresh_token', refreshToken: t.refreshToken })).result as { accessToken: string };
    expect((await c.call('manager/bindAccessToken', { accessToken: t.accessToken })).error).toMatchObject({ code: 21 });
    expect((await httpCall(emu.url, 'manager/auth', { grantType: 'refresh_token', refreshToken: t.refreshToken })).error).toMatchObject({ code: 21 });
    expect((await c.call('manager/bindAccessToken', { accessToken: r.accessToken })).result).toBe('OK');
    expect((await c.call('manager/subscribeToChannel', { channels: ['thread'] })).result).toBe('OK');
  });

  it('lists exactly the missed messages over HTTP only, with solution checks', async () => {
    const ctx = emu.addContext();
    const thread = emu.addThread(ctx.id);
    const first = emu.sendMessage(thread.id);
    const missed = [emu.sendMessage(thread.id), emu.sendMessage(thread.id)];
    const t = await login();
    const params = { threadId: thread.id, from: first.id, limit: 100, sortOrder: 'asc' };
    const res = await httpCall(emu.url, 'thread/listThreadMessages', params, { Authorization: `Bearer ${t.accessToken}` });
    expect(res.result).toEqual({ list: missed, count: 2 });
    const c = await client();
    await c.call('manager/bindAccessToken', { accessToken: t.accessToken });
    expect((await c.call('thread/listThreadMessages', params)).error).toMatchObject({ code: 24879 });
    const noSolution = await login(['thread']);
    expect((await httpCall(emu.url, 'thread/listThreadMessages', params, { Authorization: `Bearer ${noSolution.accessToken}` })).error).toMatchObject({ code: 48 });
    const key = emu.addApiKey();
    const basic = Buffer.from(`${key.id}:${key.secret}`).toString('base64');
    expect((await httpCall(emu.url, 'thread/getThread', { threadId: thread.id }, { Authorization: `Basic ${basic}` })).result).toMatchObject({ thread: { id: thread.id, messages: 3 } });
  });

  it('replaces a named session instead of piling up, and terminates sockets that stop answering pings', async () => {
    const key = emu.addApiKey();
    for (let i = 0; i < 3; i += 1) {
      await httpCall(emu.url, 'manager/auth', { grantType: 'api_key_credentials', apiKeyId: key.id, apiKeySecret: key.secret, scope: ['session:a', 'thread'] });
    }
    expect(emu.auth.sessionCount(key.id)).toBe(1);
    const c = await client();
    // Stop the client answering pings: the emulator must terminate it within two intervals.
    (c.ws as unknown as { _receiver: { removeAllListeners(e: string): void } })._receiver.removeAllListeners('ping');
    c.ws.pong = () => {};
    const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
    expect(await closed).toBe(1006);
  });
});
