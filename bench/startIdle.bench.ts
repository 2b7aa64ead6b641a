// Start-up (process start → every source `connected`, RSS high water) and idle (RSS, CPU over a quiet period) of the
// compiled headless bin against the local emulators, PrivMX only and both sources. Floors measured in the same run:
// a bare `node` that only waits; a bare `node` that loads the libraries such a run must load and waits; and the bare
// start-up (bench/floors/bareHeadless.ts): node start → those libraries → bare `ws` (and nexmo-client) sessions
// connected to the same emulators, then idle for the same period.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { startBenchRig, seconds, sleep, type BenchRig, type BenchSource } from './benchRig.js';
import { compiledFloor, connected, mib, readProc, startJsonProcess, type HeadlessProcess } from './headlessProcess.js';

export const title = 'headless start-up and idle (compiled bin, emulators; SERVICEBELL_BENCH_IDLE_S, default 30)';

const IDLE_S = seconds('SERVICEBELL_BENCH_IDLE_S', 30);
const SETTLE_MS = 3_000;

async function bareNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  await sleep(1_000);
  const rss = readProc(child.pid ?? 0).rssMiB;
  child.kill();
  return rss;
}

/** The floor program for these sources: `wait` only loads the libraries, `connect` also opens the bare sessions. */
async function startFloor(rig: BenchRig, sources: readonly BenchSource[], what: 'wait' | 'connect'): Promise<HeadlessProcess> {
  const script = await compiledFloor('bareHeadless');
  const mode = sources.includes('vonage') ? 'both' : 'privmx';
  const vonage = [rig.backend.url, rig.vonage.url, rig.staffToken, rig.vonage.conversationId];
  return startJsonProcess([script, mode, what, rig.bridge.url, rig.privmxKey.id, rig.privmxKey.secret, ...vonage]);
}

/** Start → every source connected, high water, then idle RSS and CPU over IDLE_S: the same figures for bin and floor. */
async function startAndIdle(p: HeadlessProcess, sources: readonly BenchSource[], label: string, figures: Record<string, string | number>): Promise<void> {
  await p.waitFor(() => sources.every((s) => connected(p, s)), 20_000, `${label} connected`);
  const up = Math.max(...p.lines.filter((l) => l.type === 'status' && l.state === 'connected').map((l) => l.readAt));
  figures[`${label}: start → connected`] = `${(up - p.startedAt).toFixed(0)} ms`;
  figures[`${label}: start-up RSS high water`] = mib(p.proc().hwmMiB);
  await sleep(SETTLE_MS);
  const before = p.proc().cpuSeconds;
  await sleep(IDLE_S * 1000);
  const after = p.proc();
  figures[`${label}: idle RSS`] = mib(after.rssMiB);
  figures[`${label}: idle CPU`] = `${(((after.cpuSeconds - before) / IDLE_S) * 100).toFixed(2)} %`;
}

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), 'idle seconds': IDLE_S, 'load average': os.loadavg().map((l) => l.toFixed(2)).join(' ') };
  try {
    figures['floor: bare node, waiting, RSS'] = mib(await bareNodeRss());
    const cases: Array<[string, BenchSource[]]> = [['PrivMX only', ['privmx']], ['both sources', ['privmx', 'vonage']]];
    for (const [label, sources] of cases) {
      const p = await rig.start(sources);
      try {
        await startAndIdle(p, sources, label, figures);
      } finally {
        await p.stop();
      }
      const libraries = await startFloor(rig, sources, 'wait');
      try {
        await libraries.waitFor(() => libraries.lines.some((l) => l.source === 'floor' && l.state === 'ready'), 20_000, 'floor libraries loaded');
        // After the same settle and idle period as the bin: the garbage of loading has been collected by then.
        await sleep(SETTLE_MS + IDLE_S * 1000);
        figures[`${label} floor: node + the libraries it loads, waiting, RSS`] = mib(libraries.proc().rssMiB);
      } finally {
        await libraries.stop();
      }
      const bare = await startFloor(rig, sources, 'connect');
      try {
        await startAndIdle(bare, sources, `${label} floor (bare sessions)`, figures);
      } finally {
        await bare.stop();
      }
    }
    figures['load average after'] = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    return figures;
  } finally {
    await rig.close();
  }
}
