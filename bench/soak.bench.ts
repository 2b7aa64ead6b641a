// Soak from outside: events at a steady 200/s into the compiled headless bin (default history limit), RSS sampled
// every 5 s. A leak shows as growth after the first minute. SERVICEBELL_BENCH_SOAK_EVENTS shortens it for routine runs
// (default 100,000 = about 8 min 20 s per source); SERVICEBELL_BENCH_SOURCES picks the sources (default privmx).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startBenchRig, sleep, type BenchSource } from './benchRig.js';
import { connected, mib } from './headlessProcess.js';
import { sender } from './flood.bench.js';

export const title = 'soak: events at 200/s into the headless bin (SERVICEBELL_BENCH_SOAK_EVENTS, default 100,000)';

const EVENTS = Number(process.env.SERVICEBELL_BENCH_SOAK_EVENTS ?? 100_000);
const RATE = 200;

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const only = (process.env.SERVICEBELL_BENCH_SOURCES ?? 'privmx').split(',') as BenchSource[];
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), events: EVENTS, 'rate /s': RATE };
  try {
    for (const source of only) {
      const send = sender(rig, source);
      const p = await rig.start([source]);
      try {
        await p.waitFor(() => connected(p, source), 20_000, `${source} connected`);
        await sleep(1_000);
        const samples: Array<{ at: number; rss: number }> = [];
        const t0 = performance.now();
        const sampler = setInterval(() => samples.push({ at: performance.now() - t0, rss: p.proc().rssMiB }), 5_000);
        // 2 events every 10 ms, catching up on timer lateness so the average rate holds.
        let sent = 0;
        while (sent < EVENTS) {
          const due = Math.min(EVENTS, Math.floor(((performance.now() - t0) / 1000) * RATE));
          for (; sent < due; sent += 1) send();
          await sleep(10);
        }
        await p.waitFor(() => p.alerts.size >= EVENTS, 120_000, `${EVENTS} alert lines`);
        clearInterval(sampler);
        const end = p.proc();
        const afterMinute = samples.find((s) => s.at >= 60_000)?.rss;
        figures[`${source}: seconds`] = ((performance.now() - t0) / 1000).toFixed(0);
        figures[`${source}: alert lines, each once`] = `${p.alerts.size}, ${[...p.alerts.values()].every((n) => n === 1) ? 'yes' : 'NO'}`;
        figures[`${source}: RSS at 1 min`] = afterMinute === undefined ? 'run shorter than a minute' : mib(afterMinute);
        figures[`${source}: RSS at the end`] = mib(end.rssMiB);
        figures[`${source}: growth after 1 min`] = afterMinute === undefined ? '-' : mib(end.rssMiB - afterMinute);
        figures[`${source}: RSS min / max after 1 min`] = afterMinute === undefined ? '-' : `${mib(Math.min(...samples.filter((s) => s.at >= 60_000).map((s) => s.rss)))} / ${mib(Math.max(...samples.filter((s) => s.at >= 60_000).map((s) => s.rss)))}`;
        figures[`${source}: peak RSS`] = mib(end.hwmMiB);
      } finally {
        await p.stop();
      }
    }
    return figures;
  } finally {
    await rig.close();
  }
}
