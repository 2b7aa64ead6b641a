import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { expectExactly, makeSource, privmxSettings, seed, type Scenario } from './sourceHarness.js';

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

function start(...args: Parameters<typeof makeSource>) {
  const made = makeSource(...args);
  stops.push(() => made.source.stop());
  return made;
}

describe('PrivmxSource against the Bridge emulator', () => {
  it('logs in with a named session and solution scope, binds, waits, then subscribes; a message becomes an alert', async () => {
    const { source, sink } = start(s);
    await source.start();
    await expect.poll(() => sink.lastState).toBe('connected');
    const auth = emu.calls('manager/auth')[0]?.params as { scope: string[] };
    expect(auth.scope).toEqual(expect.arrayContaining(['session:servicebell-test-host', 'solution:*', 'thread', 'store', 'inbox']));
    const ws = emu.calls().filter((c) => c.transport === 'ws').map((c) => c.method);
    expect(ws.slice(0, 2)).toEqual(['manager/bindAccessToken', 'manager/subscribeToChannel']);
    const msg = emu.sendMessage(s.threadId, { author: 'chef' });
    await expect.poll(() => sink.alerts.length).toBe(1);
    expect(sink.alerts[0]).toMatchObject({ id: `thread:${msg.id}`, source: 'privmx', kind: 'threadNewMessage', title: 'New message', meta: { actions: ['desktop'], sms: false, threadId: s.threadId } });
    expect(sink.alerts[0]?.body).toMatch(/^chef wrote at \d\d:\d\d$/);
  });

  it('applies default rules to inbox entries and new files, and ignores stats events', async () => {
    const inbox = emu.addInbox(s.contextId);
    const store = emu.addStore(s.contextId);
    const { source, sink } = start(s);
    await source.start();
    await expect.poll(() => sink.lastState).toBe('connected');
    const entry = emu.sendInboxEntry(inbox.id, { files: 1 });
    const file = emu.addFile(store.id, { creator: 'bob' });
    await expect.poll(() => sink.alerts.length).toBe(3);
    expect(sink.alerts.map((a) => a.title)).toEqual(['New inbox entry', 'New file', 'New file']);
    expect(sink.alerts[0]).toMatchObject({ id: `thread:${entry.id}`, meta: { inboxId: inbox.id } });
    expect(sink.ids).toContain(`file:${file.id}`);
  });

  it('unsubscribes and closes cleanly on stop', async () => {
    const { source, sink } = start(s);
    await source.start();
    await expect.poll(() => sink.lastState).toBe('connected');
    await source.stop();
    expect(emu.calls('manager/unsubscribeFromChannel')).toHaveLength(1);
    await expect.poll(() => emu.socketCount()).toBe(0);
    expect(sink.statuses.at(-1)).toEqual({ state: 'offline', detail: 'stopped' });
  });

  it('reports disabled, not offline, when a disabled source is stopped', async () => {
    const settings = { ...privmxSettings(s), enabled: false };
    const { source, sink } = start(s, { settings });
    await source.start();
    await source.stop();
    expect(sink.statuses.map((st) => st.state)).toEqual(['disabled', 'disabled']);
    expect(emu.calls()).toHaveLength(0);
  });

  it('reports a key without solution: clearly instead of going silent', async () => {
    const blind = seed(emu, ['thread', 'store', 'inbox', 'context']);
    const { source, sink } = start(blind);
    await source.start();
    await expect.poll(() => sink.lastState).toBe('auth_failed');
    expect(sink.statuses.at(-1)?.detail).toMatch(/solution/);
  });

  it('reports a wrong secret as auth_failed without leaking it', async () => {
    const { source, sink } = start(s, { secret: 'wrong-secret-value' });
    await source.start();
    await expect.poll(() => sink.lastState).toBe('auth_failed');
    expect(sink.statuses.at(-1)?.detail).toMatch(/wrong API key secret/);
    expect(JSON.stringify(sink.statuses)).not.toContain('wrong-secret-value');
  });

  it('catches up a rule-named thread on start from the persisted cursor', async () => {
    const before = emu.sendMessage(s.threadId);
    const missed = [emu.sendMessage(s.threadId), emu.sendMessage(s.threadId)];
    const settings = privmxSettings(s, { rules: [{ match: { channel: 'thread', threadId: s.threadId }, title: 'Order', body: 'by {author}' }] });
    const { source, sink, cursors } = start(s, { settings });
    cursors.map.set(`privmx:thread:${s.threadId}`, before.id);
    await source.start();
    await expect.poll(() => sink.alerts.length).toBe(2);
    expect(sink.alerts.every((a) => a.meta?.origin === 'catchup')).toBe(true);
    expectExactly(sink, missed.map((m) => `thread:${m.id}`));
    await expect.poll(() => cursors.map.get(`privmx:thread:${s.threadId}`)).toBe(missed[1]?.id);
  });
});
