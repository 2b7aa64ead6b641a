// Event handling with the real SDK: duplicates, hostile payloads, other conversations, REST failures, restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { alertIds, connected, sleep, startRig, USERNAME, waitUntil, type Rig } from './fixtures.js';

describe('VonageSource events', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('the same event delivered twice is one alert', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.push({ email: 'a@x.io' });
    rig.vonage.redeliver(a.id);
    await waitUntil(() => rig!.sink.alerts.length >= 1);
    rig.vonage.redeliver(a.id);
    const b = rig.vonage.push({ email: 'b@x.io' });
    rig.vonage.redeliver(b.id);
    await waitUntil(() => rig!.sink.alerts.length >= 2);
    await sleep(300);
    expect(alertIds(rig)).toEqual([a.id, b.id]);
  });

  it('hostile bodies: no crash, no stall, raw text handed on for the pipeline to sanitize', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const { vonage } = rig;
    const markup = vonage.push({ email: '<b>boss</b>&amp;@evil.example', host_url: 'javascript:alert(1)' });
    const huge = vonage.push({ email: `${'a'.repeat(100_000)}@x.io`, host_url: `https://x.vonage.com/${'b'.repeat(100_000)}` });
    const wrongTypes = vonage.push({ email: 42, host_url: { href: 'https://x' } });
    const stringBody = vonage.push('just a string');
    const nullBody = vonage.pushMalformed({ body: null, from: 'MEM-x' });
    const arrayBody = vonage.push([1, 2, 3]);
    vonage.pushRaw('custom:support_request', 'not an object'); // would be an uncaught exception in the SDK
    vonage.pushRaw('custom:support_request', null);
    vonage.pushRaw('custom:support_request', { id: 'abc', cid: vonage.conversationId, body: { email: 'weird@id.io' } });
    vonage.push({ text: 'hello' }, { type: 'text' }); // its automatic receipt is refused (read-only ACL)
    const last = vonage.push({ email: 'fine@x.io', host_url: 'https://meetings.vonage.com/h/1' });
    await waitUntil(() => rig!.sink.alerts.some((a) => a.id.endsWith(`:${last.id}`)), 5_000, 'the event after the hostile ones');
    await sleep(200);
    expect(alertIds(rig)).toEqual([markup.id, huge.id, wrongTypes.id, stringBody.id, nullBody.id, arrayBody.id, last.id]);
    const [m, h, w, s] = rig.sink.alerts;
    expect(m?.body).toBe('<b>boss</b>&amp;@evil.example has requested support');
    expect(m?.link).toBe('javascript:alert(1)'); // the pipeline's link policy rejects it
    // Too long to be an address: what was typed, cut to 120 characters.
    expect(h?.body).toBe(`${'a'.repeat(119)}… has requested support`);
    expect(h?.meta?.email).toBeUndefined();
    expect(h?.link).toBeUndefined();
    expect(h?.meta?.linkProblem).toBe('host_url too long');
    expect(w?.body).toBe('A guest has requested support');
    expect(w?.meta?.linkProblem).toBe('host_url is not a string');
    expect(s?.body).toBe('A guest has requested support');
    expect(JSON.stringify(rig.sink.alerts).length).toBeLessThan(10_000);
  });

  it('an event for another conversation is not an alert', async () => {
    rig = await startRig();
    const other = rig.vonage.createConversation('kitchen');
    rig.vonage.addMember(other, USERNAME);
    await rig.source.start();
    await connected(rig);
    rig.vonage.push({ email: 'elsewhere@x.io' }, { conversationId: other });
    const a = rig.vonage.push({ email: 'here@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 1);
    await sleep(300);
    expect(rig.sink.alerts.map((x) => x.id)).toEqual([`${rig.vonage.conversationId}:${a.id}`]);
  });

  it('REST 500 on the event history: catch-up retries until it succeeds', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.pushSilently({ email: 'a@x.io' });
    const b = rig.vonage.pushSilently({ email: 'b@x.io' });
    rig.vonage.failRest({ route: 'getEvents', kind: 500, times: 3 });
    rig.source.reconnectNow('test');
    await waitUntil(() => rig!.sink.alerts.length >= 2, 8_000);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id]);
    expect(rig.vonage.restLog.filter((r) => r.route === 'getEvents' && r.status === 500).length).toBe(3);
  });

  it('a gap in live ids is closed from history before the later event (ordered, once)', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.pushSilently({ email: 'a@x.io' });
    const b = rig.vonage.push({ email: 'b@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 2);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id]);
  });

  it('a pipeline failure is retried by the next catch-up, not lost', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    rig.sink.failNext = 1;
    const a = rig.vonage.push({ email: 'a@x.io' });
    await sleep(200);
    const b = rig.vonage.push({ email: 'b@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 2);
    expect(alertIds(rig)).toEqual([a.id, b.id]);
  });

  it('process restart: events missed while off are shown once, older ones never again', async () => {
    rig = await startRig();
    await rig.source.start();
    await connected(rig);
    const a = rig.vonage.push({ email: 'a@x.io' });
    await waitUntil(() => rig!.sink.alerts.length === 1);
    await rig.source.stop();
    const b = rig.vonage.push({ email: 'b@x.io' });
    const c = rig.vonage.push({ email: 'c@x.io' });
    const second = await rig.newSource();
    await second.start();
    await waitUntil(() => rig!.sink.alerts.length >= 3, 5_000);
    const d = rig.vonage.push({ email: 'd@x.io' });
    await waitUntil(() => rig!.sink.alerts.length >= 4);
    await sleep(200);
    expect(alertIds(rig)).toEqual([a.id, b.id, c.id, d.id]);
    // Cursor writes are coalesced (every 250 ms): wait for the advance to d, whose alert is in the sink.
    await waitUntil(() => rig!.cursors.get(`vonage:${rig!.vonage.conversationId}`) === String(d.id), 5_000, 'cursor at d');
    expect(rig.cursors.get(`vonage:${rig.vonage.conversationId}`)).toBe(String(d.id));
  });
});
