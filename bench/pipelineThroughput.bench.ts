// Alerts per second through the real pipeline: validation, dedupe, text, link policy, history (on disk, group
// commits), DND and burst coalescing. The notifier only counts (the Notify round trip is in the latency benches).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DoNotDisturb } from '../main/core/alerts/doNotDisturb.js';
import { HistoryStore } from '../main/core/alerts/history.js';
import { AlertPipeline } from '../main/core/alerts/pipeline.js';
import { systemClock } from '../main/core/connection/clock.js';
import { silentLogger } from '../main/core/log/logger.js';
import type { Notifier } from '../main/core/notify/notifier.js';

export const title = 'pipeline throughput (100,000 synthetic alerts, 10% duplicates)';

export async function run(): Promise<Record<string, string | number>> {
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
  const total = 100_000;
  const rssBefore = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const batch: Promise<unknown>[] = [];
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < total; i++) {
    const id = i % 10 === 9 ? `e${i - 1}` : `e${i}`;
    batch.push(
      pipeline
        .ingest({ id, source: 'vonage', kind: 'support_request', title: 'Support request', body: `guest${i}@example.com has requested support`, link: `https://meetings.vonage.com/r/${i}`, receivedAt: Date.now() })
        .then((r) => (r.status === 'accepted' ? accepted++ : duplicates++)),
    );
    // Bounded in-flight work, as a source awaiting its sink would be.
    if (batch.length === 1000) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  await history.flush();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  pipeline.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    'alerts/s': Math.round(total / seconds),
    'elapsed s': seconds.toFixed(2),
    accepted,
    duplicates,
    notifications,
    'history size': history.size,
    'RSS growth MiB': ((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(1),
    'peak RSS MiB': (process.resourceUsage().maxRSS / 1024).toFixed(1),
  };
}
