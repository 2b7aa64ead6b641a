// Flood, from outside: 10,000 events sent within 0.5 s to the compiled headless bin (PrivMX, then Vonage, each on
// its own run): every one reported once (`alert` lines, then history on disk), how many notifications, the drain
// time, peak RSS, and RSS 30 s later; next to the same process's RSS before the flood, and a floor in the same run
// (bench/floors/floodReceiver.ts): a plain process receiving the same events over the bare client, keeping each as a
// history record in memory and appending it to an O_APPEND|O_DSYNC journal, with the same figures.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HistoryStore } from '../main/core/alerts/history.js';
import { startBenchRig, seconds, sleep, type BenchRig, type BenchSource } from './benchRig.js';
import { compiledFloor, connected, mib, startJsonProcess, type HeadlessProcess } from './headlessProcess.js';

export const title = 'flood: 10,000 events in 0.5 s into the headless bin (SERVICEBELL_BENCH_SETTLE_S, default 30; SERVICEBELL_BENCH_SOURCES)';

const FLOOD = 10_000;
const BATCHES = 5;
const SETTLE_S = seconds('SERVICEBELL_BENCH_SETTLE_S', 30);

/** Sends one event from `source` through its emulator. */
export function sender(rig: BenchRig, source: BenchSource): () => void {
  if (source === 'privmx') return () => void rig.bridge.sendMessage(rig.threadId);
  let n = 0;
  return () => void rig.vonage.push({ email: `guest${n++}@bench.example`, host_url: 'https://meetings.vonage.com/r/1' });
}

export interface FloodFigures {
  drainMs: number;
  alerts: number;
  once: boolean;
  peakMiB: number;
  beforeMiB: number;
}

/** Sends `count` events in `batches` equal batches 100 ms apart; resolves once all `alert` lines are read. */
export async function flood(rig: BenchRig, p: HeadlessProcess, source: BenchSource, count: number, batches: number): Promise<FloodFigures> {
  const send = sender(rig, source);
  const already = p.alerts.size;
  const beforeMiB = p.proc().rssMiB;
  let peakMiB = beforeMiB;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, p.proc().rssMiB)), 20);
  const t0 = performance.now();
  let last = t0;
  p.onLine((l) => {
    if (l.type === 'alert') last = l.readAt;
  });
  for (let b = 0; b < batches; b += 1) {
    for (let i = 0; i < count / batches; i += 1) send();
    await sleep(100);
  }
  await p.waitFor(() => p.alerts.size - already >= count, 120_000, `${count} alert lines`);
  clearInterval(sampler);
  peakMiB = Math.max(peakMiB, p.proc().hwmMiB);
  const once = [...p.alerts.values()].every((n) => n === 1);
  return { drainMs: last - t0, alerts: p.alerts.size - already, once, peakMiB, beforeMiB };
}

/** SERVICEBELL_BENCH_SOURCES=privmx (or vonage) runs one of them. */
function floodSources(): BenchSource[] {
  const only = process.env.SERVICEBELL_BENCH_SOURCES;
  return (['privmx', 'vonage'] as const).filter((s) => !only || only.split(',').includes(s));
}

/** The flood floor for `source`, connected to the rig's emulator, its journal in a folder of its own. */
async function startFloodFloor(rig: BenchRig, source: BenchSource, journal: string): Promise<HeadlessProcess> {
  const script = await compiledFloor('floodReceiver');
  const args = source === 'privmx' ? [rig.bridge.url, rig.privmxKey.id, rig.privmxKey.secret] : [rig.backend.url, rig.vonage.url, rig.staffToken, rig.vonage.conversationId];
  return startJsonProcess([script, source, journal, ...args]);
}

/** The same flood into the floor process: its RSS before, drain time, peak RSS and RSS after the same settle. */
async function floorFigures(rig: BenchRig, source: BenchSource, figures: Record<string, string | number>): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-floor-'));
  const p = await startFloodFloor(rig, source, path.join(folder, 'history.journal'));
  try {
    await p.waitFor(() => connected(p, source), 20_000, `${source} floor connected`);
    await sleep(2_000);
    const f = await flood(rig, p, source, FLOOD, BATCHES);
    figures[`${source} floor: RSS before the flood`] = mib(f.beforeMiB);
    figures[`${source} floor: alert lines, each once`] = `${f.alerts}, ${f.once ? 'yes' : 'NO'}`;
    figures[`${source} floor: drained in`] = `${f.drainMs.toFixed(0)} ms`;
    figures[`${source} floor: peak RSS`] = mib(f.peakMiB);
    await sleep(SETTLE_S * 1000);
    figures[`${source} floor: RSS ${SETTLE_S} s after`] = mib(p.proc().rssMiB);
  } finally {
    await p.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), events: FLOOD, 'settle seconds': SETTLE_S, 'load average': os.loadavg().map((l) => l.toFixed(2)).join(' ') };
  try {
    for (const source of floodSources()) {
      // Room for the flood and its summaries (each summary is a history entry of its own): none of the flood is trimmed.
      const p = await rig.start([source], { historyLimit: FLOOD + 100 });
      try {
        await p.waitFor(() => connected(p, source), 20_000, `${source} connected`);
        await sleep(2_000);
        rig.desktop.notifications.clear();
        const f = await flood(rig, p, source, FLOOD, BATCHES);
        figures[`${source}: RSS before the flood (floor)`] = mib(f.beforeMiB);
        figures[`${source}: alert lines, each once`] = `${f.alerts}, ${f.once ? 'yes' : 'NO'}`;
        figures[`${source}: drained in`] = `${f.drainMs.toFixed(0)} ms`;
        figures[`${source}: peak RSS`] = mib(f.peakMiB);
        await sleep(SETTLE_S * 1000);
        figures[`${source}: RSS ${SETTLE_S} s after`] = mib(p.proc().rssMiB);
        figures[`${source}: notifications (incl. summary)`] = rig.desktop.notifications.notifications.length;
      } finally {
        await p.stop();
      }
      const history = await HistoryStore.open(rig.dataDir, FLOOD + 100);
      figures[`${source}: in history`] = history.list().filter((e) => e.alert.source === source).length;
      await history.close();
      await floorFigures(rig, source, figures);
    }
    figures['load average after'] = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    return figures;
  } finally {
    await rig.close();
  }
}
