import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import type { Logger } from '../../main/core/log/logger.js';
import { capturingLogger, expectExactly, makeSource, privmxSettings, seed, sleep, type Scenario } from './sourceHarness.js';

let emu: PrivmxBridgeEmulator;
let s: Scenario;
const stops: Array<() => Promise<void>> = [];

beforeEach(async () => {
  emu = await startPrivmxBridgeEmulator({ pingIntervalMs: 150 });
  s = seed(emu);
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await emu.stop();
});

/** A source with a rule naming the scenario's thread, so catch-up covers it. */
async function connected(logger?: Logger) {
  const settings = privmxSettings(s, { rules: [{ name: 'Orders', match: { channel: 'thread', threadId: s.threadId }, title: 'Order', body: '{author}' }] });
  const made = makeSource(s, { settings, ...(logger ? { logger } : {}) });
  stops.push(() => made.source.stop());
  await made.source.start();
  await expect.poll(() => made.sink.lastState).toBe('connected');
  return made;
}

const ids = (msgs: Array<{ id: string }>) => msgs.map((m) => `thread:${m.id}`);
const grant = (g: string) => emu.calls('manager/auth').filter((c) => (c.params as { grantType: string }).grantType === g).length;

describe('PrivmxSource stays connected, loses nothing, doubles nothing', () => {
  it('refreshes before access-token expiry and re-binds on the same socket', async () => {
    emu.setTokenTtls({ accessMs: 600 });
    const { sink } = await connected();
    const sent = [emu.sendMessage(s.threadId)];
    await sleep(1_300);
    sent.push(emu.sendMessage(s.threadId));
    await expect.poll(() => sink.alerts.length).toBe(2);
    expect(grant('refresh_token')).toBeGreaterThanOrEqual(2);
    expect(emu.calls('manager/bindAccessToken').length).toBeGreaterThanOrEqual(3);
    expect(sink.connectedCount()).toBe(1);
    expect(emu.auth.sessionCount(s.key.id)).toBe(1);
    expectExactly(sink, ids(sent));
  });

  it('after a forced expiry events still flow; a reconnect renews the token and catches up', async () => {
    const { sink } = await connected();
    emu.expireTokens();
    const sent = [emu.sendMessage(s.threadId)];
    await expect.poll(() => sink.alerts.length).toBe(1);
    emu.dropSockets();
    sent.push(emu.sendMessage(s.threadId), emu.sendMessage(s.threadId));
    await expect.poll(() => sink.connectedCount()).toBe(2);
    await expect.poll(() => sink.alerts.length).toBe(3);
    await sleep(100);
    expectExactly(sink, ids(sent));
  });

  it('falls back to a fresh login when the refresh token is rejected', async () => {
    emu.setTokenTtls({ accessMs: 500 });
    const { sink } = await connected();
    emu.revokeSessions();
    await expect.poll(() => grant('api_key_credentials'), { timeout: 3_000 }).toBe(2);
    const msg = emu.sendMessage(s.threadId);
    await expect.poll(() => sink.alerts.length).toBe(1);
    expect(sink.connectedCount()).toBe(1);
    expectExactly(sink, ids([msg]));
  });

  it('catches up messages sent while the socket was dropped', async () => {
    const { sink } = await connected();
    const sent = [emu.sendMessage(s.threadId)];
    await expect.poll(() => sink.alerts.length).toBe(1);
    emu.dropSockets();
    for (let i = 0; i < 5; i += 1) sent.push(emu.sendMessage(s.threadId));
    await expect.poll(() => sink.alerts.length).toBe(6);
    await sleep(100);
    expectExactly(sink, ids(sent));
    expect(sink.statuses.some((st) => st.state === 'reconnecting')).toBe(true);
  });

  it('detects a half-open connection (no pings, no frames) and recovers what it missed', async () => {
    const { sink } = await connected();
    emu.freezeSockets();
    const sent = [emu.sendMessage(s.threadId), emu.sendMessage(s.threadId)];
    await expect.poll(() => sink.connectedCount(), { timeout: 3_000 }).toBe(2);
    await expect.poll(() => sink.alerts.length).toBe(2);
    expect(sink.statuses.find((st) => st.state === 'reconnecting')?.detail).toMatch(/no ping or frame/);
    sent.push(emu.sendMessage(s.threadId));
    await expect.poll(() => sink.alerts.length).toBe(3);
    expectExactly(sink, ids(sent));
  });

  it('survives a Bridge restart with messages sent while it was down', async () => {
    const { sink } = await connected();
    const restarting = emu.restart(300);
    await sleep(50);
    const sent = [emu.sendMessage(s.threadId), emu.sendMessage(s.threadId)];
    await restarting;
    await expect.poll(() => sink.connectedCount(), { timeout: 3_000 }).toBe(2);
    sent.push(emu.sendMessage(s.threadId));
    await expect.poll(() => sink.alerts.length).toBe(3);
    await sleep(100);
    expectExactly(sink, ids(sent));
  });

  it('waits for a slow bind reply before subscribing, and re-binds when subscribe says UNAUTHORIZED', async () => {
    emu.failNext('manager/bindAccessToken', { delayMs: 300 });
    emu.failNext('manager/subscribeToChannel', { error: 'UNAUTHORIZED' });
    const { sink } = await connected();
    const ws = emu.calls().filter((c) => c.transport === 'ws').map((c) => c.method);
    expect(ws).toEqual(['manager/bindAccessToken', 'manager/subscribeToChannel', 'manager/bindAccessToken', 'manager/subscribeToChannel']);
    const msg = emu.sendMessage(s.threadId);
    await expect.poll(() => sink.alerts.length).toBe(1);
    expectExactly(sink, ids([msg]));
  });

  it('shrugs off 1,000 garbage frames and still delivers the next valid event', async () => {
    const { logger, lines } = capturingLogger();
    const { sink } = await connected(logger);
    const big = 'x'.repeat(1024 * 1024);
    const junk: string[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      const kind = i % 10;
      if (kind === 0) junk.push(`not json ${i}`);
      else if (kind === 1) junk.push(JSON.stringify([1, 2, 3]));
      else if (kind === 2) junk.push(JSON.stringify({ channel: 'thread', type: 'threadNewMessage', data: { id: 5 }, timestamp: 1 }));
      else if (kind === 3) junk.push(JSON.stringify({ channel: 'thread', type: 'somethingNew', data: {}, timestamp: 1 }));
      else if (kind === 4) junk.push(JSON.stringify({ jsonrpc: '2.0', id: 99_999 + i, result: 'OK' }));
      else if (kind === 5) junk.push(i % 200 === 5 ? big : JSON.stringify({ hello: 'world' }));
      else if (kind === 6) junk.push(i % 20 === 6 ? 'null' : JSON.stringify({ channel: 'thread', type: 'threadNewMessage', data: i % 40 === 16 ? [1] : null, timestamp: 1 }));
      else if (kind === 7) junk.push(JSON.stringify({ channel: 'kvdb', type: 'kvdbNewEntry', data: { kvdbId: 'x' }, timestamp: 2 }));
      else if (kind === 8) junk.push(JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error', data: null } }));
      else junk.push('{"channel":"thread","type":');
    }
    for (const frame of junk) emu.sendRaw(frame);
    const msg = emu.sendMessage(s.threadId);
    await expect.poll(() => sink.alerts.length, { timeout: 5_000 }).toBe(1);
    expectExactly(sink, ids([msg]));
    expect(sink.connectedCount()).toBe(1);
    // Logged, but sparsely: the 1st, 10th, 100th … of each kind.
    const garbageLines = lines.filter((l) => l.includes('ignored an unusable frame'));
    expect(garbageLines.length).toBeGreaterThan(3);
    expect(garbageLines.length).toBeLessThan(40);
  });

  it('reconnectNow (resume after sleep) reconnects at once and catches up without duplicates', async () => {
    const { source, sink } = await connected();
    const sent = [emu.sendMessage(s.threadId)];
    await expect.poll(() => sink.alerts.length).toBe(1);
    emu.freezeSockets();
    sent.push(emu.sendMessage(s.threadId));
    source.reconnectNow('resumed from sleep');
    await expect.poll(() => sink.connectedCount()).toBe(2);
    await expect.poll(() => sink.alerts.length).toBe(2);
    await sleep(100);
    expectExactly(sink, ids(sent));
    expect(emu.auth.sessionCount(s.key.id)).toBe(1);
  });
});
