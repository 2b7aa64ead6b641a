// Latency from outside: event sent → its `alert` line read from the compiled headless bin's stdout (PrivMX, then
// Vonage; quiet hours on, so the line waits for history on disk and for no D-Bus Notify). Next to floors measured in
// the same run with the same emulators and the same kind of event: the same bare client (`ws` / `nexmo-client`)
// appending each event to a file opened O_APPEND|O_DSYNC and then printing a line (durable floor, twice: two such
// processes), and printing only (bare floor). All four processes run at once and take turns, one event at a time,
// each on its own thread (PrivMX; each floor's in a solution of its own, so no process is sent another's frames
// before its own) or conversation (Vonage), so none of them handles another's events.
// The second durable floor is the same program as the first: the ratio between the two is what this machine's noise
// alone makes of a p99 ratio, the yardstick for Servicebell's ratio to the durable floor.
import { mkdtemp, rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { startBenchRig, sleep, type BenchRig, type BenchSource } from './benchRig.js';
import { connected } from './headlessProcess.js';
import { Arrivals, EVENTS, measureInterleaved, startFloor, stopChild, type LatencyPath } from './latencyRun.js';
import { formatMs, latencyFigures, percentile } from './latencyStats.js';

export const title = 'latency: event → `alert` line of the headless bin, vs durable and bare floors taking turns with it (SERVICEBELL_BENCH_LATENCY_EVENTS; SERVICEBELL_BENCH_SOURCES)';

const FLOORS = [
  { label: 'durable floor', durable: true },
  { label: 'second durable floor', durable: true },
  { label: 'bare floor', durable: false },
] as const;

interface SourcePaths {
  floorScript: string;
  /** Sends one event the headless run alerts on; returns the id of its `alert` line. */
  sendOurs: () => string;
  /**
   * A floor's own channel (a thread, a conversation): its arguments, how to send it an event, and what to do once its
   * floor has started (or failed to).
   */
  floorChannel(n: number): { args: string[]; send: () => string; started: () => void };
}

function paths(rig: BenchRig, source: BenchSource): SourcePaths {
  let guest = 0;
  const body = (): Record<string, string> => ({ email: `guest${guest++}@bench.example`, host_url: 'https://meetings.vonage.com/r/1' });
  if (source === 'privmx') {
    return {
      floorScript: 'bareWsClient.ts',
      sendOurs: () => `thread:${rig.bridge.sendMessage(rig.threadId).id}`,
      floorChannel: (n) => {
        // Each floor in a solution of its own, with a key that sees only it, so the Bridge sends a path's frame only to
        // the processes that may see it. With one key for all, every frame went to every socket in the order they
        // connected: the floors first, so each Servicebell frame waited for three sends to floors that ignore it.
        const solution = `bench-floor-${n}`;
        const context = rig.bridge.addContext({ solution });
        const key = rig.bridge.addApiKey({ scopes: ['context', 'thread', `solution:${solution}`] });
        const thread = rig.bridge.addThread(context.id).id;
        return { args: [rig.bridge.url, key.id, key.secret, thread], send: () => rig.bridge.sendMessage(thread).id, started: () => {} };
      },
    };
  }
  return {
    floorScript: 'bareNexmoClient.ts',
    sendOurs: () => `${rig.vonage.conversationId}:${rig.vonage.push(body()).id}`,
    floorChannel: (n) => {
      const user = `bare-listener-${n}`;
      const conversation = rig.vonage.createConversation(`bench-floor-${n}`);
      rig.vonage.addMember(conversation, user);
      // The backend's token allows one conversation: this floor's, until the floor has signed in with it.
      rig.backend.setConversationId(conversation);
      return {
        args: [rig.backend.url, rig.vonage.url, rig.staffToken, conversation, user],
        send: () => String(rig.vonage.push(body(), { conversationId: conversation }).id),
        // Signing in joined it to the headless run's conversation too: it leaves, so it never handles those events.
        started: () => {
          rig.backend.setConversationId(rig.vonage.conversationId);
          rig.vonage.removeMember(rig.vonage.conversationId, user);
        },
      };
    },
  };
}

export async function run(): Promise<Record<string, string | number>> {
  const rig = await startBenchRig();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-floor-'));
  const figures: Record<string, string | number> = { cores: os.availableParallelism(), 'events per path': EVENTS, 'load average at start': os.loadavg().map((l) => l.toFixed(2)).join(' ') };
  try {
    // SERVICEBELL_BENCH_SOURCES=vonage (or privmx) runs one of them.
    const only = (process.env.SERVICEBELL_BENCH_SOURCES ?? 'privmx,vonage').split(',');
    for (const source of (['privmx', 'vonage'] as const).filter((s) => only.includes(s))) {
      const s = paths(rig, source);
      const children: ChildProcess[] = [];
      const turns: LatencyPath[] = [];
      let samples: Map<string, number[]>;
      try {
        for (const [n, floor] of FLOORS.entries()) {
          const channel = s.floorChannel(n);
          const arrivals = new Arrivals();
          try {
            children.push(await startFloor(s.floorScript, channel.args, floor.durable ? path.join(dir, `${source}-${n}.floor`) : undefined, arrivals));
          } finally {
            channel.started();
          }
          turns.push({ label: floor.label, send: channel.send, arrivals });
        }
        const ours = new Arrivals();
        const p = await rig.start([source], { quietHours: true });
        try {
          p.onLine((l) => l.type === 'alert' && l.id !== undefined && ours.note(l.id, l.readAt));
          await p.waitFor(() => connected(p, source), 20_000, `${source} connected`);
          await sleep(1_000);
          samples = await measureInterleaved([{ label: 'Servicebell', send: s.sendOurs, arrivals: ours }, ...turns]);
        } finally {
          await p.stop();
        }
      } finally {
        for (const child of children) await stopChild(child);
      }
      const sorted = (label: string): number[] => [...(samples.get(label) ?? [])].sort((a, b) => a - b);
      for (const label of ['Servicebell', ...FLOORS.map((f) => f.label)]) Object.assign(figures, latencyFigures(`${source}: ${label}`, sorted(label)));
      const [servicebell, durable, second] = [sorted('Servicebell'), sorted('durable floor'), sorted('second durable floor')];
      figures[`${source}: p99 ratio to the durable floor`] = (percentile(servicebell, 99) / percentile(durable, 99)).toFixed(2);
      figures[`${source}: the floor's own p99 ratio (second durable floor / durable floor)`] = (percentile(second, 99) / percentile(durable, 99)).toFixed(2);
      figures[`${source}: added p50 over the durable floor`] = formatMs(percentile(servicebell, 50) - percentile(durable, 50));
      figures[`${source}: the floor's own added p50 (second durable floor − durable floor)`] = formatMs(percentile(second, 50) - percentile(durable, 50));
    }
    figures['load average at the end'] = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    return figures;
  } finally {
    await rig.close();
    await rm(dir, { recursive: true, force: true });
  }
}
