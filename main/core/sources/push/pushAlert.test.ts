import { describe, expect, it } from 'vitest';
import { pushAlert } from './pushAlert.js';
import { parsePushPayload } from './pushPayload.js';

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
