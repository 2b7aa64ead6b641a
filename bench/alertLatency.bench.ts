// Latency from outside: event sent → its `alert` line read from the compiled headless bin's stdout (PrivMX, then
// Vonage; quiet hours on, so the line waits for history on disk and for no D-Bus Notify). Next to two floors measured
// in the same run with the same emulators and events: the same bare client (`ws` / `nexmo-client`) appending each
// event to a file opened O_APPEND|O_DSYNC and then printing a line (durable floor), and printing only (bare floor).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBenchRig, sleep, type BenchRig, type BenchSource } from './benchRig.js';
import { connected } from './headlessProcess.js';
import { Arrivals, EVENTS, measure, startFloor, stopChild } from './latencyRun.js';
import { formatMs, latencyFigures, percentile } from './latencyStats.js';

export const title = 'latency: event → `alert` line of the headless bin, vs a durable and a bare floor (SERVICEBELL_BENCH_LATENCY_EVENTS)';

function sources(rig: BenchRig): Record<BenchSource, { floor: string; args: string[]; send: () => { ours: string; floor: string } }> {
  let n = 0;
  return {
    privmx: {
      floor: 'bareWsClient.ts',
      args: [rig.bridge.url, rig.privmxKey.id, rig.privmxKey.secret],
      send: () => {
        const id = rig.bridge.sendMessage(rig.threadId).id;
        return { ours: `thread:${id}`, floor: id };
      },
    },
    vonage: {
      floor: 'bareNexmoClient.ts',
      args: [rig.backend.url, rig.vonage.url, rig.staffToken, rig.vonage.conversationId],
      send: () => {
        const id = rig.vonage.push({ email: `guest${n++}@bench.example`, host_url: 'https://meetings.vonage.com/r/1' }).id;
        return { ours: `${rig.vonage.conversationId}:${id}`, floor: String(id) };
      },
    },
  };
}

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-floor-'));
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), 'events per path': EVENTS };
  try {
    for (const [source, s] of Object.entries(sources(rig)) as Array<[BenchSource, ReturnType<typeof sources>[BenchSource]]>) {
      // Ours alone, then each floor alone: the same emulators and the same kind of event, one process at a time.
      const arrivals = new Arrivals();
      const p = await rig.start([source], { quietHours: true });
      let ours: number[];
      try {
        p.onLine((l) => l.type === 'alert' && l.id !== undefined && arrivals.note(l.id, l.readAt));
        await p.waitFor(() => connected(p, source), 20_000, `${source} connected`);
        await sleep(1_000);
        ours = await measure(() => s.send().ours, arrivals);
      } finally {
        await p.stop();
      }
      const floors: Record<string, number[]> = {};
      for (const [label, file] of [['durable floor', path.join(dir, `${source}.floor`)], ['bare floor', undefined]] as const) {
        const floorArrivals = new Arrivals();
        const child = await startFloor(s.floor, s.args, file, floorArrivals);
        try {
          await sleep(1_000);
          floors[label] = await measure(() => s.send().floor, floorArrivals);
        } finally {
          await stopChild(child);
        }
      }
      const durable = [...(floors['durable floor'] ?? [])].sort((a, b) => a - b);
      const sorted = [...ours].sort((a, b) => a - b);
      Object.assign(figures, latencyFigures(`${source}: Servicebell`, ours), latencyFigures(`${source}: durable floor`, durable), latencyFigures(`${source}: bare floor`, floors['bare floor'] ?? []));
      figures[`${source}: p99 ratio to the durable floor`] = (percentile(sorted, 99) / percentile(durable, 99)).toFixed(2);
      figures[`${source}: added p50 over the durable floor`] = formatMs(percentile(sorted, 50) - percentile(durable, 50));
    }
    return figures;
  } finally {
    await rig.close();
    await rm(dir, { recursive: true, force: true });
  }
}
