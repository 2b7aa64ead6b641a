// Connection loss and recovery with the real SDK: no lost and no duplicate alerts, no crash.
import { afterEach, describe, expect, it } from 'vitest';
import { alertIds, connected, sleep, startRig, waitUntil, type Rig } from './fixtures.js';

describe('VonageSource connection recovery', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('transport drop: events pushed while down arrive once, in order', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.push({ email: 'a@x.io' });
    await waitUntil(() => rig!.sink.alerts.length === 1);
    rig.vonage.dropTransports({ refuseMs: 500 });
    await waitUntil(() => rig!.sink.state === 'reconnecting');
    const b = rig.vonage.push({ email: 'b@x.io' });
    const c = rig.vonage.push({ email: 'c@x.io' });
    await connected(rig);
    await waitUntil(() => rig!.sink.alerts.length >= 3);
    const d = rig.vonage.push({ email: 'd@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 4);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('Vonage restart on the same port: ids keep increasing, missed events caught up once', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.push({ email: 'a@x.io' });
    await waitUntil(() => rig!.sink.alerts.length === 1);
    const port = rig.vonage.port;
    await rig.vonage.stop();
    const b = rig.vonage.push({ email: 'b@x.io' }); // stored while down; nobody connected
    await rig.vonage.restart();
    expect(rig.vonage.port).toBe(port);
    await waitUntil(() => rig!.sink.alerts.length >= 2, 8_000, 'catch-up after restart');
    const c = rig.vonage.push({ email: 'c@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 3, 8_000);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id, c.id]);
    expect(c.id).toBe(3);
  });

  it('a long outage exhausts socket.io retries (reconnect_failed): backoff brings it back', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    await rig.vonage.stop();
    const a = rig.vonage.push({ email: 'during@x.io' });
    await sleep(1_500); // 3 attempts at 100–200 ms, then our own backoff
    await rig.vonage.restart();
    await waitUntil(() => rig!.sink.alerts.length >= 1, 8_000, 'alert after outage');
    await connected(rig);
    const b = rig.vonage.push({ email: 'after@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 2);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id]);
  });

  it('server kick (io server disconnect): reconnects itself and replays pending events', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    rig.vonage.kick();
    const a = rig.vonage.push({ email: 'k@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 1, 5_000);
    await connected(rig);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id]);
    expect(rig.sink.statuses.some((s) => s.state === 'reconnecting')).toBe(true);
  });

  it('silent server at login: times out, retries, then connects', async () => {
    rig = await startRig();
    rig.vonage.setSilentLogin(true);
    await rig.source.start();
    await waitUntil(() => rig!.sink.statuses.some((s) => s.state === 'offline' && /createSession/.test(s.detail ?? '')), 5_000, 'login timeout status');
    rig.vonage.setSilentLogin(false);
    await connected(rig, 5_000);
    const a = rig.vonage.push({ email: 's@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 1);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id]);
  });

  it('reconnectNow forces a fresh session and catches up what was stored silently', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.pushSilently({ email: 'quiet@x.io' });
    rig.source.reconnectNow('resume from sleep');
    await waitUntil(() => rig!.sink.alerts.length >= 1);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id]);
    expect(rig.backend.minted.length).toBe(2);
  });

  it('stop() leaves nothing running', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    await rig.source.stop();
    expect(rig.sink.state).toBe('offline');
    await sleep(300);
    expect(rig.vonage.stats().connectedSessions).toBe(0);
  });
});
