// The ntfy source's pure parts: cursors, refusals, turning events into alerts.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, RecentIds, sinceQuery } from '../../main/core/sources/ntfy/ntfyCursor.js';
import { ntfyEventSchema, parseNtfyLine, plainNtfyEvent } from '../../main/core/sources/ntfy/ntfyFrames.js';
import { edgeCases, expectAgreement } from '../harness/edgeCases.js';
import { ntfyAlert } from '../../main/core/sources/ntfy/ntfyMessage.js';
import { replayFloor } from '../../main/core/sources/ntfy/ntfyTopicLink.js';
import { ntfyAuth, optionsProblem, topicStreamUrl } from '../../main/core/sources/ntfy/ntfyOptions.js';
import { describeRefusal, NtfyAuthProblem, NtfyRateLimited, retryAfterMs } from '../../main/core/sources/ntfy/ntfyRefusal.js';
import { redact } from '../../main/core/log/redact.js';

const event = (extra: Record<string, unknown>) => {
  const parsed = parseNtfyLine(JSON.stringify({ id: 'abcDEF123456', time: 1_796_000_000, event: 'message', topic: 't', ...extra }));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
};

describe('ntfy cursors', () => {
  it('round-trips; a first-start cursor has only the time; since is the id, else the time, else absent', () => {
    expect(decodeCursor(encodeCursor({ time: 5, id: 'Ab_-9' }))).toEqual({ time: 5, id: 'Ab_-9' });
    expect(decodeCursor('17/')).toEqual({ time: 17 });
    expect(decodeCursor('garbage')).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(sinceQuery({ time: 5, id: 'x' })).toEqual({ since: 'x' });
    expect(sinceQuery({ time: 5 })).toEqual({ since: '5' });
    expect(sinceQuery(undefined)).toEqual({});
  });

  it('the replay floor: only for an id cursor, the slack below its time', () => {
    expect(replayFloor({ time: 100, id: 'x' }, 5)).toBe(95);
    expect(replayFloor({ time: 100 }, 5)).toBeUndefined();
    expect(replayFloor(undefined, 5)).toBeUndefined();
  });

  it('RecentIds forgets the oldest beyond its limit', () => {
    const recent = new RecentIds(2);
    for (const id of ['a', 'b', 'c']) recent.add(id);
    expect([recent.has('a'), recent.has('b'), recent.has('c')]).toEqual([false, true, true]);
  });
});

describe('ntfy options', () => {
  it('keeps a path prefix, encodes the topic, and says what is missing', () => {
    expect(topicStreamUrl('https://push.example.com/ntfy/', 'r1', { since: 'x' })).toBe('https://push.example.com/ntfy/r1/json?since=x');
    expect(optionsProblem({ enabled: true, topics: ['a'] })).toBe('ntfy.baseUrl is not set');
    expect(optionsProblem({ enabled: true, baseUrl: 'ftp://x', topics: ['a'] })).toMatch(/http/);
    expect(optionsProblem({ enabled: true, baseUrl: 'http://x', topics: ['a/b'] })).toMatch(/not a topic name/);
  });

  it('Bearer for a token, Basic with a user name, and both are redacted from then on', () => {
    const token = ntfyAuth(undefined, 'tk_abcdefghijklmnopqrstuvwxyz123');
    expect(token).toEqual({ login: 'token', headers: { Authorization: 'Bearer tk_abcdefghijklmnopqrstuvwxyz123' } });
    const basic = ntfyAuth('pos', 'pw-secret-1');
    expect(basic.login).toBe('password');
    expect(redact(`x ${basic.headers.Authorization ?? ''} pw-secret-1 tk_abcdefghijklmnopqrstuvwxyz123`)).not.toMatch(/pw-secret-1|tk_abc|cG9z/);
    expect(ntfyAuth(undefined, undefined)).toEqual({ login: 'anonymous', headers: {} });
  });

  it('an ntfy token that was never registered is still redacted', () => {
    expect(redact('token tk_AAAAbbbbCCCCddddEEEEffffGGGG1 here')).toBe('token tk_[redacted] here');
  });
});

describe('ntfy refusals', () => {
  it('401/403 are auth problems naming what was refused; 429 is a rate limit with Retry-After when given', () => {
    const body = '{"code":40101,"http":401,"error":"unauthorized","link":"https://ntfy.sh/docs/publish/#authentication"}';
    const e401 = describeRefusal(401, body, null, 't', 'token', 0);
    expect(e401).toBeInstanceOf(NtfyAuthProblem);
    expect(e401.message).toBe('the server refused the access token (401: unauthorized, code 40101)');
    expect(describeRefusal(403, 'not json', null, 't', 'anonymous', 0).message).toBe('not allowed to read topic t (403); no login is set');
    const e429 = describeRefusal(429, '{"error":"limit reached"}', '7', 't', 'token', 0);
    expect(e429).toBeInstanceOf(NtfyRateLimited);
    expect((e429 as NtfyRateLimited).retryAfterMs).toBe(7_000);
    expect(describeRefusal(500, '', null, 't', 'token', 0).message).toBe('the server answered 500');
  });

  it('Retry-After as seconds or an HTTP date, capped, ignoring garbage', () => {
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4_000)).toBe(6_000);
    expect(retryAfterMs('999999', 0)).toBe(3_600_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});

describe('ntfy messages → alerts', () => {
  it('JSON with a type is the push format; a view action is its link when the JSON has none', () => {
    const result = ntfyAlert(event({ message: '{"type":"support_request","id":"s-1","email":"g@example.com"}', actions: [{ action: 'view', label: 'Join', url: 'https://meet.example.com/v' }] }), 't', 1);
    expect(result).toMatchObject({ ok: true, alert: { id: 's-1', source: 'ntfy', kind: 'support_request', body: 'g@example.com has requested support', link: 'https://meet.example.com/v' } });
  });

  it('JSON without a type, or not JSON at all, is a native message; JSON with a bad type is unusable with a reason', () => {
    expect(ntfyAlert(event({ message: '{"hello":1}' }), 't', 1)).toMatchObject({ ok: true, alert: { id: 'abcDEF123456', kind: 'ntfy_message', body: '{"hello":1}', title: 'ntfy t' } });
    expect(ntfyAlert(event({ message: '{"type":"x y","id":"1"}' }), 't', 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/^type: /) as unknown });
  });

  it('a frame that is not an ntfy event has a reason', () => {
    expect(parseNtfyLine('nope')).toEqual({ ok: false, reason: 'stream line is not JSON' });
    expect(parseNtfyLine('{"id":"x","event":"message"}')).toMatchObject({ ok: false, reason: expect.stringContaining('time') as unknown });
  });
});

describe('ntfy stream lines checked in plain code first', () => {
  it('agree with the schema on every edge case of every field', () => {
    const valid = { id: 'abcDEF123456', time: 1_796_000_000, event: 'message', topic: 't', message: 'm', title: 'T', click: 'https://x', actions: [{ action: 'view' }], tags: ['x'] };
    expectAgreement(ntfyEventSchema, plainNtfyEvent, edgeCases(valid, {
      id: [undefined, '', 'i', 'i'.repeat(64), 'i'.repeat(65), 5, null],
      time: [undefined, 0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, '1'],
      event: [undefined, '', 'open', 'e'.repeat(65), 1],
      topic: [undefined, '', 't'.repeat(256), 't'.repeat(257), 3],
      message: [undefined, '', 4, null],
      title: [undefined, '', 4, {}],
      click: [undefined, '', 4],
      actions: [undefined, [], [1, 'x'], 'view', {}, null],
    }));
  });
});
