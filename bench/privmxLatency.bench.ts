// PrivMX path latency: emulator send → `Notify` at a D-Bus notification server, through the real source, pipeline
// and D-Bus notifier, next to a bare `ws` client's latency to the same frames in the same run (and that client
// calling the same D-Bus notifier directly: the like-for-like floor, as the Vonage bench uses). Then a flood:
// 10,000 events in one second → all in history, a handful of notifications (coalesced), RSS growth.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServicebellCore } from '../main/core/app/servicebellCore.js';
import { createSystemOpener } from '../main/core/links/linkOpener.js';
import { silentLogger } from '../main/core/log/logger.js';
import { DbusNotifier } from '../main/core/notify/dbusNotifier.js';
import { settingsFrom } from '../test/harness/settings.js';
import { sourceFactories } from '../main/core/sources/registry.js';
import { RawBridgeClient, startPrivmxBridgeEmulator } from '../test/emulators/privmx/index.js';
import { startPrivateDesktop } from '../test/harness/privateBus.js';
import { formatMs, latencyFigures, percentile } from './latencyStats.js';

export const title = 'PrivMX latency (send → D-Bus Notify, vs a bare ws client) and a 10,000-event flood';

const EVENTS = 1_000;
const FLOOD = 10_000;

const ms = formatMs;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function run(): Promise<Record<string, string | number>> {
  const desktop = await startPrivateDesktop();
  const bridge = await startPrivmxBridgeEmulator();
  const key = bridge.addApiKey();
  const ctx = bridge.addContext();
  const thread = bridge.addThread(ctx.id);
  const logger = silentLogger();
  const settings = settingsFrom({
    privmx: { enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id, rules: [{ match: { channel: 'thread', threadId: thread.id }, title: 'Order', body: 'msg {messageId}' }] },
    notifications: { historyLimit: 100_000 },
  });
  const core = await ServicebellCore.open({
    settings, dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-bench-privmx-')),
    notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }), opener: createSystemOpener('linux'),
    getSecret: async ({ name }) => (name === 'privmx.apiKeySecret' ? key.secret : undefined), logger, sources: sourceFactories, hostName: 'bench',
  });
  const bare = await RawBridgeClient.connect(bridge.url);
  try {
    let connected = false;
    core.onStatus((s) => (connected ||= s.source === 'privmx' && s.state === 'connected'));
    await core.start();
    const auth = (await bare.call('manager/auth', { grantType: 'api_key_credentials', apiKeyId: key.id, apiKeySecret: key.secret })).result as { accessToken: string };
    await bare.call('manager/bindAccessToken', { accessToken: auth.accessToken });
    await bare.call('manager/subscribeToChannel', { channels: ['thread'] });
    while (!connected) await sleep(10);

    // Latency: one event at a time, so bursts never coalesce and every event is one Notify.
    core.pipeline.configureBurst({ count: 1_000_000, windowMs: 1_000 });
    const bareAt = new Map<string, number>();
    bare.onNotification = (frame, at) => {
      const data = frame.data as { id?: string } | undefined;
      if (frame.type === 'threadNewMessage' && data?.id) bareAt.set(data.id, at);
    };
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < EVENTS; i += 1) {
      const t0 = performance.now();
      const msg = bridge.sendMessage(thread.id);
      await desktop.notifications.waitFor((n) => n.body === `msg ${msg.id}`);
      ours.push(performance.now() - t0);
      const b = bareAt.get(msg.id);
      if (b !== undefined) theirs.push(b - t0);
    }
    // The like-for-like floor, measured on its own: the same bare ws client calling the same D-Bus notifier directly
    // for each frame (as the Vonage bench's bare listener does), while Servicebell is paused (DND: no Notify of its own).
    await core.dnd.pause(null);
    const bareNotifier = new DbusNotifier({ busAddress: desktop.busAddress, logger });
    bare.onNotification = (frame) => {
      const data = frame.data as { id?: string } | undefined;
      if (frame.type === 'threadNewMessage' && data?.id) void bareNotifier.show({ key: `bare:${data.id}`, title: 'Order', body: `bare ${data.id}` });
    };
    const floor: number[] = [];
    for (let i = 0; i < EVENTS; i += 1) {
      const t0 = performance.now();
      const msg = bridge.sendMessage(thread.id);
      await desktop.notifications.waitFor((n) => n.body === `bare ${msg.id}`);
      floor.push(performance.now() - t0);
    }
    bare.onNotification = () => {};
    await bareNotifier.close();
    await core.dnd.resume();
    ours.sort((a, b) => a - b);
    theirs.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);

    // Context: what one Notify round trip costs on this bus by itself (a bare ws client pays nothing like it).
    const direct = new DbusNotifier({ busAddress: desktop.busAddress, logger });
    const dbusOnly: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const t0 = performance.now();
      await direct.show({ key: `d${i}`, title: 'direct', body: `direct ${i}` });
      await desktop.notifications.waitFor((n) => n.body === `direct ${i}`);
      dbusOnly.push(performance.now() - t0);
    }
    await direct.close();
    dbusOnly.sort((a, b) => a - b);
    // Let the latency phase's burst window pass, so the flood starts from a quiet window.
    await sleep(10_500);

    // Flood: default bursts (3 per 10 s) → a handful of notifications, every event still in history.
    core.pipeline.configureBurst({ count: 3, windowMs: 10_000 });
    desktop.notifications.clear();
    const historyBefore = core.history.list().length;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const floodStart = performance.now();
    for (let batch = 0; batch < 10; batch += 1) {
      for (let i = 0; i < FLOOD / 10; i += 1) bridge.sendMessage(thread.id);
      await sleep(100);
    }
    const deadline = Date.now() + 60_000;
    while (core.history.list().length - historyBefore < FLOOD && Date.now() < deadline) await sleep(50);
    const floodMs = performance.now() - floodStart;
    const rssAfter = process.memoryUsage().rss;
    await sleep(10_500); // the burst window closes and its summary is shown

    return {
      'events (latency)': EVENTS,
      ...latencyFigures('servicebell', ours),
      ...latencyFigures('floor: bare ws + direct Notify', floor),
      'p99 ratio to the floor (target ≤ 1.25)': (percentile(ours, 99) / percentile(floor, 99)).toFixed(2),
      'bare ws frame arrival p50 / p99': `${ms(percentile(theirs, 50))} / ${ms(percentile(theirs, 99))}`,
      'p99 ratio to frame arrival (no Notify)': (percentile(ours, 99) / percentile(theirs, 99)).toFixed(2),
      'bare D-Bus Notify p50 / p99': `${ms(percentile(dbusOnly, 50))} / ${ms(percentile(dbusOnly, 99))}`,
      'flood events sent in 1 s': FLOOD,
      'flood events in history': core.history.list().length - historyBefore,
      'flood notifications (incl. summary)': desktop.notifications.notifications.length,
      'flood drained in': ms(floodMs),
      'RSS growth (flood)': `${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MiB`,
    };
  } finally {
    bare.close();
    await core.stop();
    await bridge.stop();
    await desktop.stop();
  }
}
