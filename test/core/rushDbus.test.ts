// A rush over the real private D-Bus notification server: every support request keeps its own Join Meeting; a flood
// beyond the support lane becomes one summary whose click asks for History on exactly what it folded.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import type { HistoryRequest } from '../../main/core/alerts/pipeline.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { defaultSettings } from '../../main/core/settings/schema.js';
import { ManualClock } from '../harness/manualClock.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { waitUntil } from '../harness/wait.js';
import { handSource } from '../harness/handSource.js';

let desktop: PrivateDesktop;


async function openCore(clock: ManualClock) {
  const logger = silentLogger();
  const { factory, sink } = handSource('mqtt');
  const core = await ServicebellCore.open({
    settings: defaultSettings(),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-rush-dbus-')),
    notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }),
    opener: { open: async () => {} },
    getSecret: async () => undefined,
    logger,
    sources: [factory],
    clock,
  });
  await core.start();
  return { core, sink };
}

const support = (clock: ManualClock, id: string): AlertInput => ({
  id, source: 'mqtt', kind: 'support_request', title: 'Support request', body: `guest at table ${id}`, link: `https://meetings.vonage.com/r/${id}`, receivedAt: clock.now(),
});
const order = (clock: ManualClock, id: string): AlertInput => ({ id, source: 'mqtt', kind: 'order', title: 'New order', body: `order ${id}`, receivedAt: clock.now() });

describe('a rush on the desktop (D-Bus)', () => {
  beforeEach(async () => {
    desktop = await startPrivateDesktop();
  });
  afterEach(async () => {
    await desktop.stop();
  });

  it('6 support requests and 2 orders in 10 s: 8 notifications, each support request with Join Meeting, no summary', async () => {
    const clock = new ManualClock();
    const { core, sink } = await openCore(clock);
    for (let i = 0; i < 6; i++) {
      await sink().alert(support(clock, `s${i}`));
      if (i % 3 === 0) await sink().alert(order(clock, `o${i}`));
      clock.advance(1_000);
    }
    const shown = await desktop.notifications.waitForCount(8);
    const requests = shown.filter((n) => n.summary === 'Support request');
    expect(requests).toHaveLength(6);
    for (const n of requests) expect(n.actions).toEqual(['default', 'Join Meeting', 'join', 'Join Meeting']);
    // An order has no meeting; its one button mutes orders for an hour.
    expect(shown.filter((n) => n.summary === 'New order').map((n) => n.actions)).toEqual([['mute', 'Mute orders for 1 hour'], ['mute', 'Mute orders for 1 hour']]);
    clock.advance(20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(desktop.notifications.notifications).toHaveLength(8);
    await core.stop();
  });

  it('15 support requests: 10 with Join Meeting, then "5 more support requests" whose click asks for History on those 5', async () => {
    const clock = new ManualClock();
    const { core, sink } = await openCore(clock);
    const asked: HistoryRequest[] = [];
    core.pipeline.onOpenHistory((r) => asked.push(r));
    for (let i = 0; i < 15; i++) await sink().alert(support(clock, `s${i}`));
    const individual = await desktop.notifications.waitForCount(10);
    expect(individual.every((n) => n.actions.includes('join'))).toBe(true);
    clock.advance(10_000);
    const summary = await desktop.notifications.waitFor((n) => n.summary === '5 more support requests');
    expect(summary.body).toBe('5 support requests');
    // Clickable (the body's `default` action), with no Join Meeting: it holds five meetings, not one.
    expect(summary.actions).toEqual(['default', 'Show in History']);
    expect(desktop.notifications.notifications).toHaveLength(11);
    desktop.notifications.click(summary.id, 'default');
    await waitUntil(() => asked.length === 1, 5_000, 'the History request');
    expect(asked[0]?.keys).toEqual([10, 11, 12, 13, 14].map((i) => ({ restaurant: 'default', source: 'mqtt', id: `s${i}` })));
    expect(asked[0]?.label).toMatch(/^5 support requests from \d\d:\d\d$/);
    // Recorded in history as a summary (read: its alerts are the unread ones), found again by its key.
    expect(core.history.list().filter((e) => e.alert.kind === 'summary')).toHaveLength(1);
    expect(core.history.unreadCount()).toBe(15);
    await core.stop();
  });
});
