import { afterEach, describe, expect, it } from 'vitest';
import { startRig, USERNAME, waitUntil, type Rig } from './fixtures.js';

describe('VonageSource with the real nexmo-client: happy path', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('turns a pushed support_request into one alert, with the seed wording and link', async () => {
    rig = await startRig();
    const { vonage, sink, source } = rig;
    await source.start();
    await waitUntil(() => sink.state === 'connected', 5_000, 'connected');
    const event = vonage.push({ email: 'guest@example.com', host_url: 'https://meetings.vonage.com/host/abc' });
    await waitUntil(() => sink.alerts.length === 1, 5_000, 'alert');
    expect(sink.alerts[0]).toMatchObject({
      id: `${vonage.conversationId}:${event.id}`,
      source: 'vonage',
      kind: 'support_request',
      title: 'Support request',
      body: 'guest@example.com has requested support',
      link: 'https://meetings.vonage.com/host/abc',
      meta: { conversationId: vonage.conversationId, eventId: event.id, host_url: 'https://meetings.vonage.com/host/abc' },
    });
    expect(sink.statuses.at(-1)?.detail).toContain(USERNAME);
    expect(sink.statuses.at(-1)?.detail).not.toContain('warning');
    // The SDK acks the push (protocol doc §4) on its own schedule, after the alert may already be out: wait for it.
    await waitUntil(() => vonage.stats().acks >= 1, 5_000, 'ack');
    // The handshake carried the JWT only in the query.
    expect(vonage.handshakes[0]?.query.token).toMatch(/^eyJ/);
  });
});
