import { describe, expect, it } from 'vitest';
import { guestOf, MAX_GUEST_TEXT, refusedLinkText, supportMetaOf, supportMetaSchema, supportRequestBody } from './supportText.js';

describe('support request wording', () => {
  it('names the guest by address when it is one', () => {
    expect(supportRequestBody(guestOf(' anna@example.com '))).toBe('anna@example.com has requested support');
  });

  it('shows what the guest typed when it is not an address: a name, a table, pasted markup, as plain text', () => {
    expect(supportRequestBody(guestOf('Jan Kowalski'))).toBe('Jan Kowalski has requested support');
    expect(supportRequestBody(guestOf('table 4'))).toBe('table 4 has requested support');
    expect(supportRequestBody(guestOf('<b>help</b>\u202e\n now'))).toBe('<b>help</b> now has requested support');
    const long = guestOf('x'.repeat(500));
    expect('typed' in long && Array.from(long.typed)).toHaveLength(MAX_GUEST_TEXT);
  });

  it('falls back to "A guest" when nothing usable was typed', () => {
    for (const raw of [undefined, null, 42, {}, '', '   ', '\u0000']) expect(supportRequestBody(guestOf(raw))).toBe('A guest has requested support');
  });

  it('a refused link shows host and path only: never its query or fragment', () => {
    expect(refusedLinkText('https://evil.example/room/7?token=s3cret#x')).toBe('Meeting link (not allowed, not opened): evil.example/room/7');
    expect(refusedLinkText('http://meet.example-restaurant.com/')).toBe('Meeting link (not allowed, not opened): meet.example-restaurant.com');
    expect(refusedLinkText('javascript:alert(1)')).toBe('Meeting link (not allowed, not opened)');
    expect(refusedLinkText('not a url')).toBe('Meeting link (not allowed, not opened)');
  });

  it('reads meta.support as supportMetaSchema does: the same value, or nothing where zod refuses', () => {
    const whos = [undefined, '', 'anna', 'x'.repeat(254), 'x'.repeat(255), 3, null];
    const ownTitles = [undefined, true, false, 'true', 1, null];
    const cases: unknown[] = [undefined, null, 'anna', 7, [], [{ who: 'anna' }], {}, { other: 1 }];
    for (const who of whos) for (const ownTitle of ownTitles) cases.push({ who, ownTitle }, { ...(who !== undefined ? { who } : {}), extra: true });
    for (const raw of cases) {
      const zod = supportMetaSchema.safeParse(raw);
      expect(supportMetaOf(raw), JSON.stringify(raw)).toEqual(zod.success ? zod.data : undefined);
    }
  });
});
