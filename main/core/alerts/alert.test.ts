import { describe, expect, it } from 'vitest';
import { edgeCases, expectAgreement } from '../../../test/harness/edgeCases.js';
import { alertSchema, alertWithoutZod, parseAlert } from './alert.js';

const valid = { id: 'e1', restaurant: 'bistro', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'anna has requested support', link: 'https://x.vonage.com/r', receivedAt: 1_700_000_000_000, meta: { support: { who: 'anna' } } };

/** The edge cases of each field (undefined: the key left out). */
const edges: Record<string, readonly unknown[]> = {
  id: [undefined, '', 'x', 'x'.repeat(512), 'x'.repeat(513), 1, null, ['e1']],
  restaurant: [undefined, '', 'r', 'r'.repeat(64), 'r'.repeat(65), 0, null],
  source: [undefined, 'vonage', 'privmx', 'mqtt', 'ntfy', 'servicebell', 'VONAGE', 'other', '', 1, null],
  kind: [undefined, '', 'k', 'k'.repeat(128), 'k'.repeat(129), 2, null],
  title: [undefined, '', 't', 5, null, {}],
  body: [undefined, '', 'b', 5, null, []],
  link: [undefined, '', 'not a url', 7, null, { href: 'https://x' }],
  receivedAt: [undefined, 0, -0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, '1', null],
  meta: [undefined, {}, { a: 1 }, null, [], 'm', 3, new Date(0)],
};

describe('alert validation without zod', () => {
  it('agrees with alertSchema on every edge case of every field: the same alert, or nothing where zod refuses', () => {
    expectAgreement(alertSchema, alertWithoutZod, edgeCases(valid, edges));
  });

  it('gives the same JSON as zod, key for key (history lines do not change)', () => {
    for (const input of [valid, { ...valid, link: undefined }, { id: 'e2', source: 'mqtt', kind: 'k', title: '', body: '', receivedAt: 0 }]) {
      expect(JSON.stringify(alertWithoutZod(input))).toBe(JSON.stringify(alertSchema.parse(input)));
    }
  });

  it('copies meta, so a source changing its object later changes nothing stored', () => {
    const meta = { n: 1 };
    const alert = alertWithoutZod({ ...valid, meta });
    meta.n = 2;
    expect(alert?.meta).toEqual({ n: 1 });
  });

  it('still says what is wrong, and where, through zod', () => {
    expect(parseAlert({ ...valid, receivedAt: -1, kind: '' })).toEqual({ ok: false, problem: expect.stringMatching(/kind: .*; receivedAt: /) as unknown });
    expect(parseAlert('alert')).toEqual({ ok: false, problem: expect.stringMatching(/^\(root\): /) as unknown });
  });
});
