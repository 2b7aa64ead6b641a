// Latency from outside: event sent → its `alert` line read from the compiled headless bin's stdout (PrivMX, then
// Vonage; quiet hours on, so the line waits for history on disk and for no D-Bus Notify). Next to two floors measured
// in the same run with the same emulators and events: the same bare client (`ws` / `nexmo-client`) appending each
// event to a file opened O_APPEND|O_DSYNC and then printing a line (durable floor), and printing only (bare floor).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startBenchRig, sleep, type BenchRig, type BenchSource } from './benchRig.js';
import { connected } from './headlessProcess.js';
import { formatMs, latencyFigures, percentile } from './latencyStats.js';

export const title = 'latency: event → `alert` line of the headless bin, vs a durable and a bare floor (SERVICEBELL_BENCH_LATENCY_EVENTS)';

const EVENTS = Number(process.env.SERVICEBELL_BENCH_LATENCY_EVENTS ?? 1_000);
const WARMUP = 50;
// 12 ms apart: one event at a time, as the latency figures are taken.
const SPACING_MS = 12;
const root = fileURLToPath(new URL('../', import.meta.url));

/** Lines (by id) as a process prints them, with a way to wait for one. */
class Arrivals {
  private readonly at = new Map<string, number>();
  private readonly waiters = new Map<string, () => void>();
  note(id: string, readAt: number): void {
    this.at.set(id, readAt);
    this.waiters.get(id)?.();
  }
  async wait(id: string, timeoutMs = 5_000): Promise<number> {
    if (!this.at.has(id)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line for ${id} in ${timeoutMs} ms`)), timeoutMs);
        this.waiters.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.delete(id);
    }
    return this.at.get(id) ?? NaN;
  }
}

/** One event per SPACING_MS; `send` returns the id the process under test will print for it. */
async function measure(send: () => string, arrivals: Arrivals): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + EVENTS; i += 1) {
    const t0 = performance.now();
    const id = send();
    const readAt = await arrivals.wait(id);
    if (i >= WARMUP) samples.push(readAt - t0);
    await sleep(SPACING_MS);
  }
  return samples;
}

async function startFloor(script: string, args: string[], file: string | undefined, arrivals: Arrivals): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'floors', script), ...args], {
    cwd: root, env: { ...process.env, ...(file ? { SERVICEBELL_FLOOR_FILE: file } : {}) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  let ready: () => void = () => {};
  const isReady = new Promise<void>((r) => (ready = r));
  child.stdout?.on('data', (chunk: Buffer) => {
    const readAt = performance.now();
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as { id?: string; ready?: boolean };
      buffer = buffer.slice(nl + 1);
      if (line.ready) ready();
      else if (line.id !== undefined) arrivals.note(line.id, readAt);
    }
  });
  await Promise.race([isReady, sleep(20_000).then(() => Promise.reject(new Error(`${script} did not start`)))]);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

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
