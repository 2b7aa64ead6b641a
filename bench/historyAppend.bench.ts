// One durable history add at a time (what one alert waits for before its `alert` line and cursor advance), next
// to the disk's floor measured in the same run: one write of the same line on a descriptor opened O_APPEND|O_DSYNC.
import { constants, promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HistoryStore } from '../main/core/alerts/history.js';
import type { HistoryEntry } from '../main/core/alerts/historyEntry.js';
import { latencyFigures, percentile } from './latencyStats.js';

export const title = 'durable history add (one at a time) vs one O_APPEND|O_DSYNC write';

const COUNT = Number(process.env.SERVICEBELL_BENCH_APPENDS ?? 2_000);

const entry = (i: number): HistoryEntry => ({
  alert: { id: `e${i}`, restaurant: 'default', source: 'vonage', kind: 'support_request', title: 'Support request', body: `guest${i}@example.com has requested support`, link: `https://meetings.vonage.com/r/${i}`, receivedAt: Date.now(), meta: {} },
  shown: true,
  read: false,
});

export async function run(): Promise<Record<string, string | number>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-append-'));
  try {
    const floorFile = await fs.open(path.join(dir, 'floor'), constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC, 0o600);
    const floor: number[] = [];
    const ours: number[] = [];
    const store = await HistoryStore.open(dir, 1000);
    // Interleaved, so both see the same disk and the same neighbours.
    for (let i = 0; i < COUNT; i++) {
      const line = `${JSON.stringify({ op: 'add', entry: entry(i) })}\n`;
      let t0 = performance.now();
      await floorFile.write(line);
      floor.push(performance.now() - t0);
      t0 = performance.now();
      await store.add(entry(i));
      ours.push(performance.now() - t0);
    }
    await store.close();
    await floorFile.close();
    const f = [...floor].sort((a, b) => a - b);
    const o = [...ours].sort((a, b) => a - b);
    return {
      cores: os.availableParallelism(),
      adds: COUNT,
      ...latencyFigures('floor: one O_DSYNC write', floor),
      ...latencyFigures('history.add', ours),
      'added p50 over the floor': `${(percentile(o, 50) - percentile(f, 50)).toFixed(2)} ms`,
      'p99 ratio to the floor': (percentile(o, 99) / percentile(f, 99)).toFixed(2),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
