// The real nexmo-client keeps every conversation event in `conversation.events` for the session's life; the session
// trims it after each event so a long service does not grow without bound (the Vonage soak's leak).
import { afterEach, describe, expect, it } from 'vitest';
import { SDK_EVENTS_KEPT, trimSdkEvents } from '../../main/core/sources/vonage/sdkEventRetention.js';
import { SdkSession, sessionOptions } from '../../main/core/sources/vonage/sdkSession.js';
import { fetchClientJwt } from '../../main/core/sources/vonage/jwtClient.js';
import { vonageTimingSchema } from '../../main/core/sources/vonage/vonageTiming.js';
import { realTimers } from '../../main/core/sources/vonage/timers.js';
import { vonageSettingsSchema } from '../../main/core/settings/schema.js';
import { startBackendEmulator } from '../emulators/backend/index.js';
import { startVonageEmulator } from '../emulators/vonage/index.js';
import { FAST_TIMING, STAFF_TOKEN, USERNAME, waitUntil } from './fixtures.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('trimSdkEvents', () => {
  it('keeps the newest entries in insertion order and drops the oldest', () => {
    const events = new Map(Array.from({ length: 10 }, (_, i) => [String(i), i]));
    expect(trimSdkEvents(events, 4)).toBe(6);
    expect([...events.keys()]).toEqual(['6', '7', '8', '9']);
    expect(trimSdkEvents(events, 4)).toBe(0);
  });

  it('leaves anything that is not a Map alone', () => {
    expect(trimSdkEvents(undefined)).toBe(0);
    expect(trimSdkEvents({ size: 1_000 })).toBe(0);
  });
});

describe('the SDK event map over a real session', () => {
  it('stays at most SDK_EVENTS_KEPT long while every event is still delivered once, in order', async () => {
    const vonage = await startVonageEmulator();
    cleanups.push(() => vonage.stop());
    const backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: [STAFF_TOKEN] });
    cleanups.push(() => backend.stop());
    vonage.setPublicKey(backend.publicKeyPem);
    const settings = vonageSettingsSchema.parse({ enabled: true, backendUrl: backend.url, username: USERNAME, sdk: { url: vonage.url, apiUrl: vonage.url } });
    const jwt = await fetchClientJwt({ backendUrl: backend.url, staffToken: STAFF_TOKEN, username: USERNAME, timeoutMs: 2_000 });
    const seen: string[] = [];
    const session = await SdkSession.open(
      sessionOptions(settings, vonageTimingSchema.parse(FAST_TIMING), { token: jwt.token, conversationId: jwt.conversation }, realTimers),
      {
        onEvent: (name, event) => {
          if (name === 'support_request') seen.push(String((event as { id?: unknown }).id));
        },
        onReconnected: () => undefined,
        onDisconnect: () => undefined,
        onReconnectFailed: () => undefined,
        onTokenRejected: () => undefined,
        onDropped: () => undefined,
      },
    );
    cleanups.push(() => session.close());
    const count = SDK_EVENTS_KEPT + 300;
    const sent: string[] = [];
    for (let i = 0; i < count; i++) sent.push(String(vonage.push({ email: `g${i}@x.io` }).id));
    await waitUntil(() => seen.length >= count, 30_000, 'every event');
    expect(seen).toEqual(sent);
    expect(session.conversation.events).toBeInstanceOf(Map);
    expect(session.conversation.events?.size).toBeLessThanOrEqual(SDK_EVENTS_KEPT);
  });
});
