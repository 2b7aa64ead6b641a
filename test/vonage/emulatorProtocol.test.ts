// Pins the emulator's protocol (doc §9) against the bare, real nexmo-client: no VonageSource involved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadNexmoClient } from '../../main/core/sources/vonage/sdkRuntime.js';
import type { SdkClient } from '../../main/core/sources/vonage/sdkTypes.js';
import { startVonageEmulator, type VonageEmulator } from '../emulators/vonage/index.js';
import { startBackendEmulator, type BackendEmulator } from '../emulators/backend/index.js';
import { sleep, waitUntil } from './fixtures.js';

interface BareConversation {
  on(e: string, l: (...a: unknown[]) => void): void;
  getEvents(p: Record<string, unknown>): Promise<{ items: Map<number, { body: unknown }>; hasNext(): boolean; getNext(): Promise<{ items: Map<number, unknown> }> }>;
  sendCustomEvent(e: { type: string; body: unknown }): Promise<unknown>;
}

describe('Vonage emulator protocol, pinned with the bare SDK', () => {
  let vonage: VonageEmulator;
  let backend: BackendEmulator;
  const clients: SdkClient[] = [];
  beforeEach(async () => {
    vonage = await startVonageEmulator();
    backend = await startBackendEmulator({ conversationId: vonage.conversationId, staffTokens: ['t'] });
    vonage.setPublicKey(backend.publicKeyPem);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await vonage.stop();
    await backend.stop();
  });

  async function jwt(username = 'alice'): Promise<string> {
    const r = await fetch(`${backend.url}/jwt`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
    return ((await r.json()) as { token: string }).token;
  }

  function client(): SdkClient {
    const NexmoClient = loadNexmoClient();
    const c = new NexmoClient({ url: vonage.url, nexmo_api_url: vonage.url, debug: false, socket_io: { reconnectionDelay: 50, reconnectionDelayMax: 100 } });
    clients.push(c);
    return c;
  }

  async function open(): Promise<BareConversation> {
    const app = await client().createSession(await jwt());
    return (await app.getConversation(vonage.conversationId)) as unknown as BareConversation;
  }

  it('login is the first event; the JWT travels only in the handshake query', async () => {
    await open();
    const q = vonage.handshakes[0]?.query ?? {};
    expect(q.token).toMatch(/^eyJ/);
    expect(q).toMatchObject({ SDK_version: '9.5.1', OS_family: 'js', acknowledge_events: 'true' });
    expect(vonage.restLog.map((r) => r.route)).toEqual(['getConversation', 'getMyMember']);
  });

  it('an invalid or expired token rejects createSession with the event name as type', async () => {
    const bad = (await jwt()).replace(/\.[^.]+$/, '.AAAA');
    await expect(client().createSession(bad)).rejects.toMatchObject({ type: 'system:error:invalid-token' });
    backend.setTtlSeconds(-10);
    await expect(client().createSession(await jwt())).rejects.toMatchObject({ type: 'system:error:expired-token' });
  });

  it('getEvents pages with the cursor last in each href; ids survive a restart', async () => {
    for (let i = 0; i < 5; i += 1) vonage.pushSilently({ n: i });
    await vonage.restart();
    const sixth = vonage.pushSilently({ n: 5 });
    expect(sixth.id).toBe(6);
    const conv = await open();
    const page = await conv.getEvents({ page_size: 4, order: 'desc' });
    expect([...page.items.keys()]).toEqual([6, 5, 4, 3]);
    expect(page.hasNext()).toBe(true);
    expect([...(await page.getNext()).items.keys()]).toEqual([2, 1]);
  });

  it('gap fill: a silently stored event is fetched by the SDK before the next live one', async () => {
    const conv = await open();
    const seen: unknown[] = [];
    conv.on('support_request', (_s, e) => seen.push((e as { id: unknown }).id));
    vonage.push({ n: 1 });
    await waitUntil(() => seen.length === 1);
    vonage.pushSilently({ n: 2 });
    vonage.push({ n: 3 });
    await waitUntil(() => seen.length === 3);
    expect(seen).toEqual([1, 2, 3]);
    expect(vonage.restLog.some((r) => r.route === 'getEvents' && r.path.includes('start_id=2'))).toBe(true);
  });

  it('transport drop: the SDK reconnects with session_id and gets pending_events', async () => {
    const conv = await open();
    const seen: unknown[] = [];
    conv.on('support_request', (_s, e) => seen.push((e as { id: unknown }).id));
    vonage.dropTransports({ refuseMs: 200 });
    await sleep(20);
    vonage.push({ n: 1 });
    await waitUntil(() => seen.length === 1, 5_000);
    expect(vonage.handshakes.at(-1)?.query.session_id).toMatch(/^SES-/);
    expect(vonage.handshakes.at(-1)?.query.SDK_version).toBeUndefined();
  });

  it('the seed ACL is read-only: POSTing an event is 403', async () => {
    const conv = await open();
    await expect(conv.sendCustomEvent({ type: 'support_request', body: {} })).rejects.toBeDefined();
    expect(vonage.restLog.at(-1)).toMatchObject({ route: 'postEvent', status: 403 });
  });

  it('scripted REST faults: 500 then normal; stall never answers', async () => {
    vonage.failRest({ route: 'getConversation', kind: 500, times: 1 });
    const app = await client().createSession(await jwt());
    await expect(app.getConversation(vonage.conversationId)).rejects.toBeDefined();
    await expect(app.getConversation(vonage.conversationId)).resolves.toBeDefined();
    vonage.failRest({ route: 'getConversation', kind: 'stall', times: 1 });
    const outcome = await Promise.race([app.getConversation(vonage.conversationId).then(() => 'answered'), sleep(300).then(() => 'stalled')]);
    expect(outcome).toBe('stalled');
  });
});
