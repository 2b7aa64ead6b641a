// Pure pieces of the Vonage source: mapping, ACL inspection, packet guard, history paging, refresh timing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { mapEventToAlert, toConversationEvent } from '../../main/core/sources/vonage/eventMapper.js';
import { aclExcess, decodeJwtClaims } from '../../main/core/sources/vonage/jwtInspect.js';
import { inspectPacket } from '../../main/core/sources/vonage/socketGuard.js';
import { fetchEventsAfter } from '../../main/core/sources/vonage/eventHistory.js';
import { implausibleId, LiveIdRuns } from '../../main/core/sources/vonage/eventIdGuard.js';
import { refreshDelay, resolveTiming } from '../../main/core/sources/vonage/vonageTiming.js';
import { generateSigningKeys, signJwt } from '../emulators/vonage/jwt.js';
import { seedAcl } from '../emulators/backend/index.js';

describe('eventMapper', () => {
  it('maps the seed payload and the guest wording', () => {
    const withEmail = mapEventToAlert('CON-1', { id: 7, type: 'support_request', body: { email: 'a@b.io', host_url: 'https://x.vonage.com/h' } }, 5);
    expect(withEmail).toMatchObject({ id: 'CON-1:7', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'a@b.io has requested support', link: 'https://x.vonage.com/h', receivedAt: 5 });
    expect(mapEventToAlert('CON-1', { id: 8, type: 'support_request', body: {} }, 5).body).toBe('A guest has requested support');
    // Not an address: what the guest typed, as plain text, and no email in meta.
    const typed = mapEventToAlert('CON-1', { id: 9, type: 'support_request', body: { email: 'a b@c.io\n' } }, 5);
    expect(typed.body).toBe('a b@c.io has requested support');
    expect(typed.meta?.email).toBeUndefined();
    expect(mapEventToAlert('CON-1', { id: 10, type: 'support_request', body: { email: 'table 4' } }, 5).body).toBe('table 4 has requested support');
  });

  it('accepts integer and numeric-string ids only', () => {
    expect(toConversationEvent({ id: '11', type: 'custom:support_request', body: {} })).toMatchObject({ id: 11, type: 'support_request' });
    for (const id of ['abc', 1.5, -1, 0, -0, null, undefined, '1e3', Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) expect(toConversationEvent({ id, type: 'x', body: {} })).toBeUndefined();
    expect(toConversationEvent({ id: Number.MAX_SAFE_INTEGER, type: 'x', body: {} })?.id).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('jwtInspect', () => {
  const keys = generateSigningKeys();
  it('the seed ACL is least privilege; anything more is named', () => {
    const seed = decodeJwtClaims(signJwt({ sub: 'a', acl: seedAcl('CON-1') }, keys.privateKey));
    expect(seed && aclExcess(seed, 'CON-1')).toEqual([]);
    const wide = decodeJwtClaims(signJwt({ sub: 'a', acl: { paths: { '/*/conversations/CON-1/**': { methods: ['GET', 'POST'] }, '/*/conversations/**': {} } } }, keys.privateKey));
    expect(wide && aclExcess(wide, 'CON-1')).toEqual(['/*/conversations/CON-1/** allows POST', '/*/conversations/** is granted']);
    const none = decodeJwtClaims(signJwt({ sub: 'a' }, keys.privateKey));
    expect(none && aclExcess(none, 'CON-1')).toEqual(['the token has no ACL, so it grants full access']);
    expect(decodeJwtClaims('not-a-jwt')).toBeUndefined();
  });
});

describe('socketGuard.inspectPacket', () => {
  it('drops non-object payloads, repairs body:null, passes the rest', () => {
    expect(inspectPacket({ type: 2, data: ['custom:x', 'str'] })).toMatch(/not an object/);
    expect(inspectPacket({ type: 2, data: ['custom:x', null] })).toMatch(/not an object/);
    expect(inspectPacket({ type: 2, data: ['session:success', { body: 'x' }] })).toMatch(/body is not an object/);
    const packet = { type: 2, data: ['custom:x', { id: 1, body: null }] };
    expect(inspectPacket(packet)).toBeUndefined();
    expect((packet.data[1] as { body: unknown }).body).toEqual({});
    expect(inspectPacket({ type: 0, data: undefined })).toBeUndefined();
  });
});

describe('eventHistory', () => {
  it('pages back to the cursor and never follows a next link to another origin', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const evil = { _embedded: { data: { events: [{ id: 5, type: 'custom:support_request', body: {} }, { id: 4, type: 'text', body: null }] } }, _links: { next: { href: 'http://evil.example/beta2/x?cursor=1' } } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(evil));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await fetchEventsAfter({ apiUrl: url, conversationId: 'CON-1', token: 't', afterId: 2, maxEvents: 10, timeoutMs: 1000 });
    server.close();
    expect(result.events.map((e) => e.id)).toEqual([4, 5]);
    expect(result.latestId).toBe(5);
    expect(seen).toHaveLength(1);
  });
});

describe("eventHistory beyond the server's retention", () => {
  it('counts the ids after the cursor the server no longer lists, and reads every listed one (no catch-up limit)', async () => {
    const server = createServer((req, res) => {
      // The server kept only ids 9..260: 252 events, three pages of 100 newest first, then no next link.
      const url = new URL(req.url ?? '/', 'http://x');
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const ids = Array.from({ length: 252 }, (_, i) => 260 - i).slice(offset, offset + 100);
      const next = offset + 100 < 252 ? { next: { href: `/beta2/conversations/CON-1/events?order=desc&cursor=${offset + 100}` } } : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ _embedded: { data: { events: ids.map((id) => ({ id, type: 'custom:support_request', body: {} })) } }, _links: next }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await fetchEventsAfter({ apiUrl: url, conversationId: 'CON-1', token: 't', afterId: 2, maxEvents: 50_000, timeoutMs: 1000 });
    server.close();
    expect(result.events).toHaveLength(252);
    expect(result.truncated).toBe(false);
    expect(result.unavailable).toBe(6); // ids 3..8
  });
});

describe('eventIdGuard.implausibleId', () => {
  it('passes ids the SDK does not queue and plausible ones; refuses unusable and far-ahead ids', () => {
    expect(implausibleId(undefined, 10)).toBeUndefined();
    expect(implausibleId('EVT-x', 10)).toBeUndefined();
    expect(implausibleId(11, 10)).toBeUndefined();
    expect(implausibleId('1010', 10)).toBeUndefined();
    expect(implausibleId(5, undefined)).toBeUndefined();
    expect(implausibleId(1011, 10)).toBe('id 1011 is 1001 ahead of the last known id 10');
    expect(implausibleId(1e308, 10)).toBe('id 1e+308 is not a usable id');
    expect(implausibleId(-3, 10)).toBe('id -3 is not a usable id');
    expect(implausibleId(2.5, 10)).toBe('id 2.5 is not a usable id');
  });

  it('a live burst of consecutive ids stays plausible however long; an id that skips ahead never raises the bar', () => {
    const runs = new LiveIdRuns();
    for (let id = 11; id <= 5_010; id += 1) expect(runs.judge('CON-1', id, 10)).toBeUndefined();
    expect(runs.judge('CON-1', 6_010, 10)).toBeUndefined(); // 1,000 past the run: still plausible, but not the next id
    expect(runs.judge('CON-1', 7_009, 10)).toBe('id 7009 is 1999 ahead of the last known id 5010');
    // Another conversation counts from what is known of it alone.
    expect(runs.judge('CON-2', 2_000, 10)).toBe('id 2000 is 1990 ahead of the last known id 10');
    // Nothing known yet: any usable id passes, and none starts a run.
    expect(runs.judge('CON-3', 50_000, undefined)).toBeUndefined();
    expect(runs.judge('CON-3', 90_000, 10)).toBe('id 90000 is 89990 ahead of the last known id 10');
  });
});

describe('refreshDelay', () => {
  it('refreshes a minute early, or at 3/4 of a short lifetime', () => {
    const t = resolveTiming();
    expect(refreshDelay(900_000, 0, t)).toBe(840_000);
    expect(refreshDelay(3_000, 0, t)).toBe(2_250);
  });
});
