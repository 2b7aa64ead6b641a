// Catch-up from outside: the compiled headless bin is stopped, 1,000 events are sent while it is down, it is started
// again on the same data folder. Figures: time from the `connected` line to the last caught-up `alert` line, how many
// arrived and whether each came once, for PrivMX and Vonage; next to the restart's own start → connected time.
import os from 'node:os';
import { startBenchRig, sleep, type BenchSource } from './benchRig.js';
import { connected } from './headlessProcess.js';
import { sender } from './flood.bench.js';

export const title = 'catch-up: 1,000 events missed while the headless bin was stopped';

const MISSED = 1_000;

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), missed: MISSED };
  try {
    for (const source of ['privmx', 'vonage'] as BenchSource[]) {
      const send = sender(rig, source);
      const first = await rig.start([source], { historyLimit: 5_000, quietHours: true });
      try {
        await first.waitFor(() => connected(first, source), 20_000, `${source} connected`);
        send(); // a cursor to catch up from
        await first.waitFor(() => first.alerts.size === 1, 10_000, 'the first alert');
      } finally {
        await first.stop();
      }
      for (let i = 0; i < MISSED; i += 1) send();
      await sleep(200);
      const second = await rig.start([source], { historyLimit: 5_000, quietHours: true, reuse: true });
      try {
        await second.waitFor(() => connected(second, source), 20_000, `${source} connected again`);
        const up = second.lines.find((l) => l.type === 'status' && l.state === 'connected')?.readAt ?? NaN;
        let last = up;
        second.onLine((l) => l.type === 'alert' && (last = l.readAt));
        // Wait until no alert line came for 2 s (a capped catch-up never reaches MISSED).
        let seen = -1;
        while (second.alerts.size !== seen) {
          seen = second.alerts.size;
          await sleep(2_000);
        }
        figures[`${source}: restart → connected`] = `${(up - second.startedAt).toFixed(0)} ms`;
        figures[`${source}: caught up`] = `${second.alerts.size} of ${MISSED}, ${[...second.alerts.values()].every((n) => n === 1) ? 'each once' : 'SOME TWICE'}`;
        figures[`${source}: connected → last alert line`] = `${(last - up).toFixed(0)} ms`;
      } finally {
        await second.stop();
      }
    }
    return figures;
  } finally {
    await rig.close();
  }
}
