// What the latency benches share: arrival times by id as a process prints them, one event at a time with a warm-up,
// and a floor process (bench/floors/) started, waited for and stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sleep } from './benchRig.js';

export const EVENTS = Number(process.env.SERVICEBELL_BENCH_LATENCY_EVENTS ?? 1_000);
const WARMUP = 50;
// 12 ms apart: one event at a time, as the latency figures are taken.
const SPACING_MS = 12;
const root = fileURLToPath(new URL('../', import.meta.url));

/** Lines (by id) as a process prints them, with a way to wait for one. */
export class Arrivals {
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
export async function measure(send: () => string, arrivals: Arrivals): Promise<number[]> {
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

/** One process under test in an interleaved measurement: how to send it an event, and where its lines arrive. */
export interface LatencyPath {
  label: string;
  /** Sends one event only this path's process handles; returns the id it will print. */
  send: () => string;
  arrivals: Arrivals;
}

/**
 * The paths take turns, one event at a time (SPACING_MS apart, the first path of each round rotating), so each is
 * measured over the same seconds as the others: on this shared machine the neighbours' load moves the floor's p99
 * by 5× between minutes, so paths measured one after the other compare the minutes, not the code.
 */
export async function measureInterleaved(paths: readonly LatencyPath[]): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(paths.map((p) => [p.label, []]));
  for (let i = 0; i < WARMUP + EVENTS; i += 1) {
    for (let k = 0; k < paths.length; k += 1) {
      const path = paths[(i + k) % paths.length];
      if (!path) continue;
      const t0 = performance.now();
      const id = path.send();
      const readAt = await path.arrivals.wait(id);
      if (i >= WARMUP) samples.get(path.label)?.push(readAt - t0);
      await sleep(SPACING_MS);
    }
  }
  return samples;
}

export async function startFloor(script: string, args: string[], file: string | undefined, arrivals: Arrivals): Promise<ChildProcess> {
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

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
