// Alerts per second through the real pipeline: validation, dedupe, text, link policy, history (on disk, group
// commits), DND and burst coalescing. The notifier only counts (the Notify round trip is in the latency benches).
// Next to it, the floor measured in the same run, before and after: the same alerts through only a Set lookup, their
// history line and one O_DSYNC write per batch in flight (bench/floors/bareDurableIngest.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DoNotDisturb } from '../main/core/alerts/doNotDisturb.js';
import { HistoryStore } from '../main/core/alerts/history.js';
import { AlertPipeline } from '../main/core/alerts/pipeline.js';
import { systemClock } from '../main/core/connection/clock.js';
import { silentLogger } from '../main/core/log/logger.js';
import type { Notifier } from '../main/core/notify/notifier.js';
import { bareDurableIngest, type BareInput } from './floors/bareDurableIngest.js';

export const title = 'pipeline throughput (100,000 synthetic alerts, 10% duplicates)';

const TOTAL = 100_000;
/** Bounded in-flight work, as a source awaiting its sink would be. */
const IN_FLIGHT = 1000;

const input = (i: number): BareInput => {
  const id = i % 10 === 9 ? `e${i - 1}` : `e${i}`;
  return { id, source: 'vonage', kind: 'support_request', title: 'Support request', body: `guest${i}@example.com has requested support`, link: `https://meetings.vonage.com/r/${i}`, receivedAt: Date.now() };
};

/** Wall seconds and CPU milliseconds (user + system) of `work`. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { value, seconds, cpuMs: (used.user + used.system) / 1000 };
}

async function floor(): Promise<{ value: number; seconds: number; cpuMs: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-bench-floor-'));
  try {
    return await timed(() => bareDurableIngest(dir, TOTAL, IN_FLIGHT, input));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const floorBefore = await floor();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'));
  let notifications = 0;
  const notifier: Notifier = { name: 'count', show: async () => (notifications++, { status: 'shown' }), onActivated: () => {}, close: async () => {} };
  const history = await HistoryStore.open(dataDir, 1000);
  const pipeline = new AlertPipeline({
    history,
    dnd: await DoNotDisturb.open(dataDir, { enabled: false, start: '23:00', end: '07:00' }),
    notifier,
    opener: { open: async () => {} },
    allowedHosts: () => ['*.vonage.com'],
    burst: { count: 3, windowMs: 10_000 },
    clock: systemClock,
    logger: silentLogger(),
  });
  const rssBefore = process.memoryUsage().rss;
  let accepted = 0;
  let duplicates = 0;
  const ours = await timed(async () => {
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < TOTAL; i++) {
      batch.push(pipeline.ingest(input(i)).then((r) => (r.status === 'accepted' ? accepted++ : duplicates++)));
      if (batch.length === IN_FLIGHT) await Promise.all(batch.splice(0));
    }
    await Promise.all(batch);
    await history.flush();
  });
  pipeline.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  const rssAfter = process.memoryUsage().rss;
  const floorAfter = await floor();
  const rate = (r: { seconds: number }) => Math.round(TOTAL / r.seconds);
  const cpuPerAlert = (r: { cpuMs: number }) => `${((r.cpuMs * 1000) / TOTAL).toFixed(2)} µs`;
  const floorRate = (rate(floorBefore) + rate(floorAfter)) / 2;
  return {
    cores: os.availableParallelism(),
    'alerts/s': rate(ours),
    'elapsed s': ours.seconds.toFixed(2),
    'CPU per alert': cpuPerAlert(ours),
    'floor alerts/s (before, after)': `${rate(floorBefore)}, ${rate(floorAfter)}`,
    'floor CPU per alert': `${cpuPerAlert(floorBefore)}, ${cpuPerAlert(floorAfter)}`,
    'ratio to the floor': (rate(ours) / floorRate).toFixed(2),
    accepted,
    'floor accepted': `${floorBefore.value}, ${floorAfter.value}`,
    duplicates,
    notifications,
    'history size': history.size,
    'RSS growth MiB': ((rssAfter - rssBefore) / 2 ** 20).toFixed(1),
    'peak RSS MiB': (process.resourceUsage().maxRSS / 1024).toFixed(1),
    'load average': os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}
