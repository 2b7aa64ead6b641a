// The PUBACK window against a real Mosquitto, watched on the wire by a relay: acknowledgements in arrival order while
// stores finish out of order, a failed store stops them and the redelivery stores each once, a full window stops the
// reading, and a broker restart mid-flood loses and doubles nothing.
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { MQTT_ACK_WINDOW } from '../../main/core/sources/mqtt/ackWindow.js';
import { MqttSource } from '../../main/core/sources/mqtt/mqttSource.js';
import type { SourceSink } from '../../main/core/sources/source.js';
import { startMosquitto, type MosquittoServer } from '../harness/servers/mosquittoServer.js';
import { startMqttWatchingProxy, type MqttWatchingProxy, type WatchedPacket } from '../harness/servers/mqttWatchingProxy.js';
import { sleep, waitUntil } from '../harness/wait.js';
import { PipelineSink, supportRequest } from '../push/pipelineSink.js';
import { backend, FAST_MQTT_TIMING, settings, USERS } from './mqttHarness.js';

/** The real pipeline behind a hook that runs before each store (delays, failures, a gate); counts stores under way. */
class HookedSink implements SourceSink {
  underWay = 0;
  peakUnderWay = 0;
  calls = 0;
  constructor(readonly inner: PipelineSink, private readonly before: (input: AlertInput) => Promise<void> = async () => {}) {}
  async alert(input: AlertInput): Promise<void> {
    this.calls += 1;
    this.underWay += 1;
    this.peakUnderWay = Math.max(this.peakUnderWay, this.underWay);
    try {
      await this.before(input);
      await this.inner.alert(input);
    } finally {
      this.underWay -= 1;
    }
  }
  status(s: Parameters<SourceSink['status']>[0]): void {
    this.inner.status(s);
  }
}

let broker: MosquittoServer;
let proxy: MqttWatchingProxy;
let inner: PipelineSink;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  // No broker-side limit on unacknowledged messages: the window alone decides how many are in flight.
  broker = await startMosquitto({ users: USERS, maxInflightMessages: 0 });
  proxy = await startMqttWatchingProxy(broker.port);
  inner = await PipelineSink.open();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  await proxy.stop();
  await inner.destroy();
  await broker.stop();
});

async function connectedSource(sink: HookedSink, url = proxy.url): Promise<MqttSource> {
  const source = new MqttSource({
    settings: settings(url), password: async () => 'pos-r1-pw', sink, marks: inner.cursors, logger: silentLogger(), hostName: os.hostname(), timing: FAST_MQTT_TIMING,
  });
  cleanups.push(() => source.stop());
  await source.start();
  await expect.poll(() => inner.lastState).toBe('connected');
  return source;
}

async function publishAll(ids: string[]): Promise<void> {
  const pub = await backend(broker.url);
  await Promise.all(ids.map((id) => pub.send(supportRequest(id))));
  await pub.endAsync();
}

const ofConnection = (packets: readonly WatchedPacket[], connection: number, kind: WatchedPacket['kind']): number[] =>
  packets.filter((p) => p.connection === connection && p.kind === kind).map((p) => p.id);
const sorted = (ids: string[]): string[] => [...ids].sort();
const jitter = (): Promise<void> => sleep(Math.floor(Math.random() * 4));

describe('MQTT PUBACK window on Mosquitto', () => {
  it('acknowledges in the order the messages arrived while many are stored at once and finish out of order', async () => {
    const sink = new HookedSink(inner, jitter);
    const pub = await backend(broker.url);
    cleanups.push(() => pub.endAsync());
    // A retained message (delivered on subscribe, skipped) and unusable payloads among them: acknowledged in order too.
    await pub.send(supportRequest('retained'), { retain: true });
    await connectedSource(sink);
    const ids = Array.from({ length: 1_000 }, (_, i) => `order-${i}`);
    await Promise.all(ids.map((id, i) => pub.send(i % 100 === 50 ? 'not json' : supportRequest(id))));
    const stored = ids.filter((_, i) => i % 100 !== 50);
    await expect.poll(() => inner.historyIds().length, { timeout: 20_000 }).toBe(stored.length);
    await expect.poll(() => ofConnection(proxy.packets, 1, 'puback').length, { timeout: 5_000 }).toBe(ids.length + 1);
    const published = ofConnection(proxy.packets, 1, 'publish');
    expect(published).toHaveLength(ids.length + 1);
    expect(ofConnection(proxy.packets, 1, 'puback')).toEqual(published);
    // Each PUBACK passed the relay after its own PUBLISH.
    const seen = new Set<number>();
    for (const p of proxy.packets) {
      if (p.kind === 'publish') seen.add(p.id);
      else expect(seen.has(p.id)).toBe(true);
    }
    expect(sink.peakUnderWay).toBeGreaterThan(10);
    expect(sorted(inner.historyIds())).toEqual(sorted(stored));
  });

  it('a failed store: no PUBACK for it nor any later one; after the reconnect each message is stored once', async () => {
    // The first 300 are stored; then the later ones, quickly; then message 300 fails, after them.
    let failed = false;
    const sink = new HookedSink(inner, async (input) => {
      const n = Number(input.id.slice('fail-'.length));
      if (n < 300) return jitter();
      await waitUntil(() => inner.historyIds().length >= 300, 10_000, 'the first 300 stored');
      if (n === 300 && !failed) {
        await sleep(50);
        failed = true;
        throw new Error('disk full');
      }
    });
    await connectedSource(sink);
    const ids = Array.from({ length: 600 }, (_, i) => `fail-${i}`);
    await publishAll(ids);
    await expect.poll(() => inner.historyIds().length, { timeout: 20_000 }).toBe(ids.length);
    expect(failed).toBe(true);
    await expect.poll(() => inner.count('connected')).toBeGreaterThanOrEqual(2);
    const published = ofConnection(proxy.packets, 1, 'publish');
    const acked = ofConnection(proxy.packets, 1, 'puback');
    // Message 300 was the 301st the broker sent on the first link: exactly those before it were acknowledged, though
    // the later ones were stored before it failed.
    expect(acked).toEqual(published.slice(0, 300));
    expect(inner.duplicates).toBeGreaterThan(0);
    expect(inner.historyIds()).toHaveLength(ids.length);
    expect(sorted(inner.historyIds())).toEqual(sorted(ids));
  });

  it('a full window stops the reading: no more than the window is handed over until a slot frees', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sink = new HookedSink(inner, () => gate);
    await connectedSource(sink);
    const ids = Array.from({ length: MQTT_ACK_WINDOW + 500 }, (_, i) => `bp-${i}`);
    await publishAll(ids);
    await expect.poll(() => sink.calls, { timeout: 10_000 }).toBe(MQTT_ACK_WINDOW);
    await sleep(500);
    expect(sink.calls).toBe(MQTT_ACK_WINDOW);
    expect(ofConnection(proxy.packets, 1, 'puback')).toEqual([]);
    open();
    await expect.poll(() => inner.historyIds().length, { timeout: 20_000 }).toBe(ids.length);
    expect(sink.peakUnderWay).toBe(MQTT_ACK_WINDOW);
    expect(sorted(inner.historyIds())).toEqual(sorted(ids));
  });

  it('a broker restart mid-flood: nothing lost, nothing doubled', async () => {
    // The first 1,000 are stored; the next ones wait, so a full window is in flight, stored only after the link is gone.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let calls = 0;
    const sink = new HookedSink(inner, () => (++calls > 1_000 ? gate : jitter()));
    await connectedSource(sink, broker.url);
    const ids = Array.from({ length: 3_000 }, (_, i) => `restart-${i}`);
    await publishAll(ids);
    await expect.poll(() => inner.historyIds().length, { timeout: 20_000 }).toBe(1_000);
    await expect.poll(() => sink.calls, { timeout: 10_000 }).toBe(1_000 + MQTT_ACK_WINDOW);
    await broker.restart({ persistence: true });
    open();
    await expect.poll(() => inner.count('connected'), { timeout: 10_000 }).toBe(2);
    const after = ['after-restart-1', 'after-restart-2'];
    await publishAll(after);
    await expect.poll(() => inner.historyIds().length, { timeout: 20_000 }).toBe(ids.length + after.length);
    await sleep(300);
    expect(sorted(inner.historyIds())).toEqual(sorted([...ids, ...after]));
    expect(inner.duplicates).toBeGreaterThan(0);
  });
});
