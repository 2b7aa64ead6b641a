// ntfy path latency: HTTP publish → the source's `alert` resolved (in history, notifier called), through the real
// ntfy source and pipeline, next to a bare client of the same transport (Node's fetch reading the same topic's JSON
// stream) in the same run. Then a flood: 10,000 messages published as fast as the server takes them → each in
// history once, RSS growth.
import { silentLogger } from '../main/core/log/logger.js';
import { NtfySource } from '../main/core/sources/ntfy/ntfySource.js';
import type { SourceSink } from '../main/core/sources/source.js';
import { startNtfy } from '../test/harness/servers/ntfyServer.js';
import { PipelineSink, supportRequest } from '../test/push/pipelineSink.js';
import { formatMs, latencyFigures, percentile } from './latencyStats.js';

export const title = 'ntfy latency (publish → alert, vs a bare fetch stream reader) and a 10,000-message flood';

const EVENTS = 500;
const FLOOD = 10_000;
const PUBLISHERS = 8;
const TOPIC = 'r1-alerts';
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** The backend's publish, with its token (Basic auth would cost a bcrypt check per request on the server). */
async function publish(baseUrl: string, token: string, message: string): Promise<void> {
  const res = await fetch(`${baseUrl}/${TOPIC}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: message, signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`ntfy publish ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** Arrival times by id, and a promise per id that resolves when it arrives. */
class Arrivals {
  private readonly at = new Map<string, number>();
  private readonly waiting = new Map<string, () => void>();
  note(id: string): void {
    this.at.set(id, performance.now());
    this.waiting.get(id)?.();
    this.waiting.delete(id);
  }
  when(id: string): Promise<number> {
    const t = this.at.get(id);
    if (t !== undefined) return Promise.resolve(t);
    return new Promise((resolve) => this.waiting.set(id, () => resolve(this.at.get(id) ?? NaN)));
  }
  get size(): number {
    return this.at.size;
  }
}

/** The bare client: one streaming GET, lines split, ids taken from the JSON in `message`. */
async function bareReader(url: string, token: string, arrivals: Arrivals, signal: AbortSignal): Promise<void> {
  const res = await fetch(`${url}/${TOPIC}/json`, { headers: { Authorization: `Bearer ${token}` }, signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffer.slice(0, nl)) as { event: string; message?: string };
      buffer = buffer.slice(nl + 1);
      if (event.event === 'message' && event.message) arrivals.note((JSON.parse(event.message) as { id: string }).id);
    }
  }
}

let retried = 0;
/**
 * As a backend should: a failed publish is sent again with the same id (the source shows it once). ntfy 2.11 now and
 * then answers a valid token with 403 when one visitor publishes in parallel (its log then shows the request without
 * the user): seen about once per 1,500 messages with 8 parallel POSTs.
 */
async function publishRetrying(baseUrl: string, token: string, message: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await publish(baseUrl, token, message);
    } catch (err) {
      if (attempt >= 5) throw err;
      retried += 1;
      await sleep(20 * attempt);
    }
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const server = await startNtfy({
    users: [
      { username: 'pos', password: 'pos-pw', access: { [TOPIC]: 'read-only' } },
      { username: 'backend', password: 'backend-pw', access: { [TOPIC]: 'read-write' } },
    ],
  });
  const pipeline = await PipelineSink.open();
  const ours = new Arrivals();
  const sink: SourceSink = {
    alert: async (input) => {
      await pipeline.alert(input);
      ours.note(input.id);
    },
    status: (s) => pipeline.status(s),
  };
  const token = server.tokens.pos ?? '';
  const backendToken = server.tokens.backend ?? '';
  const source = new NtfySource({ options: { enabled: true, baseUrl: server.baseUrl, topics: [TOPIC] }, secret: async () => token, sink, cursors: pipeline.cursors, logger: silentLogger() });
  const bare = new Arrivals();
  const stopBare = new AbortController();
  const bareDone = bareReader(server.baseUrl, token, bare, stopBare.signal).catch(() => {});
  try {
    await source.start();
    while (pipeline.lastState !== 'connected') await sleep(10);
    await sleep(200); // the bare reader's stream is open too

    const oursMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < EVENTS; i += 1) {
      const id = `lat-${i}`;
      const t0 = performance.now();
      await publish(server.baseUrl, backendToken, supportRequest(id));
      const [a, b] = await Promise.all([ours.when(id), bare.when(id)]);
      oursMs.push(a - t0);
      bareMs.push(b - t0);
    }

    process.stderr.write(`  (latency phase done: ${EVENTS} messages)\n`);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const historyBefore = pipeline.historyIds().length;
    const floodStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        while (next < FLOOD) {
          const i = next++;
          await publishRetrying(server.baseUrl, backendToken, supportRequest(`flood-${i}`));
        }
      }),
    );
    const publishedMs = performance.now() - floodStart;
    process.stderr.write(`  (flood published in ${formatMs(publishedMs)})\n`);
    const deadline = Date.now() + 120_000;
    while (ours.size < EVENTS + FLOOD && Date.now() < deadline) await sleep(20);
    const drainedMs = performance.now() - floodStart;
    const rssAfter = process.memoryUsage().rss;
    const inHistory = pipeline.historyIds().length - historyBefore;

    return {
      'messages (latency)': EVENTS,
      ...latencyFigures('servicebell publish → alert', oursMs),
      ...latencyFigures('bare fetch stream reader', bareMs),
      'p99 ratio to the bare reader': (percentile([...oursMs].sort((x, y) => x - y), 99) / percentile([...bareMs].sort((x, y) => x - y), 99)).toFixed(2),
      'flood messages published': FLOOD,
      [`flood published in (${PUBLISHERS} parallel POSTs)`]: formatMs(publishedMs),
      'flood publishes retried (ntfy 403/timeouts)': retried,
      'flood alerts in history': inHistory,
      'flood duplicates': pipeline.duplicates,
      'flood drained in': formatMs(drainedMs),
      'RSS growth (flood)': `${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MiB`,
    };
  } finally {
    stopBare.abort();
    await bareDone;
    await source.stop();
    await pipeline.destroy();
    await server.stop();
  }
}
