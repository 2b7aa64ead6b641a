// Latency from outside for the sources that replace Vonage: a support request published to a real Mosquitto (QoS 1)
// or POSTed to a real ntfy server → its `alert` line read from the compiled headless bin's stdout (quiet hours on, so
// the line waits for history on disk and for no D-Bus Notify). Next to floors measured in the same run with the same
// server and messages: a bare client of the same transport (MQTT.js; Node's fetch on the JSON stream) appending each
// message to a file opened O_APPEND|O_DSYNC and then printing a line (durable floor, twice: two such processes), and
// printing only (bare floor). All four run at once and take turns, one message at a time, each on its own topic; the
// second durable floor's ratio to the first is the machine's own noise. Then a 10,000-message MQTT flood into the
// headless bin: each once, drain time, memory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mqtt, { type MqttClient } from 'mqtt';
import { startPrivateDesktop, type PrivateDesktop } from '../test/harness/privateBus.js';
import { startMosquitto, type MosquittoServer } from '../test/harness/servers/mosquittoServer.js';
import { startNtfy, type NtfyServer } from '../test/harness/servers/ntfyServer.js';
import { localHhmm, sleep } from './benchRig.js';
import { connected, mib, startHeadlessProcess, type HeadlessProcess } from './headlessProcess.js';
import type { ChildProcess } from 'node:child_process';
import { Arrivals, EVENTS, measureInterleaved, startFloor, stopChild, type LatencyPath } from './latencyRun.js';
import { formatMs, latencyFigures, percentile } from './latencyStats.js';

export const title = 'push latency: MQTT publish / ntfy POST → `alert` line of the headless bin, vs durable and bare floors taking turns with it; a 10,000-message MQTT flood';

const MQTT_TOPIC = 'restaurants/bench/alerts';
const NTFY_TOPIC = 'bench-alerts';
const POS = { username: 'pos-bench', password: 'pos-bench-pw' };
const BACKEND = { username: 'backend', password: 'backend-pw' };
const FLOOD = 10_000;
/**
 * Mosquitto's `max_inflight_messages` for the bench broker (`SERVICEBELL_BENCH_MQTT_INFLIGHT`; 0 = no limit): how
 * many QoS 1 messages it sends an MQTT 3.1.1 client before a PUBACK. Unset: Mosquitto's default, 20.
 */
const BROKER_INFLIGHT = process.env.SERVICEBELL_BENCH_MQTT_INFLIGHT === undefined ? undefined : Number(process.env.SERVICEBELL_BENCH_MQTT_INFLIGHT);
/** The flood floor's topic: a bare client that acknowledges each message on receipt and appends it durably in batches. */
const FLOOD_FLOOR_TOPIC = 'restaurants/bench/flood-floor';
const FLOORS = [
  { label: 'durable floor', durable: true },
  { label: 'second durable floor', durable: true },
  { label: 'bare floor', durable: false },
] as const;
/** Each floor's own topic: it never handles the headless run's messages, nor the other floors'. */
const floorTopic = (kind: Kind, n: number): string => (kind === 'mqtt' ? `restaurants/bench/floor-${n}` : `bench-floor-${n}`);

const request = (id: string): string => JSON.stringify({ type: 'support_request', id, email: `guest-${id}@bench.example`, host_url: 'https://meetings.vonage.com/r/1' });

interface Rig {
  desktop: PrivateDesktop;
  broker: MosquittoServer;
  ntfy: NtfyServer;
  publisher: MqttClient;
  dirs: string[];
}

type Kind = 'mqtt' | 'ntfy';

async function headless(rig: Rig, kind: Kind, options: { quietHours: boolean }): Promise<HeadlessProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-push-'));
  rig.dirs.push(dataDir);
  const config = path.join(dataDir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      version: 2,
      restaurants: [
        {
          id: 'default', name: 'Bench',
          // A client id per run: the broker keeps a persistent session per id, and what the floors received meanwhile
          // would otherwise be queued for the next run.
          mqtt: { enabled: kind === 'mqtt', url: rig.broker.url, topic: MQTT_TOPIC, username: POS.username, clientId: `servicebell-bench-${rig.dirs.length}` },
          ntfy: { enabled: kind === 'ntfy', baseUrl: rig.ntfy.baseUrl, topics: [NTFY_TOPIC] },
        },
      ],
      notifications: { historyLimit: 20_000, ...(options.quietHours ? { quietHours: { enabled: true, start: localHhmm(-120), end: localHhmm(120) } } : {}) },
    }),
  );
  const p = startHeadlessProcess({
    config,
    dataDir,
    env: {
      DBUS_SESSION_BUS_ADDRESS: rig.desktop.busAddress,
      SERVICEBELL_MQTT_PASSWORD: POS.password,
      SERVICEBELL_NTFY_TOKEN: rig.ntfy.tokens[POS.username] ?? '',
      XDG_CURRENT_DESKTOP: '',
    },
  });
  await p.waitFor(() => connected(p, kind), 20_000, `${kind} connected`);
  return p;
}

function sender(rig: Rig, kind: Kind, prefix: string, topic = kind === 'mqtt' ? MQTT_TOPIC : NTFY_TOPIC): () => string {
  let n = 0;
  const backendToken = rig.ntfy.tokens[BACKEND.username] ?? '';
  return () => {
    const id = `${prefix}-${n++}`;
    if (kind === 'mqtt') void rig.publisher.publishAsync(topic, request(id), { qos: 1 });
    else {
      // The backend's POST with its token (Basic auth would cost a bcrypt check per request on the server).
      void fetch(`${rig.ntfy.baseUrl}/${topic}`, { method: 'POST', headers: { Authorization: `Bearer ${backendToken}` }, body: request(id), signal: AbortSignal.timeout(10_000) })
        .then((res) => res.arrayBuffer())
        .catch(() => {});
    }
    return id;
  };
}

function floorArgs(rig: Rig, kind: Kind, topic: string): { script: string; args: string[] } {
  return kind === 'mqtt'
    ? { script: 'bareMqttClient.ts', args: [rig.broker.url, POS.username, POS.password, topic] }
    : { script: 'bareNtfyReader.ts', args: [rig.ntfy.baseUrl, rig.ntfy.tokens[POS.username] ?? '', topic] };
}

async function latency(rig: Rig, kind: Kind, dir: string): Promise<Record<string, string>> {
  const children: ChildProcess[] = [];
  const turns: LatencyPath[] = [];
  let samples: Map<string, number[]>;
  try {
    for (const [n, floor] of FLOORS.entries()) {
      const { script, args } = floorArgs(rig, kind, floorTopic(kind, n));
      const arrivals = new Arrivals();
      children.push(await startFloor(script, args, floor.durable ? path.join(dir, `${kind}-${n}.floor`) : undefined, arrivals));
      turns.push({ label: floor.label, send: sender(rig, kind, `${kind}-floor${n}`, floorTopic(kind, n)), arrivals });
    }
    const ours = new Arrivals();
    const p = await headless(rig, kind, { quietHours: true });
    try {
      p.onLine((l) => l.type === 'alert' && l.id !== undefined && ours.note(l.id, l.readAt));
      await sleep(1_000);
      samples = await measureInterleaved([{ label: 'Servicebell', send: sender(rig, kind, `${kind}-ours`), arrivals: ours }, ...turns]);
    } finally {
      await p.stop();
    }
  } finally {
    for (const child of children) await stopChild(child);
  }
  const sorted = (label: string): number[] => [...(samples.get(label) ?? [])].sort((a, b) => a - b);
  const [servicebell, durable, second] = [sorted('Servicebell'), sorted('durable floor'), sorted('second durable floor')];
  const figures: Record<string, string> = {};
  for (const label of ['Servicebell', ...FLOORS.map((f) => f.label)]) Object.assign(figures, latencyFigures(`${kind}: ${label}`, sorted(label)));
  return {
    ...figures,
    [`${kind}: p99 ratio to the durable floor`]: (percentile(servicebell, 99) / percentile(durable, 99)).toFixed(2),
    [`${kind}: the floor's own p99 ratio (second durable floor / durable floor)`]: (percentile(second, 99) / percentile(durable, 99)).toFixed(2),
    [`${kind}: added p50 over the durable floor`]: formatMs(percentile(servicebell, 50) - percentile(durable, 50)),
    [`${kind}: the floor's own added p50 (second durable floor − durable floor)`]: formatMs(percentile(second, 50) - percentile(durable, 50)),
  };
}

/** Counts the lines too: the flood floor waits for all of them, not one. */
class CountedArrivals extends Arrivals {
  count = 0;
  override note(id: string, readAt: number): void {
    this.count += 1;
    super.note(id, readAt);
  }
}

/**
 * The flood's floor: the same 10,000 publishes into a bare MQTT.js client that is acknowledged on receipt and appends
 * the messages to an O_DSYNC journal, one write per batch (bench/floors/mqttFloodReceiver.ts).
 */
async function mqttFloodFloor(rig: Rig, dir: string): Promise<Record<string, string | number>> {
  const arrivals = new CountedArrivals();
  const args = [rig.broker.url, POS.username, POS.password, FLOOD_FLOOR_TOPIC, path.join(dir, 'mqtt-flood.floor')];
  const child = await startFloor('mqttFloodReceiver.ts', args, undefined, arrivals);
  try {
    await sleep(500);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: FLOOD }, (_, i) => rig.publisher.publishAsync(FLOOD_FLOOR_TOPIC, request(`floor-flood-${i}`), { qos: 1 })));
    const deadline = performance.now() + 60_000;
    while (arrivals.count < FLOOD && performance.now() < deadline) await sleep(10);
    return {
      'mqtt flood floor (bare MQTT.js, PUBACK on receipt, one O_DSYNC write per batch): lines': arrivals.count,
      'mqtt flood floor: drained in (from the first publish)': formatMs(performance.now() - t0),
    };
  } finally {
    await stopChild(child);
  }
}

/** 10,000 QoS 1 publishes as fast as the broker takes them; notifications on (3 shown, then one summary). */
async function mqttFlood(rig: Rig): Promise<Record<string, string | number>> {
  const p = await headless(rig, 'mqtt', { quietHours: false });
  try {
    await sleep(1_000);
    const before = p.proc();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: FLOOD }, (_, i) => rig.publisher.publishAsync(MQTT_TOPIC, request(`flood-${i}`), { qos: 1 })));
    const publishedMs = performance.now() - t0;
    let peak = before.rssMiB;
    const deadline = performance.now() + 180_000;
    const flooded = (): number => [...p.alerts.keys()].filter((id) => id.startsWith('flood-')).length;
    while (flooded() < FLOOD && performance.now() < deadline) {
      peak = Math.max(peak, p.proc().rssMiB);
      await sleep(20);
    }
    const drainedMs = performance.now() - t0;
    const doubled = [...p.alerts.values()].filter((c) => c > 1).length;
    await sleep(10_000);
    const after = p.proc();
    return {
      'mqtt flood: messages': FLOOD,
      "mqtt flood: the broker's in-flight limit (max_inflight_messages)": BROKER_INFLIGHT === undefined ? '20 (Mosquitto default)' : BROKER_INFLIGHT === 0 ? 'none' : BROKER_INFLIGHT,
      'mqtt flood: published in': formatMs(publishedMs),
      'mqtt flood: alert lines (distinct ids)': flooded(),
      'mqtt flood: ids with more than one line': doubled,
      'mqtt flood: drained in (from the first publish)': formatMs(drainedMs),
      'mqtt flood: Notify calls (shown + summaries)': rig.desktop.notifications.notifications.length,
      'mqtt flood: RSS before / peak / 10 s after': `${mib(before.rssMiB)} / ${mib(peak)} / ${mib(after.rssMiB)}`,
      'mqtt flood: RSS high water': mib(after.hwmMiB),
    };
  } finally {
    await p.stop();
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const desktop = await startPrivateDesktop();
  const broker = await startMosquitto({
    users: [{ ...POS, read: ['restaurants/bench/#'] }, { ...BACKEND, write: ['restaurants/#'] }],
    ...(BROKER_INFLIGHT === undefined ? {} : { maxInflightMessages: BROKER_INFLIGHT }),
  });
  const ntfy = await startNtfy({
    users: [
      { ...POS, access: Object.fromEntries([NTFY_TOPIC, ...FLOORS.map((_, n) => floorTopic('ntfy', n))].map((t) => [t, 'read-only' as const])) },
      { ...BACKEND, access: Object.fromEntries([NTFY_TOPIC, ...FLOORS.map((_, n) => floorTopic('ntfy', n))].map((t) => [t, 'read-write' as const])) },
    ],
  });
  const publisher = await mqtt.connectAsync(broker.url, { ...BACKEND, clientId: 'bench-backend', reconnectPeriod: 0 });
  const rig: Rig = { desktop, broker, ntfy, publisher, dirs: [] };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-push-floor-'));
  rig.dirs.push(dir);
  const only = (process.env.SERVICEBELL_BENCH_SOURCES ?? 'mqtt,ntfy').split(',');
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), 'messages per path': EVENTS, 'load average at start': os.loadavg().map((l) => l.toFixed(2)).join(' ') };
  try {
    for (const kind of ['mqtt', 'ntfy'] as const) if (only.includes(kind)) Object.assign(figures, await latency(rig, kind, dir));
    figures['load average after the latency runs'] = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    if (only.includes('mqtt')) Object.assign(figures, await mqttFlood(rig), await mqttFloodFloor(rig, dir));
    return figures;
  } finally {
    await publisher.endAsync();
    await Promise.all([broker.stop(), ntfy.stop()]);
    await desktop.stop();
    for (const d of rig.dirs) await rm(d, { recursive: true, force: true });
  }
}
