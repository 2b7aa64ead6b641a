// Token lifecycle with the real SDK: expiry mid-session, proactive refresh, /jwt outages and refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { alertIds, connected, sleep, startRig, waitUntil, type Rig } from './fixtures.js';

describe('VonageSource tokens', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('token expiry mid-session: new JWT, updateToken + connect, pending events once', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.push({ email: 'a@x.io' });
    await waitUntil(() => rig!.sink.alerts.length === 1);
    rig.vonage.expireToken();
    const b = rig.vonage.push({ email: 'b@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 2, 5_000);
    await connected(rig);
    const c = rig.vonage.push({ email: 'c@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 3);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id, c.id]);
    expect(rig.backend.minted.length).toBe(2);
    // The reconnect reused the session: the handshake carried session_id and the new token.
    const last = rig.vonage.handshakes.at(-1);
    expect(last?.query.session_id).toMatch(/^SES-/);
    expect(last?.query.token).toBe(rig.backend.minted[1]?.token);
  });

  it('refreshes before exp (updateToken while connected), so the server never expires the session', async () => {
    rig = await startRig({ backend: { ttlSeconds: 3 } });
    await rig.source.start();
    await connected(rig);
    await waitUntil(() => rig!.backend.minted.length >= 2, 5_000, 'proactive refresh');
    await waitUntil(() => rig!.vonage.restLog.some((r) => r.route === 'updateSession' && r.status === 200), 2_000);
    await sleep(1_500); // past the first token's exp
    expect(rig.sink.statuses.filter((s) => s.state === 'reconnecting')).toEqual([]);
    const a = rig.vonage.push({ email: 'late@x.io' });
    await waitUntil(() => rig!.sink.alerts.length === 1);
    expect(alertIds(rig)).toEqual([a.id]);
  });

  it('/jwt down then up: offline with backoff, then connected, nothing missed', async () => {
    rig = await startRig();
    await rig.backend.stop();
    await rig.source.start();
    await waitUntil(() => rig!.sink.statuses.some((s) => s.state === 'offline' && /cannot reach .*\/jwt: connection refused/.test(s.detail ?? '')), 5_000);
    const a = rig.vonage.push({ email: 'a@x.io' }); // before the very first connection: baseline, not news
    await rig.backend.restart();
    await connected(rig, 5_000);
    const b = rig.vonage.push({ email: 'b@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 1);
    await sleep(200);
    expect(alertIds(rig)).toEqual([b.id]);
    expect(a.id).toBe(1);
  });

  it('/jwt 401: auth_failed with a clear message and a slow retry, then recovers', async () => {
    rig = await startRig({ timing: { authRetryMs: 800 } });
    rig.backend.fail(401, 2);
    await rig.source.start();
    await waitUntil(() => rig!.sink.state === 'auth_failed', 3_000);
    expect(rig.sink.statuses.at(-1)?.detail).toMatch(/refused the staff token \(HTTP 401\)/);
    expect(rig.sink.statuses.at(-1)?.detail).not.toContain('staff-token-1');
    await sleep(500);
    expect(rig.backend.requests.length).toBe(1); // not a tight loop
    await connected(rig, 5_000);
    expect(rig.backend.requests.length).toBe(3);
  });

  it('/jwt 200 with a malformed body or a stall: offline and retried, never connected with garbage', async () => {
    rig = await startRig();
    rig.backend.fail('malformed', 1);
    rig.backend.fail('stall', 1);
    await rig.source.start();
    await waitUntil(() => rig!.sink.statuses.some((s) => /malformed/.test(s.detail ?? '')), 3_000);
    await waitUntil(() => rig!.sink.statuses.some((s) => /cannot reach .*\/jwt: no answer within/.test(s.detail ?? '')), 5_000);
    await connected(rig, 5_000);
  });

  it('warns in status when the JWT grants more than read access', async () => {
    rig = await startRig({ backend: { acl: (cid) => ({ paths: { '/*/sessions/**': {}, [`/*/conversations/${cid}/**`]: {}, '/*/users/**': {} } }) } });
    await rig.source.start();
    await connected(rig);
    const detail = rig.sink.statuses.at(-1)?.detail ?? '';
    expect(detail).toContain('warning: token grants more than read access');
    expect(detail).toContain('/*/users/** is granted');
    expect(detail).toContain('allows all methods');
  });
});
