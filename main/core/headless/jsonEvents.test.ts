import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecrets, registerSecret } from '../log/redact.js';
import type { AlertOutcome } from '../alerts/pipeline.js';
import { alertEvent, noticeEvent, writeAlertLine, writeJsonEvent, type JsonEvent } from './jsonEvents.js';

function written(event: JsonEvent): Record<string, unknown> {
  return JSON.parse(writtenText((out) => writeJsonEvent(out, event))) as Record<string, unknown>;
}

function writtenText(write: (out: Writable) => void): string {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  write(out);
  expect(text.endsWith('\n')).toBe(true);
  return text;
}

describe('the --json stream', () => {
  afterEach(() => forgetSecrets());

  it('an alert line redacts secrets, tokens and phone numbers in id, title, body and link, and keeps the rest', () => {
    registerSecret('s3cr3t-value');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const line = written(
      alertEvent(
        {
          alert: { id: 'id-s3cr3t-value', restaurant: 'default', source: 'privmx', kind: 'threadNewMessage', title: 'Order from +48 600 700 800', body: `token ${jwt} and s3cr3t-value`, link: 'https://x.vonage.com/?k=s3cr3t-value', receivedAt: 1, meta: {} },
          shown: false,
          reason: 'coalesced',
          joinUrl: 'https://x.vonage.com/?k=s3cr3t-value',
        },
        0,
      ),
    );
    expect(line).toEqual({
      type: 'alert', id: 'id-[redacted]', source: 'privmx', title: 'Order from +48***00', body: 'token [jwt] and [redacted]',
      link: 'https://x.vonage.com/?k=[redacted]', shown: false, reason: 'coalesced', at: new Date(0).toISOString(), restaurant: 'default',
    });
  });

  it('the alert line written for each event is, byte for byte, the alert event written as a line', () => {
    registerSecret('s3cr3t-value');
    const alert = { id: 'id-s3cr3t-value', restaurant: 'bistro', source: 'vonage' as const, kind: 'support_request', title: 'Help +48 600 700 800', body: 'Bearer abc.def', link: 'https://x.vonage.com/?k=s3cr3t-value', receivedAt: 1, meta: {} };
    const outcomes: AlertOutcome[] = [
      { alert, shown: false, reason: 'link_not_allowed' },
      { alert, shown: true, joinUrl: 'https://x.vonage.com/?k=s3cr3t-value' },
      { alert: { ...alert, link: undefined }, shown: false, reason: 'dnd' },
    ];
    for (const o of outcomes) expect(writtenText((out) => writeAlertLine(out, o, 5))).toBe(writtenText((out) => writeJsonEvent(out, alertEvent(o, 5))));
  });

  it('other lines keep the deep redaction', () => {
    registerSecret('s3cr3t-value');
    expect(written(noticeEvent({ source: 'sms', restaurant: 'default', level: 'warn', message: 'sent to +48 600 700 800 with s3cr3t-value', at: 0 })).message).toBe('sent to +48***00 with [redacted]');
  });
});
