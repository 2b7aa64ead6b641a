import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrivmxBridgeEmulator, type Inbox, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { INBOX_THREADS_KEY } from '../../main/core/sources/privmx/inboxThreads.js';
import { expectExactly, makeSource, privmxSettings, seed, sleep, type Scenario } from './sourceHarness.js';

let emu: PrivmxBridgeEmulator;
let s: Scenario;
let inbox: Inbox;
const stops: Array<() => Promise<void>> = [];

beforeEach(async () => {
  emu = await startPrivmxBridgeEmulator({ pingIntervalMs: 150 });
  s = seed(emu);
  inbox = emu.addInbox(s.contextId);
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await emu.stop();
});

async function connected(options: Parameters<typeof makeSource>[1] = {}) {
  const made = makeSource(s, options);
  stops.push(() => made.source.stop());
  await made.source.start();
  await expect.poll(() => made.sink.lastState).toBe('connected');
  return made;
}

const ids = (msgs: Array<{ id: string }>) => msgs.map((m) => `thread:${m.id}`);
const listedThreads = () => emu.calls('thread/listThreadMessages').map((c) => (c.params as { threadId: string }).threadId);

describe('PrivmxSource catches up inbox entries once it has seen the inbox', () => {
  it('learns the hidden thread from a live entry and catches up entries sent while the socket was down', async () => {
    const beforeWeKnew = emu.sendInboxEntry(inbox.id);
    const { sink, cursors } = await connected(); // default rules: "*" inbox rule
    const live = emu.sendInboxEntry(inbox.id);
    await expect.poll(() => sink.alerts.length).toBe(1);
    expect(listedThreads()).not.toContain(live.threadId); // nothing to catch up yet: the thread was unknown
    emu.dropSockets();
    const missed = [emu.sendInboxEntry(inbox.id), emu.sendInboxEntry(inbox.id)];
    await expect.poll(() => sink.connectedCount()).toBe(2);
    await expect.poll(() => sink.alerts.length).toBe(3);
    await sleep(100);
    expectExactly(sink, ids([live, ...missed]));
    expect(sink.alerts.slice(1).map((a) => [a.title, a.meta?.origin, a.meta?.inboxId])).toEqual([
      ['New inbox entry', 'catchup', inbox.id],
      ['New inbox entry', 'catchup', inbox.id],
    ]);
    expect(sink.ids).not.toContain(`thread:${beforeWeKnew.id}`);
    expect(JSON.parse(cursors.map.get(INBOX_THREADS_KEY) ?? '[]')).toEqual([[inbox.id, live.threadId]]);
    await expect.poll(() => cursors.map.get(`privmx:thread:${live.threadId}`)).toBe(missed[1]?.id);
  });

  it('catches up across a process restart (new source, same cursor store)', async () => {
    const first = await connected();
    const live = emu.sendInboxEntry(inbox.id);
    await expect.poll(() => first.sink.alerts.length).toBe(1);
    await first.source.stop();
    const missed = [emu.sendInboxEntry(inbox.id), emu.sendInboxEntry(inbox.id)];
    const second = await connected({ cursors: first.cursors });
    await expect.poll(() => second.sink.alerts.length).toBe(2);
    await sleep(100);
    expectExactly(second.sink, ids(missed));
    expect(second.sink.alerts.every((a) => a.meta?.origin === 'catchup')).toBe(true);
    // Live and caught-up entries share ids, so later entries still arrive once.
    const after = emu.sendInboxEntry(inbox.id);
    await expect.poll(() => second.sink.alerts.length).toBe(3);
    expect(second.sink.ids.filter((id) => id === `thread:${after.id}`)).toHaveLength(1);
    expect(first.sink.ids).toEqual(ids([live]));
  });

  it('reads only the inboxes a rule names; other inbox entries stay live-only', async () => {
    const other = emu.addInbox(s.contextId);
    const settings = privmxSettings(s, { rules: [
      { name: 'Orders', match: { channel: 'thread', inboxId: inbox.id }, title: 'Order', body: '{inboxId}' },
      { name: 'Anything else', match: { channel: 'thread' }, title: 'Message', body: '{author}' },
    ] });
    const { sink, cursors } = await connected({ settings });
    const live = [emu.sendInboxEntry(inbox.id), emu.sendInboxEntry(other.id)];
    await expect.poll(() => sink.alerts.length).toBe(2);
    emu.dropSockets();
    const missedNamed = emu.sendInboxEntry(inbox.id);
    const missedOther = emu.sendInboxEntry(other.id);
    await expect.poll(() => sink.connectedCount()).toBe(2);
    await expect.poll(() => sink.alerts.length).toBe(3);
    await sleep(150);
    expectExactly(sink, ids([...live, missedNamed]));
    expect(sink.alerts.map((a) => a.title)).toEqual(['Order', 'Message', 'Order']);
    expect(listedThreads()).not.toContain(missedOther.threadId);
    expect(JSON.parse(cursors.map.get(INBOX_THREADS_KEY) ?? '[]')).toEqual([[inbox.id, missedNamed.threadId]]);
  });
});
