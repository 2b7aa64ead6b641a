// Vonage cursor writes are coalesced (one `cursors.json` write per flush interval, not one per event), and a kill that
// loses the last interval's cursor replays nothing twice: those alerts are in history, so dedupe absorbs the replay.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/alerts/history.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { EventProcessor, type CursorPort } from '../../main/core/sources/vonage/eventProcessor.js';
import type { HistoryResult } from '../../main/core/sources/vonage/eventHistory.js';
import { CursorStore } from '../../main/core/storage/cursorStore.js';
import { startCli } from '../harness/runCli.js';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
import { RecordingSink, sleep, STAFF_TOKEN, USERNAME, waitUntil } from './fixtures.js';

/** A real CursorStore that counts the saves asked of it. */
class CountingCursors implements CursorPort {
  sets = 0;
  constructor(private readonly store: CursorStore) {}
  get(key: string): string | undefined {
    return this.store.get(key);
  }
  set(key: string, value: string): Promise<void> {
    this.sets += 1;
    return this.store.set(key, value);
  }
  flush(): Promise<void> {
    return this.store.flush();
  }
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function processorRig(cursorFlushMs: number): Promise<{ processor: EventProcessor; cursors: CountingCursors; sink: RecordingSink; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sb-vonage-cursor-'));
  dirs.push(dataDir);
  const cursors = new CountingCursors(await CursorStore.open(dataDir));
  await cursors.set('vonage:CON-1', '0');
  cursors.sets = 0;
  const sink = new RecordingSink();
  const empty: HistoryResult = { events: [], latestId: 0, truncated: false, unavailable: 0 };
  const processor = new EventProcessor({
    conversationId: 'CON-1', eventTypes: new Set(['support_request']), sink, cursors, logger: silentLogger(), now: () => Date.now(),
    fetchAfter: async () => empty, cursorFlushMs, showLimit: 200, showMaxAgeMs: 3_600_000,
  });
  return { processor, cursors, sink, dataDir };
}

describe('Vonage cursor writes', () => {
  it('1,000 events handed over in one interval cost one cursor write, made at stop', async () => {
    const { processor, cursors, sink, dataDir } = await processorRig(60_000);
    for (let id = 1; id <= 1000; id++) void processor.live({ id, type: 'support_request', body: { email: `g${id}@x.io` } });
    await waitUntil(() => sink.alerts.length === 1000, 10_000, '1,000 alerts');
    await processor.stop();
    expect(cursors.sets).toBe(1);
    expect((await CursorStore.open(dataDir)).get('vonage:CON-1')).toBe('1000');
  });

  it('without a stop, the latest cursor still reaches the file within the flush interval', async () => {
    const { processor, cursors, sink, dataDir } = await processorRig(50);
    for (let id = 1; id <= 300; id++) void processor.live({ id, type: 'support_request', body: {} });
    await waitUntil(() => sink.alerts.length === 300, 10_000, '300 alerts');
    // Read through a fresh store, as a restarted process would.
    let onDisk: string | undefined;
    for (const deadline = Date.now() + 5_000; onDisk !== '300' && Date.now() < deadline; await sleep(20)) {
      onDisk = (await CursorStore.open(dataDir)).get('vonage:CON-1');
    }
    expect(onDisk).toBe('300');
    expect(cursors.sets).toBeLessThan(300);
    await processor.stop();
  });

  it('a headless run killed mid-stream, then restarted, shows every event once and none twice', async () => {
    const vonage = await startVonageEmulator();
    const backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF_TOKEN] });
    vonage.setPublicKey(backend.publicKeyPem);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sb-vonage-kill-'));
    dirs.push(dataDir);
    const config = path.join(dataDir, 'config.json');
    await writeFile(config, JSON.stringify({ version: 1, vonage: { enabled: true, backendUrl: backend.url, username: USERNAME, sdk: { url: vonage.url, apiUrl: vonage.url } } }));
    const headless = (): ReturnType<typeof startCli> => startCli(['headless', '--json', '--config', config, '--data-dir', dataDir], { SERVICEBELL_VONAGE_BACKEND_TOKEN: STAFF_TOKEN });
    const alertIds = (stdout: string): string[] =>
      stdout.split('\n').filter((l) => l.includes('"type":"alert"')).map((l) => (JSON.parse(l) as { id: string }).id);
    const pushed: string[] = [];
    const push = (n: number): void => {
      for (let i = 0; i < n; i++) pushed.push(`${vonage.conversationId}:${vonage.push({ email: `guest${pushed.length}@x.io` }).id}`);
    };
    try {
      const first = headless();
      await waitUntil(() => first.stdout().includes('"source":"vonage","state":"connected"'), 20_000, 'first run connected');
      // Keep pushing while the first run works, and kill it at an arbitrary moment in the stream.
      let pushing = true;
      const stream = (async () => {
        while (pushing) {
          push(1);
          await sleep(10);
        }
      })();
      await waitUntil(() => alertIds(first.stdout()).length >= 150, 20_000, '150 alerts in the first run');
      first.child.kill('SIGKILL');
      await first.exited;
      pushing = false;
      await stream;
      push(20); // missed while off
      const firstIds = alertIds(first.stdout());

      const second = headless();
      try {
        await waitUntil(() => second.stdout().includes('"source":"vonage","state":"connected"'), 20_000, 'second run connected');
        const last = pushed.at(-1);
        await waitUntil(() => alertIds(second.stdout()).includes(last ?? ''), 20_000, 'the missed events in the second run');
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
      const secondIds = alertIds(second.stdout());
      // No alert line twice: nothing the first run reported comes again, and nothing repeats within a run.
      expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
      expect(new Set([...firstIds, ...secondIds]).size).toBe(firstIds.length + secondIds.length);
      // Every pushed event is in history (the catch-up limit, 200, is above what was missed).
      const history = await HistoryStore.open(dataDir, 5_000);
      const stored = new Set(history.list().map((e) => e.alert.id));
      await history.close();
      expect(pushed.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await vonage.stop();
      await backend.stop();
    }
  });
});
