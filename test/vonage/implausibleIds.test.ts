// #14.2: one socket event with an implausible id (far ahead of the conversation, or 1e308) made nexmo-client's
// ordering queue wait forever for the gap while the status stayed "connected". The socket guard drops such events
// (and says so in the log), and a watchdog notices when live events stop while the REST history moves on.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../main/core/log/logger.js';
import { alertIds, connected, sleep, startRig, waitUntil, type Rig } from './fixtures.js';

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: () => Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines: () => lines };
}

describe('Vonage events with implausible ids', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  for (const [label, fakeId] of [
    ['100,000 ahead', (last: number | string) => Number(last) + 100_000],
    ['1e308', () => 1e308],
  ] as const) {
    it(`an event ${label} is dropped at the socket and logged; later events still arrive`, async () => {
      const log = capturingLogger();
      rig = await startRig({ logger: log.logger });
      await rig.source.start();
      await connected(rig);
      const a = rig.vonage.push({ email: 'a@x.io' });
      await waitUntil(() => rig!.sink.alerts.length === 1);
      const cid = rig.vonage.conversationId;
      rig.vonage.pushRaw('custom:support_request', { id: fakeId(a.id), cid, from: 'MEM-x', body: { email: 'fake@x.io' }, timestamp: new Date().toISOString() });
      await sleep(100);
      const b = rig.vonage.push({ email: 'b@x.io' });
      const c = rig.vonage.push({ email: 'c@x.io' });
      await waitUntil(() => rig!.sink.alerts.length >= 3, 5_000, 'the events after the implausible one');
      expect(alertIds(rig)).toEqual([a.id, b.id, c.id]);
      const warning = log.lines().find((l) => String(l.msg).includes('implausible event id'));
      expect(warning?.level).toBe(40);
      expect(String(warning?.reason)).toMatch(/ahead of the last known id|not a usable id/);
      expect(rig.sink.state).toBe('connected');
    });
  }

  it('a watchdog: live events stop while the REST history moves on, so it catches up from REST, resets the session and says so', async () => {
    rig = await startRig({ timing: { liveWatchdogMs: 300 } });
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.push({ email: 'a@x.io' });
    await waitUntil(() => rig!.sink.alerts.length === 1);
    const handshakes = rig.vonage.handshakes.length;
    // Stored on the server but never delivered live, as when the SDK's queue is wedged.
    const b = rig.vonage.pushSilently({ email: 'b@x.io' });
    const c = rig.vonage.pushSilently({ email: 'c@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 3, 5_000, 'the stalled events, from REST');
    expect(alertIds(rig)).toEqual([a.id, b.id, c.id]);
    await waitUntil(() => rig!.vonage.handshakes.length > handshakes, 5_000, 'a new session');
    const said = rig.sink.statuses.find((s) => s.state === 'reconnecting' && /live events stopped/.test(s.detail ?? ''));
    expect(said?.detail).toMatch(/live events stopped while the server history moved on/);
    await connected(rig);
    const d = rig.vonage.push({ email: 'd@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 4, 5_000, 'live events again');
    expect(alertIds(rig)).toEqual([a.id, b.id, c.id, d.id]);
  });
});
