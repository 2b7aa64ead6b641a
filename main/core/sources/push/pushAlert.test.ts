import { describe, expect, it } from 'vitest';
import { pushAlert } from './pushAlert.js';
import { edgeCases, expectAgreement } from '../../../../test/harness/edgeCases.js';
import { parsePushPayload, payloadSchema, plainPayloadFields } from './pushPayload.js';

const alertOf = (json: unknown) => {
  const parsed = parsePushPayload(JSON.stringify(json));
  if (!parsed.ok) throw new Error(parsed.reason);
  return pushAlert('mqtt', parsed.payload, 1, {});
};

describe('a pushed support request', () => {
  it('names the guest by address, or by what they typed instead, as plain text', () => {
    expect(alertOf({ type: 'support_request', id: 'a', email: 'anna@example.com' })).toMatchObject({ body: 'anna@example.com has requested support', meta: { email: 'anna@example.com' } });
    const typed = alertOf({ type: 'support_request', id: 'b', email: 'table 4' });
    expect(typed.body).toBe('table 4 has requested support');
    expect(typed.meta).toMatchObject({ problems: ['email is not a usable address'] });
    expect(typed.meta?.email).toBeUndefined();
    expect(alertOf({ type: 'support_request', id: 'c', email: 7 }).body).toBe('A guest has requested support');
    expect(alertOf({ type: 'support_request', id: 'd' }).body).toBe('A guest has requested support');
  });

  it('an event with no body gets the English stand-in, marked for the pipeline to word in the running language', () => {
    expect(alertOf({ type: 'pizza_ready', id: 'e' })).toMatchObject({ body: 'New pizza_ready event', meta: { standIn: true } });
    expect(alertOf({ type: 'pizza_ready', id: 'f', body: 'Table 4' }).meta).not.toHaveProperty('standIn');
  });
});

describe('push payloads checked in plain code first', () => {
  it('agree with the schema on every edge case of every field', () => {
    const valid = { type: 'support_request', id: 'a1', email: 'anna@example.com', host_url: 'https://x.vonage.com/r', title: 'T', body: 'B', other: 1 };
    expectAgreement(payloadSchema, plainPayloadFields, edgeCases(valid, {
      type: [undefined, '', 'a', 'a'.repeat(128), 'a'.repeat(129), 'has space', 'ok_.:-9', 5],
      id: [undefined, '', '  ', ' a ', 'i'.repeat(256), ` ${'i'.repeat(256)} `, 'i'.repeat(257), 0, 7, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, null],
      email: [undefined, 'x', 3, null, {}],
      host_url: [undefined, 'x', 3, null],
      title: [undefined, '', 3, null],
      body: [undefined, '', 3, []],
    }));
  });
});
