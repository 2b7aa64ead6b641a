// Start-up (process start → every source `connected`, RSS high water) and idle (RSS, CPU over a quiet period) of the
// compiled headless bin against the local emulators, PrivMX only and both sources. The floor, measured in the same
// run: a bare `node` process that only waits.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { startBenchRig, seconds, sleep, type BenchSource } from './benchRig.js';
import { connected, mib, readProc } from './headlessProcess.js';

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

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), 'idle seconds': IDLE_S };
  try {
    figures['floor: bare node, waiting, RSS'] = mib(await bareNodeRss());
    const cases: Array<[string, BenchSource[]]> = [['PrivMX only', ['privmx']], ['both sources', ['privmx', 'vonage']]];
    for (const [label, sources] of cases) {
      const p = await rig.start(sources);
      try {
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
      } finally {
        await p.stop();
      }
    }
    return figures;
  } finally {
    await rig.close();
  }
}
