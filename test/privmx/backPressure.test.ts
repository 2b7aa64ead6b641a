// Back-pressure on the real ws socket: when the work queue is deep the socket stops being read, it reads again
// once drained, and every event still arrives exactly once on the same connection.
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertInput } from '../../main/core/alerts/alert.js';
import { PrivmxSource } from '../../main/core/sources/privmx/privmxSource.js';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { waitUntil } from '../harness/wait.js';
import { capturingLogger, expectExactly, FAST_TIMING, MemoryCursors, privmxSettings, RecordingSink, seed } from './sourceHarness.js';

/** Confirms each alert a little later, as history on a busy disk would. */
class SlowSink extends RecordingSink {
  override async alert(input: AlertInput): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    await super.alert(input);
  }
}

let emu: PrivmxBridgeEmulator | undefined;
let source: PrivmxSource | undefined;
afterEach(async () => {
  await source?.stop();
  await emu?.stop();
  source = undefined;
  emu = undefined;
});

describe('PrivMX back-pressure', () => {
  it('a flood pauses reading the socket and resumes it; nothing is lost or doubled, the connection stays', async () => {
    emu = await startPrivmxBridgeEmulator();
    const s = seed(emu);
    const sink = new SlowSink();
    const { logger, lines } = capturingLogger();
    source = new PrivmxSource({
      settings: privmxSettings(s, { rules: [{ match: { channel: 'thread', threadId: s.threadId }, title: 'Order', body: 'msg {messageId}' }] }),
      getSecret: async (name) => (name === 'privmx.apiKeySecret' ? s.key.secret : undefined),
      sink, cursors: new MemoryCursors(), logger, hostName: 'test-host',
      // deadAfterMs well above FAST_TIMING's: this test is about pausing, not about a dead Bridge.
      timing: { ...FAST_TIMING, deadAfterMs: 10_000 },
      backPressure: { high: 50, low: 5 },
    });
    await source.start();
    await waitUntil(() => sink.lastState === 'connected', 10_000, 'connected');
    const sent: string[] = [];
    for (let i = 0; i < 3_000; i++) sent.push(`thread:${emu.sendMessage(s.threadId).id}`);
    await waitUntil(() => sink.alerts.length >= sent.length, 30_000, 'every alert');
    await waitUntil(() => lines.some((l) => l.includes('socket resumed')), 10_000, 'the socket resumed');
    expect(lines.some((l) => l.includes('work queue deep, socket paused'))).toBe(true);
    expectExactly(sink, sent);
    expect(sink.connectedCount()).toBe(1);
  });
});
