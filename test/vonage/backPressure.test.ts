// Back-pressure on the real nexmo-client socket: when the work queue is deep, the socket.io transport's WebSocket
// stops being read, it reads again once drained, and every event still arrives exactly once, in order.
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { createLogger } from '../../main/core/log/logger.js';
import { vonageSettingsSchema } from '../../main/core/settings/schema.js';
import { VonageSource } from '../../main/core/sources/vonage/vonageSource.js';
import { CursorStore } from '../../main/core/storage/cursorStore.js';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
import { FAST_TIMING, RecordingSink, STAFF_TOKEN, USERNAME, waitUntil } from './fixtures.js';

/** Confirms each alert a little later, as history on a busy disk would. */
class SlowSink extends RecordingSink {
  override async alert(input: AlertInput): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    await super.alert(input);
  }
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Vonage back-pressure', () => {
  it('a flood pauses reading the SDK socket and resumes it; every event once, in order, on the same session', async () => {
    const vonage = await startVonageEmulator();
    cleanups.push(() => vonage.stop());
    const backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF_TOKEN] });
    cleanups.push(() => backend.stop());
    vonage.setPublicKey(backend.publicKeyPem);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sb-vonage-bp-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const sink = new SlowSink();
    const source = new VonageSource({
      settings: vonageSettingsSchema.parse({ enabled: true, backendUrl: backend.url, username: USERNAME, sdk: { url: vonage.url, apiUrl: vonage.url } }),
      getSecret: async (name) => (name === 'vonage.backendToken' ? STAFF_TOKEN : undefined),
      sink, cursors: await CursorStore.open(dataDir), logger: createLogger({ level: 'debug', destination }), timing: FAST_TIMING,
      backPressure: { high: 50, low: 5 },
    });
    cleanups.push(() => source.stop());
    await source.start();
    await waitUntil(() => sink.state === 'connected', 10_000, 'connected');
    const sent: string[] = [];
    for (let i = 0; i < 1_000; i++) sent.push(`${vonage.conversationId}:${vonage.push({ email: `g${i}@x.io` }).id}`);
    await waitUntil(() => sink.alerts.length >= sent.length, 60_000, 'every alert');
    await waitUntil(() => lines.some((l) => l.includes('"paused":false,"applied":true')), 10_000, 'the socket resumed');
    expect(lines.some((l) => l.includes('"paused":true,"applied":true'))).toBe(true);
    expect(sink.ids()).toEqual(sent);
    expect(sink.statuses.filter((s) => s.state === 'connected')).toHaveLength(1);
  }, 90_000);
});
