// Alerts per second through the real pipeline: validation, dedupe, text, link policy, history (on disk, group
// commits), DND and burst coalescing. The notifier only counts (the Notify round trip is in the latency benches).
// Next to it, the floor measured in the same run, taking turns with it: the same alerts through only a Set lookup,
// their history line and one O_DSYNC write per batch in flight (bench/floors/bareDurableIngest.ts). Both warm up
// first (WARM_UP alerts each, untimed): the figure is the pipeline's steady pace, not the JIT's first compile.
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

/** Runs before the timed rounds, untimed, for both: each timed round measures code the JIT has already compiled. */
const WARM_UP = 20_000;
/** Timed rounds of each, taking turns (floor, ours, floor, …, floor), so a noisy moment shows as a spread. */
const ROUNDS = 3;

async function floor(total = TOTAL): Promise<{ value: number; seconds: number; cpuMs: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-bench-floor-'));
  try {
    return await timed(() => bareDurableIngest(dir, total, IN_FLIGHT, input));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Round {
  seconds: number;
  cpuMs: number;
  accepted: number;
  duplicates: number;
  notifications: number;
  historySize: number;
}

/** `total` alerts through a new pipeline on a history of its own (1,000 kept), in batches of IN_FLIGHT. */
async function ours(total = TOTAL): Promise<Round> {
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
  let accepted = 0;
  let duplicates = 0;
  try {
    const run = await timed(async () => {
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < total; i++) {
        batch.push(pipeline.ingest(input(i)).then((r) => (r.status === 'accepted' ? accepted++ : duplicates++)));
        if (batch.length === IN_FLIGHT) await Promise.all(batch.splice(0));
      }
      await Promise.all(batch);
      await history.flush();
    });
    return { seconds: run.seconds, cpuMs: run.cpuMs, accepted, duplicates, notifications, historySize: history.size };
  } finally {
    pipeline.dispose();
    await history.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function run(): Promise<Record<string, string | number>> {
  await floor(WARM_UP);
  await ours(WARM_UP);
  const rssBefore = process.memoryUsage().rss;
  const floors = [await floor()];
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push(await ours());
    floors.push(await floor());
  }
  const rssAfter = process.memoryUsage().rss;
  const rate = (r: { seconds: number }) => Math.round(TOTAL / r.seconds);
  const cpuPerAlert = (r: { cpuMs: number }) => `${((r.cpuMs * 1000) / TOTAL).toFixed(2)} µs`;
  const last = rounds[rounds.length - 1];
  return {
    cores: os.availableParallelism(),
    'alerts/s (each round)': rounds.map(rate).join(', '),
    'alerts/s (median)': median(rounds.map(rate)),
    'CPU per alert': rounds.map(cpuPerAlert).join(', '),
    'floor alerts/s (before, between, after)': floors.map(rate).join(', '),
    'floor alerts/s (median)': median(floors.map(rate)),
    'floor CPU per alert': floors.map(cpuPerAlert).join(', '),
    'ratio to the floor (medians)': (median(rounds.map(rate)) / median(floors.map(rate))).toFixed(2),
    accepted: rounds.map((r) => r.accepted).join(', '),
    'floor accepted': floors.map((f) => f.value).join(', '),
    duplicates: rounds.map((r) => r.duplicates).join(', '),
    notifications: rounds.map((r) => r.notifications).join(', '),
    'history size': last?.historySize ?? 0,
    'RSS growth MiB (over the timed rounds)': ((rssAfter - rssBefore) / 2 ** 20).toFixed(1),
    'peak RSS MiB': (process.resourceUsage().maxRSS / 1024).toFixed(1),
    'load average': os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}
